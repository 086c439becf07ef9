import Foundation
import Synchronization

/// Turns helpdesk events into emails in the outbox.
///
/// It sends an acknowledgement of a new ticket to its requester, and each public reply by staff to the
/// requester and the followers except its author. The requester also gets resolved and closed notices,
/// and a new assignee gets an assignment notice. Internal notes and events are never sent. Every message is
/// threaded under the ticket's Message-IDs and carries the key in its subject (`[FD-12] Printer jams`).
///
/// Without `settings/mail.json`, or without an SMTP server or support address in it, nothing is sent and
/// one info line says so.
///
/// The server and the CLI commands that change tickets (`new`, `reply`, `set`, `mail ingest`) each run one.
/// NOTE: a change that bypasses FlatDesk (a hand edit pushed with git) reaches a running server only as an
/// index change, so it sends no email.
public final class Notifier: Sendable {
    /// Acknowledgements sent to one address per hour at most, which stops a mail loop with an
    /// auto-responder that does not mark its replies.
    public static let acknowledgementsPerHour = 10

    public let outbox: MailOutbox
    let helpdesk: Helpdesk
    let logger: Logger
    private let reportedOff = Atomic<Bool>(false)
    private let recentAcknowledgements = Mutex<[String: [Date]]>([:])

    /// Creates a notifier and registers it with `helpdesk.observe`; it enqueues on the thread of each change.
    /// The helpdesk keeps only a weak reference, so the caller keeps the notifier alive while it should send.
    public init(helpdesk: Helpdesk, outbox: MailOutbox, logger: Logger? = nil) {
        self.helpdesk = helpdesk
        self.outbox = outbox
        self.logger = logger ?? helpdesk.logger.with(["component": "notifier"])
        helpdesk.observe { [weak self] event in self?.handle(event) }
    }

    /// Enqueues the emails one event calls for.
    func handle(_ event: HelpdeskEvent) {
        switch event {
        case .ticketCreated(let ticket, _):
            acknowledge(ticket)
        case .entryAdded(let ticket, let entry, let actor) where entry.kind == .reply && actor.isStaff:
            sendReply(ticket, entry: entry, actor: actor)
        case .ticketUpdated(let old, let new, let actor):
            sendNotices(old: old, new: new, actor: actor)
        default:
            break
        }
    }

    private func acknowledge(_ ticket: Ticket) {
        guard let context = context(), allowAcknowledgement(to: ticket.requester) else { return }
        let mail = NotificationText.acknowledgement(ticket, context: context)
        enqueue(mail, kind: .acknowledgement, ticket: ticket, entryID: "E1", to: [ticket.requester], context: context)
    }

    private func sendReply(_ ticket: Ticket, entry: TicketEntry, actor: Actor) {
        guard let context = context() else { return }
        let recipients = [ticket.requester] + ticket.followers
        let mail = NotificationText.reply(ticket, entry: entry, author: actor, context: context)
        let others = recipients.filter { $0.lowercased() != actor.email.lowercased() }
        enqueue(mail, kind: .reply, ticket: ticket, entryID: entry.id, to: others, context: context)
    }

    private func sendNotices(old: Ticket, new: Ticket, actor: Actor) {
        if let notice = Self.statusNotice(from: old.status, to: new.status),
            new.requester.lowercased() != actor.email.lowercased(), let context = context()
        {
            let mail = NotificationText.statusNotice(new, kind: notice, actor: actor, context: context)
            enqueue(mail, kind: notice, ticket: new, entryID: nil, to: [new.requester], context: context)
        }
        if let assignee = new.assignee, assignee != old.assignee, assignee.lowercased() != actor.email.lowercased(),
            let context = context()
        {
            let mail = NotificationText.assignment(new, actor: actor, context: context)
            enqueue(mail, kind: .assignment, ticket: new, entryID: nil, to: [assignee], context: context)
        }
    }

    /// Returns the notice a status change calls for: reaching `closed` or `resolved`.
    static func statusNotice(from old: String, to new: String) -> MailOutboxMessage.Kind? {
        guard old != new else { return nil }
        if new == BuiltInStatus.closed.rawValue { return .closed }
        if new == BuiltInStatus.resolved.rawValue { return .resolved }
        return nil
    }

