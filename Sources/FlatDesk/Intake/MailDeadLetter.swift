import Foundation

/// The folder of inbound messages that did not become ticket entries, kept for a person to look at:
/// `<git dir>/flatdesk/dead-letter/<time>-<hash>.eml` with a `.reason.txt` beside each.
///
/// Its Message-ID log makes a message delivered again after it was dead-lettered a duplicate, so a mail
/// server or webhook that retries cannot fill the folder with copies.
public final class MailDeadLetter: Sendable {
    /// Path of the folder.
    public let directory: String
    let log: MailMessageIDLog

    /// Opens the dead-letter folder of the helpdesk whose git directory is `gitDirectory`.
    public init(gitDirectory: String) {
        directory = MailLocalFiles.folder("dead-letter", gitDirectory: gitDirectory)
        log = MailMessageIDLog(path: directory + "/message-ids.log")
    }

    /// Returns whether a message with this Message-ID was dead-lettered before, by this or another process.
    func contains(_ messageID: String) -> Bool {
        log.record(messageID) != nil
    }

    /// Reads what other processes dead-lettered since the last call.
    func refresh() {
        log.refresh()
    }

    /// Stores a message and the reason it was not added to a ticket.
    /// - Parameters:
    ///   - raw: the message as received.
    ///   - messageID: its Message-ID, or the id derived from its bytes.
    ///   - details: further lines for the reason file, such as the sender and subject.
    /// - Returns: the path of the stored `.eml` file.
    /// - Throws: `MailIntakeError.storageFailed` when the folder cannot be written.
    @discardableResult
    func store(_ raw: [UInt8], messageID: String, reason: String, details: [String], at time: Date)
        throws(MailIntakeError)
        -> String
    {
        try MailLocalFiles.createFolder(directory)
        let stamp = Timestamp.format(time).replacingOccurrences(of: "-", with: "").replacingOccurrences(
            of: ":", with: "")
        let base = directory + "/" + stamp + "-" + String(MailMessageIDs.sha256Hex(raw).prefix(16))
        try MailLocalFiles.writeAtomically(raw, to: base + ".eml")
        let lines =
            ["Reason: \(reason)", "Message-ID: <\(messageID)>", "Received: \(Timestamp.format(time))"] + details
        try MailLocalFiles.writeAtomically(Array((lines.joined(separator: "\n") + "\n").utf8), to: base + ".reason.txt")
        try log.append(MailMessageIDLog.Record(messageID: messageID, ticketID: nil, recipient: nil, at: time))
        return base + ".eml"
    }
}
