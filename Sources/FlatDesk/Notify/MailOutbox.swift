import Foundation

/// Outgoing messages waiting for delivery, kept outside the tracked tree so that they survive a restart:
/// `<git dir>/flatdesk/outbox/<id>.json`, one file per message.
///
/// Every Message-ID put in the outbox is also appended to `message-ids.log` in the same folder, with its
/// ticket and recipient, so that replies and bounces thread to the ticket after the message left. A
/// delivered message's file is deleted; a failed one stays with `status` `failed` for `flatdesk mail outbox`.
public final class MailOutbox: Sendable {
    /// Path of the folder.
    public let directory: String
    let sentLog: MailMessageIDLog
    private let changed = NSCondition()

    /// Returns the path of the outbox's Message-ID log for the helpdesk whose git directory is `gitDirectory`.
    public static func messageIDLogPath(gitDirectory: String) -> String {
        MailLocalFiles.folder("outbox", gitDirectory: gitDirectory) + "/message-ids.log"
    }

    /// Opens the outbox of the helpdesk whose git directory is `gitDirectory`; the folder is created on the first write.
    public init(gitDirectory: String) {
        directory = MailLocalFiles.folder("outbox", gitDirectory: gitDirectory)
        sentLog = MailMessageIDLog(path: Self.messageIDLogPath(gitDirectory: gitDirectory))
    }

    /// Puts a composed message in the outbox, due now by the wall clock, and records its Message-ID for threading.
    /// - Parameters:
    ///   - time: the helpdesk's time of the change, stored as `createdAt` and in the Message-ID log.
    /// - Throws: `MailNotifyError.outboxFailed` when the folder cannot be written.
    @discardableResult
    public func enqueue(
        _ composed: ComposedMail, kind: MailOutboxMessage.Kind, ticketID: String, entryID: String?, sender: String,
        at time: Date
    ) throws(MailNotifyError) -> MailOutboxMessage {
        let message = MailOutboxMessage(
            id: Self.newID(at: Date()),
            ticketID: ticketID, entryID: entryID, kind: kind, messageID: composed.messageID, sender: sender,
            recipients: composed.envelopeRecipients, createdAt: time, attempts: 0, nextAttemptAt: Date(),
            lastError: nil,
            status: .pending, message: Data(composed.bytes).base64EncodedString())
        let record = MailMessageIDLog.Record(
            messageID: composed.messageID, ticketID: ticketID, recipient: composed.envelopeRecipients.first, at: time)
        do {
            try sentLog.append(record)
        } catch {
            throw .outboxFailed(operation: "append", path: sentLog.path, reason: error.description)
        }
        try save(message)
        signal()
        return message
    }

    /// `20261130T081200.123Z-<random>`: the enqueue time to the millisecond first, so names sort by age.
    static func newID(at time: Date) -> String {
        let stamp = Timestamp.format(time).replacingOccurrences(of: "-", with: "").replacingOccurrences(
            of: ":", with: "")
        let milliseconds = Int((time.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        let random = HMACSHA256.hex(SecureRandom.bytes(count: 4))
        return stamp.dropLast() + "." + String(format: "%03d", milliseconds) + "Z-" + random
    }

    /// Reads every message in the outbox, pending and failed, oldest first, skipping unreadable files.
    public func messages() -> [MailOutboxMessage] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { return nil }
            return try? Self.decoder.decode(MailOutboxMessage.self, from: data)
        }
    }

    /// Writes a message's file, replacing the earlier state atomically.
    func save(_ message: MailOutboxMessage) throws(MailNotifyError) {
        let path = directory + "/" + message.id + ".json"
        do {
            try MailLocalFiles.createFolder(directory)
            try MailLocalFiles.writeAtomically([UInt8](try Self.encoder.encode(message)), to: path)
        } catch let error as MailIntakeError {
            throw .outboxFailed(operation: "write", path: path, reason: error.description)
        } catch {
            throw .outboxFailed(operation: "encode", path: path, reason: "\(error)")
        }
    }

    /// Deletes a delivered message's file.
    func remove(_ message: MailOutboxMessage) throws(MailNotifyError) {
        let path = directory + "/" + message.id + ".json"
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .outboxFailed(operation: "unlink", path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Makes a failed message pending again, due now.
    /// - Throws: `MailNotifyError.unknownOutboxMessage` when no message has this id.
    public func retry(_ id: String, at time: Date) throws(MailNotifyError) {
        guard var message = messages().first(where: { $0.id == id }) else { throw .unknownOutboxMessage(id: id) }
        message.status = .pending
        message.nextAttemptAt = time
        try save(message)
        signal()
    }

    /// Wakes a sender waiting in `wait(until:)`.
    func signal() {
        changed.lock()
        changed.broadcast()
        changed.unlock()
    }

    /// Waits until `deadline` or until a message is put in the outbox by this process.
    func wait(until deadline: Date) {
        changed.lock()
        _ = changed.wait(until: deadline)
        changed.unlock()
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
