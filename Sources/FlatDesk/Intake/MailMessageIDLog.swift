import Foundation
import Synchronization

/// An append-only file of Message-IDs with the ticket each belongs to, outside the tracked files.
///
/// The outbox records every Message-ID it sends here and the dead-letter folder every message it keeps,
/// so that threading and duplicate checks find them after a restart. Several processes may append to the
/// same file (the server and `flatdesk mail ingest`): each line is written with one `write(2)` on a file
/// opened with `O_APPEND`, and `refresh()` reads the lines others appended since the last read.
///
/// Line format: `<time> <message-id> <ticket-id or -> <recipient or ->`, separated by single spaces.
final class MailMessageIDLog: Sendable {
    /// One line of the log.
    struct Record: Sendable, Equatable {
        var messageID: String
        var ticketID: String?
        /// The address the message was sent to, for outgoing mail.
        var recipient: String?
        var at: Date
    }

    private struct State {
        var offset: UInt64 = 0
        var byMessageID: [String: Record] = [:]
        var byTicket: [String: [Record]] = [:]
    }

    let path: String
    private let state = Mutex(State())

    /// Opens the log at `path` and reads what it contains; a missing file is an empty log.
    init(path: String) {
        self.path = path
        refresh()
    }

    /// Appends a record for this and every other process that shares the file.
    /// - Throws: `MailIntakeError.storageFailed` when the folder or file cannot be written.
    func append(_ record: Record) throws(MailIntakeError) {
        let line = Self.line(record)
        try MailLocalFiles.createFolder((path as NSString).deletingLastPathComponent)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .storageFailed(operation: "open", path: path, errno: errno) }
        defer { close(descriptor) }
        let bytes = Array(line.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw .storageFailed(operation: "write", path: path, errno: errno) }
        refresh()
    }

    /// Reads the lines appended since the last read, by any process.
    func refresh() {
        let start = state.withLock { $0.offset }
        guard let (records, consumed) = readLines(from: start), consumed > 0 else { return }
        state.withLock { current in
            guard current.offset == start else { return }
            current.offset = start + consumed
            for record in records {
                current.byMessageID[record.messageID] = record
                if let ticket = record.ticketID { current.byTicket[ticket, default: []].append(record) }
            }
        }
    }

    /// The record of `messageID` as of the last `refresh()`.
    func record(_ messageID: String) -> Record? {
        state.withLock { $0.byMessageID[messageID] }
    }

    /// Records of one ticket in the order they were appended, as of the last `refresh()`.
    func records(ofTicket ticketID: String) -> [Record] {
        state.withLock { $0.byTicket[ticketID] ?? [] }
    }

    /// Number of distinct Message-IDs read so far.
    var count: Int { state.withLock { $0.byMessageID.count } }

    private static func line(_ record: Record) -> String {
        let fields = [
            Timestamp.format(record.at), MailMessageIDs.storable(record.messageID), record.ticketID ?? "-",
            record.recipient.map(MailMessageIDs.storable) ?? "-",
        ]
        return fields.joined(separator: " ") + "\n"
    }

    /// Parses the complete lines after `offset`; returns them and the number of bytes they take.
    private func readLines(from offset: UInt64) -> ([Record], UInt64)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.readToEnd(), !data.isEmpty else {
            return nil
        }
        let bytes = [UInt8](data)
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else { return nil }
        let text = String(decoding: bytes[...lastNewline], as: UTF8.self)
        let records = text.split(separator: "\n").compactMap(Self.parse)
        return (records, UInt64(lastNewline + 1))
    }

    private static func parse(_ line: Substring) -> Record? {
        let fields = line.split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count >= 3, let at = Timestamp.parse(String(fields[0])), !fields[1].isEmpty else { return nil }
        let ticket = fields[2] == "-" ? nil : String(fields[2])
        let recipient = fields.count > 3 && fields[3] != "-" ? String(fields[3]) : nil
        return Record(messageID: String(fields[1]), ticketID: ticket, recipient: recipient, at: at)
    }
}
