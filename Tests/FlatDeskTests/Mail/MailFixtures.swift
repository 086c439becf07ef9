import Foundation

@testable import FlatDesk

/// Access to the email corpus under `Tests/Fixtures/email`.
enum MailFixtures {
    /// Time limit for stress inputs. They take well under a second, and a quadratic algorithm needs
    /// minutes, so the margin keeps the tests stable on a loaded machine.
    static let stressTimeLimit: Duration = .seconds(5)

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/email")

    /// Paths (relative to the corpus root) of every message file in raw/, replies/ and autoreplies/.
    static let messagePaths: [String] = ["raw", "replies", "autoreplies"].flatMap { folder in
        paths(in: folder).filter { $0.hasSuffix(".eml") }
    }

    /// Returns the paths of the files in `folder`, sorted, relative to the corpus root.
    static func paths(in folder: String) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.sorted().map { "\(folder)/\($0)" }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    static func parse(_ path: String) throws -> InboundMessage {
        try MailParser.parse(try bytes(path))
    }

    /// Parses a message written inline in a test, with LF line endings turned into CRLF as on the wire.
    static func parse(message: String) throws -> InboundMessage {
        try MailParser.parse(Array(message.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }
}
