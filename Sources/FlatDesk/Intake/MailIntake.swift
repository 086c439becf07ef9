import Foundation

/// The inbound email pipeline: raw message bytes in, one commit out.
///
/// Each message is parsed, checked against the Message-IDs seen before, threaded to a ticket or not, and
/// then becomes a new ticket, a reply, an internal event (auto-replies and bounces) or a file in the
/// dead-letter folder. The webhook and `flatdesk mail ingest` both go through `ingest(raw:)`.
///
/// Messages are decided and committed one at a time per intake, so two deliveries of the same message
/// cannot both be added. Two processes (the server and `mail ingest`) can still race on a new ticket.
public final class MailIntake: Sendable {
    public let helpdesk: Helpdesk
    public let deadLetter: MailDeadLetter
    let threads: MailThreadIndex
    let logger: Logger
    private let lock = NSLock()
    /// Attempts to commit a message before a temporary failure is reported to the sender.
    static let commitAttempts = 3

    /// Opens the pipeline for `helpdesk`, reading every ticket's Message-IDs for threading.
    /// - Throws: what reading the repository throws.
    public init(helpdesk: Helpdesk, logger: Logger? = nil) throws {
        self.helpdesk = helpdesk
        self.logger = logger ?? helpdesk.logger.with(["component": "mail-intake"])
        let gitDirectory = helpdesk.store.gitDirectory
        deadLetter = MailDeadLetter(gitDirectory: gitDirectory)
        let sentLog = MailMessageIDLog(path: MailOutbox.messageIDLogPath(gitDirectory: gitDirectory))
        let cachePath = MailLocalFiles.folder("message-ids.cache", gitDirectory: gitDirectory)
        threads = try MailThreadIndex(helpdesk: helpdesk, sentLog: sentLog, cachePath: cachePath)
        self.logger.info("mail intake ready", ["mail.known_message_ids": "\(threads.receivedCount + sentLog.count)"])
    }

    /// Processes one message as received from a mail server.
    /// - Parameters:
    ///   - raw: the RFC 5322 message.
    ///   - ignoringDeadLetter: process a message again although it was dead-lettered before.
    /// - Returns: what happened; a message that cannot be used is dead-lettered, not thrown.
    /// - Throws: `MailIntakeError` only when delivering the message again later may succeed.
    public func ingest(raw: [UInt8], ignoringDeadLetter: Bool = false) throws(MailIntakeError) -> MailIntakeResult {
        let parsed: InboundMessage?
        var parseFailure: String?
        do {
            parsed = try MailParser.parse(raw)
        } catch {
            parsed = nil
            parseFailure = error.description
        }
        lock.lock()
        defer { lock.unlock() }
        let messageID =
            parsed?.messageID.map(MailMessageIDs.storable).flatMap { $0.isEmpty ? nil : $0 }
            ?? MailMessageIDs.derived(from: raw)
        let inbound = InboundMail(raw: raw, message: parsed, messageID: messageID)
        if let duplicate = duplicateResult(inbound, ignoringDeadLetter: ignoringDeadLetter) { return log(duplicate) }
        guard parsed != nil else {
            return try deadLettered(inbound, reason: "the message cannot be parsed: \(parseFailure ?? "")")
        }
        return log(try decide(inbound))
    }

    /// Processes one SendGrid Inbound Parse payload.
    /// - Throws: `MailIntakeError` only when delivering the payload again later may succeed.
    public func ingest(sendGrid payload: SendGridInboundPayload) throws(MailIntakeError) -> MailIntakeResult {
        try ingest(raw: payload.message)
    }

    /// Returns the result for a message seen before, or nil for a new one.
    private func duplicateResult(_ inbound: InboundMail, ignoringDeadLetter: Bool) -> MailIntakeResult? {
        threads.catchUp()
        deadLetter.refresh()
        let id = inbound.messageID
        if let ticket = threads.ticket(receivedAs: id) {
            return MailIntakeResult(outcome: .duplicate, ticketID: ticket, messageID: id)
        }
        if let sent = threads.sent.record(id) {
            return MailIntakeResult(
                outcome: .duplicate, ticketID: sent.ticketID, messageID: id, reason: "the helpdesk sent this message")
        }
        if !ignoringDeadLetter, deadLetter.contains(id) {
            return MailIntakeResult(outcome: .duplicate, messageID: id, reason: "the message was dead-lettered before")
        }
        return nil
    }

    /// Threads a parsed message and writes it as a ticket, a reply or an event.
    private func decide(_ inbound: InboundMail) throws(MailIntakeError) -> MailIntakeResult {
        guard let message = inbound.message, let sender = message.from, Self.isUsableAddress(sender.email) else {
            let shown = inbound.message?.from?.email ?? ""
            let reason = shown.isEmpty ? "the message has no From address" : "the From address '\(shown)' is invalid"
            return try deadLettered(inbound, reason: reason)
        }
        let settings = helpdesk.settings
        let mail = MailSettings.loadOrDefault(from: settings, logger: logger)
        if mail.ownAddresses(settings).contains(sender.email) {
            return try deadLettered(
                inbound, reason: "the message comes from the helpdesk's own address \(sender.email)")
        }
        let match = threadMatch(message, sender: sender.email, settings: settings)
        let context = IntakeContext(inbound: inbound, message: message, sender: sender, mail: mail, settings: settings)
        guard message.autoReply == .none else { return try recordAutomatic(context, match: match) }
        return try recordHuman(context, match: match)
    }

    /// Returns whether files and commits can carry the address: `local@domain` without spaces, brackets or control characters.
    static func isUsableAddress(_ email: String) -> Bool {
        guard let at = email.firstIndex(of: "@"), at != email.startIndex, email.index(after: at) != email.endIndex
        else {
            return false
        }
        return !email.unicodeScalars.contains { $0.value <= 0x20 || $0 == "<" || $0 == ">" || $0.value == 0x7F }
    }

    /// Keeps a message in the dead-letter folder and returns the result saying so.
    func deadLettered(_ inbound: InboundMail, reason: String, outcome: MailIntakeResult.Outcome = .deadLettered)
        throws(MailIntakeError) -> MailIntakeResult
    {
        let details = [
            "From: \(inbound.message?.from?.description ?? "-")", "Subject: \(inbound.message?.subject ?? "-")",
        ]
        let path = try deadLetter.store(
            inbound.raw, messageID: inbound.messageID, reason: reason, details: details, at: helpdesk.now())
        logger.warning(
            "inbound email not added to a ticket",
            ["mail.message_id": inbound.messageID, "reason": reason, "path": path])
        return MailIntakeResult(outcome: outcome, messageID: inbound.messageID, reason: reason)
    }

    private func log(_ result: MailIntakeResult) -> MailIntakeResult {
        var fields = ["mail.message_id": result.messageID, "mail.outcome": result.outcome.rawValue]
        if let ticket = result.ticketID { fields["ticket.id"] = ticket }
        if let entry = result.entryID { fields["entry.id"] = entry }
        logger.info("inbound email processed", fields)
        return result
    }
}

/// One message on its way through the pipeline.
struct InboundMail {
    var raw: [UInt8]
    /// The parsed message, or nil when it cannot be parsed.
    var message: InboundMessage?
    /// Its Message-ID, or the id derived from its bytes.
    var messageID: String
}

/// What the decision about one parsed message depends on.
struct IntakeContext {
    var inbound: InboundMail
    var message: InboundMessage
    var sender: MailAddress
    var mail: MailSettings
    var settings: HelpdeskSettings

    var messageID: String { inbound.messageID }
}
