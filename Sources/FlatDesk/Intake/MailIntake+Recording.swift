import Foundation

extension MailIntake {
    /// Maximum entry text kept, in bytes of UTF-8, so that a ticket file stays far below its 10 MB limit.
    static let maximumTextBytes = 256 * 1024

    /// A commit that happened, or the dead-letter result when it failed for good.
    enum CommitOutcome<Value> {
        case written(Value)
        case deadLettered(MailIntakeResult)
    }

    /// Adds a message from a person: a reply to its ticket, or a new ticket. A reply to a closed ticket opens
    /// a new ticket linked to the closed one, because a closed ticket takes no further replies.
    func recordHuman(_ context: IntakeContext, match: InboundThreadMatch?) throws(MailIntakeError) -> MailIntakeResult {
        let actor = Self.actor(for: context.sender, settings: context.settings)
        let closed =
            match.flatMap { helpdesk.index.ticket($0.ticketID) }?.ticket.status == BuiltInStatus.closed.rawValue
        if let match, !closed {
            let text = Self.readableText(context.message.newText, fallback: context.message.textBody)
            return try addEntry(context, to: match.ticketID, kind: .reply, text: text, actor: actor, outcome: .threaded)
        }
        return try openTicket(context, related: match?.ticketID, actor: actor)
    }

    /// Records an auto-reply, bounce, read receipt or complaint as an internal event on its ticket. One that
    /// belongs to no ticket goes to the dead-letter folder, because automatic mail never opens a ticket.
    func recordAutomatic(_ context: IntakeContext, match: InboundThreadMatch?) throws(MailIntakeError)
        -> MailIntakeResult
    {
        guard let match else {
            return try deadLettered(context.inbound, reason: "auto-reply without ticket", outcome: .dropped)
        }
        let actor = Self.actor(for: context.sender, settings: context.settings)
        let text = automaticEventText(context)
        return try addEntry(context, to: match.ticketID, kind: .event, text: text, actor: actor, outcome: .recorded)
    }

    private func addEntry(
        _ context: IntakeContext, to ticketID: String, kind: TicketEntry.Kind, text: String, actor: Actor,
        outcome: MailIntakeResult.Outcome
    ) throws(MailIntakeError) -> MailIntakeResult {
        let written = try commit(context) {
            try helpdesk.addInboundEntry(ticketID, kind: kind, actor: actor, messageID: context.messageID) { entryID in
                entryContent(context, entryID: entryID, text: text, includeVia: true)
            }
        }
        switch written {
        case .deadLettered(let result):
            return result
        case .written(nil):
            return MailIntakeResult(outcome: .duplicate, ticketID: ticketID, messageID: context.messageID)
        case .written(let added?):
            return MailIntakeResult(
                outcome: outcome, ticketID: ticketID, entryID: added.entry.id, messageID: context.messageID)
        }
    }

    private func openTicket(_ context: IntakeContext, related: String?, actor: Actor) throws(MailIntakeError)
        -> MailIntakeResult
    {
        let requester = context.sender.email
        let subject = context.message.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        var draft = NewTicket(subject: subject.isEmpty ? "(no subject)" : subject, text: "", requester: requester)
        draft.channel = .email
        draft.organizationId =
            context.settings.person(requester)?.organizationId
            ?? context.settings.organization(forEmail: requester)?.id
        draft.followers = followers(context)
        let text = Self.readableText(context.message.textBody, fallback: "")
        let content = entryContent(context, entryID: "E1", text: text, includeVia: false)
        let written = try commit(context) {
            try helpdesk.createInboundTicket(draft, related: related, actor: actor, content: content)
        }
        switch written {
        case .deadLettered(let result):
            return result
        case .written(let ticket):
            return MailIntakeResult(outcome: .created, ticketID: ticket.id, entryID: "E1", messageID: context.messageID)
        }
    }