    /// Composes one message per recipient, so that one bad address does not stop the others.
    private func enqueue(
        _ mail: OutgoingMail, kind: MailOutboxMessage.Kind, ticket: Ticket, entryID: String?, to recipients: [String],
        context: NotificationContext
    ) {
        let thread = NotificationThread(ticket: ticket, sentLog: outbox.sentLog)
        var seen = Set<String>()
        for recipient in recipients.map({ $0.lowercased() }) where seen.insert(recipient).inserted {
            guard !context.ownAddresses.contains(recipient), EmailAddressSyntax.isValid(recipient) else {
                logger.info("notification not sent to this address", ["ticket.id": ticket.id, "mail.to": recipient])
                continue
            }
            var addressed = mail
            addressed.to = [OutgoingAddress(recipient, displayName: context.settings.person(recipient)?.name)]
            addressed.inReplyTo = kind == .acknowledgement ? thread.first : thread.replyTarget
            addressed.references = thread.references
            addressed.date = helpdesk.now()
            enqueueOne(addressed, kind: kind, ticket: ticket, entryID: entryID, context: context)
        }
    }

    private func enqueueOne(
        _ mail: OutgoingMail, kind: MailOutboxMessage.Kind, ticket: Ticket, entryID: String?,
        context: NotificationContext
    ) {
        let recipient = mail.to.first?.address ?? ""
        do {
            var composed = try context.composer.compose(mail)
            if kind.isAutomatic { composed = Self.suppressingAutoResponses(composed) }
            let message = try outbox.enqueue(
                composed, kind: kind, ticketID: ticket.id, entryID: entryID, sender: context.supportAddress,
                at: helpdesk.now())
            logger.info(
                "notification queued",
                ["ticket.id": ticket.id, "mail.kind": kind.rawValue, "mail.to": recipient, "outbox.id": message.id])
        } catch let error as MailComposerError {
            logger.error(
                "composing a notification failed",
                ["ticket.id": ticket.id, "mail.to": recipient, "error": error.description])
        } catch {
            logger.error(
                "queueing a notification failed", ["ticket.id": ticket.id, "mail.to": recipient, "error": "\(error)"])
        }
    }

    /// Adds `X-Auto-Response-Suppress: OOF, AutoReply`, which requests that Exchange send no out-of-office
    /// reply to automatic mail. Delivery reports are still wanted, so they are not suppressed.
    static func suppressingAutoResponses(_ composed: ComposedMail) -> ComposedMail {
        let field = Array("X-Auto-Response-Suppress: OOF, AutoReply\r\n".utf8)
        return ComposedMail(
            messageID: composed.messageID, bytes: field + composed.bytes,
            envelopeRecipients: composed.envelopeRecipients)
    }

    /// Counts an acknowledgement to `address`; false once the hourly limit is reached.
    private func allowAcknowledgement(to address: String) -> Bool {
        let now = helpdesk.now()
        let allowed = recentAcknowledgements.withLock { recent -> Bool in
            let kept = (recent[address] ?? []).filter { now.timeIntervalSince($0) < 3600 }
            guard kept.count < Self.acknowledgementsPerHour else {
                recent[address] = kept
                return false
            }
            recent[address] = kept + [now]
            return true
        }
        if !allowed {
            logger.warning("acknowledgement not sent: hourly limit for this address reached", ["mail.to": address])
        }
        return allowed
    }

    /// Returns the settings for composing, or nil (after one info line) when notifications are off.
    private func context() -> NotificationContext? {
        let settings = helpdesk.settings
        let mail = MailSettings.loadOrDefault(from: settings, logger: logger)
        let support = mail.supportAddress(settings)
        guard mail.isPresent, mail.smtp != nil, let support, let domain = support.split(separator: "@").last else {
            if !reportedOff.exchange(true, ordering: .relaxed) {
                let reason =
                    !mail.isPresent
                    ? "settings/mail.json is missing"
                    : mail.smtp == nil ? "it names no SMTP server" : "no support address is set"
                logger.info("email notifications are off: \(reason)")
            }
            return nil
        }
        return NotificationContext(
            settings: settings, mail: mail, supportAddress: support, ownAddresses: mail.ownAddresses(settings),
            composer: MailComposer(messageIDDomain: String(domain)))
    }
}

/// The settings that composing a notification needs.
struct NotificationContext {
    var settings: HelpdeskSettings
    var mail: MailSettings
    var supportAddress: String
    var ownAddresses: Set<String>
    var composer: MailComposer

    var helpdeskName: String { mail.fromName ?? settings.profile.name }
    var from: OutgoingAddress { OutgoingAddress(supportAddress, displayName: helpdeskName) }
}
