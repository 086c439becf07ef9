import Foundation

/// Folders a benchmark run creates for its own use, deleted together when it ends.
final class ScratchFolders: @unchecked Sendable {
    private var paths: [String] = []
    private let lock = NSLock()

    func add(_ path: String) {
        lock.lock()
        paths.append(path)
        lock.unlock()
    }

    /// Deletes every folder added, newest first.
    func removeAll() {
        lock.lock()
        let folders = paths.reversed()
        paths = []
        lock.unlock()
        for folder in folders { try? FileManager.default.removeItem(atPath: folder) }
    }
}