    /// Runs a commit, trying again after a temporary failure; a permanent failure dead-letters the message.
    /// - Throws: `MailIntakeError.temporaryFailure` when the last attempt failed temporarily.
    func commit<Value>(_ context: IntakeContext, _ body: () throws -> Value) throws(MailIntakeError)
        -> CommitOutcome<Value>
    {
        var attempt = 1
        while true {
            do {
                return .written(try body())
            } catch  where Self.isTemporary(error) {
                guard attempt < Self.commitAttempts else {
                    logger.error(
                        "storing an inbound email failed; the sender should retry",
                        ["mail.message_id": context.messageID, "error": "\(error)"])
                    throw .temporaryFailure(messageID: context.messageID, reason: "\(error)")
                }
                logger.warning(
                    "storing an inbound email failed; retrying",
                    ["mail.message_id": context.messageID, "attempt": "\(attempt)", "error": "\(error)"])
                Thread.sleep(forTimeInterval: 0.05 * pow(2, Double(attempt - 1)))
                attempt += 1
            } catch {
                return .deadLettered(
                    try deadLettered(context.inbound, reason: "the ticket could not be written: \(error)"))
            }
        }
    }

    /// Returns whether a failed commit may succeed later: libgit2 failures (a locked repository, a full disk),
    /// a branch that kept moving, and file system errors. Invalid values and hand-edited files are permanent.
    static func isTemporary(_ error: any Error) -> Bool {
        switch error {
        case let error as GitError:
            switch error {
            case .libgit2, .tooManyRetries: return true
            case .uncommittedChanges, .notARepository: return false
            }
        case let error as MailIntakeError: return error.isTemporary
        case is HelpdeskError: return false
        default: return true
        }
    }

    /// Builds the entry text, attributes and files of a message for the entry `entryID`.
    func entryContent(_ context: IntakeContext, entryID: String, text: String, includeVia: Bool) -> InboundEntryContent
    {
        let plan = InboundFilePlan(
            entryID: entryID, raw: context.inbound.raw, attachments: context.message.attachments,
            limit: context.mail.maxAttachmentBytes)
        var paragraphs = [Self.limitedText(text)].filter { !$0.isEmpty } + plan.notes
        if paragraphs.isEmpty { paragraphs = ["(The email has no text.)"] }
        var attributes: [(key: String, value: String)] = includeVia ? [("via", Channel.email.rawValue)] : []
        attributes.append(("message-id", context.messageID))
        attributes += plan.attributes
        return InboundEntryContent(
            text: paragraphs.joined(separator: "\n\n"), attributes: attributes, files: plan.files)
    }

    /// Cc'd addresses that become followers: not the requester and not one of the helpdesk's own addresses.
    private func followers(_ context: IntakeContext) -> [String] {
        let excluded = context.mail.ownAddresses(context.settings).union([context.sender.email])
        return context.message.cc.map(\.email).filter { Self.isUsableAddress($0) && !excluded.contains($0) }
    }

    /// Returns the person in settings who sent the message, or a customer known only by the address.
    static func actor(for sender: MailAddress, settings: HelpdeskSettings) -> Actor {
        if let person = settings.person(sender.email) { return Actor(person: person) }
        let cleaned = (sender.name ?? "").unicodeScalars.filter { $0.value >= 0x20 && $0 != "<" && $0 != ">" }
        let name = String(String.UnicodeScalarView(cleaned)).trimmingCharacters(in: .whitespaces)
        return Actor(email: sender.email, name: name.isEmpty ? sender.email : name, role: .customer)
    }

    static func readableText(_ text: String, fallback: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? fallback.trimmingCharacters(in: .whitespacesAndNewlines) : trimmed
    }

    /// `text` cut at `maximumTextBytes` on a character boundary, with a sentence saying so.
    static func limitedText(_ text: String) -> String {
        guard text.utf8.count > maximumTextBytes else { return text }
        var kept = ""
        var size = 0
        for character in text {
            size += character.utf8.count
            guard size <= maximumTextBytes else { break }
            kept.append(character)
        }
        return kept + "\n\n(The text was shortened to \(InboundFilePlan.sizeText(maximumTextBytes)).)"
    }
}
