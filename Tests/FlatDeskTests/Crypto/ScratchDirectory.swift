import Foundation

@testable import FlatDesk

/// A uniquely named folder under the system temporary folder, created at once and removed with the object.
final class ScratchDirectory: Sendable {
    let path: String

    init(prefix: String) {
        path = FileManager.default.temporaryDirectory.path + "/\(prefix)-" + SecureRandom.token(byteCount: 9)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
