import Foundation
import Synchronization

/// Delivers the outbox through `SMTPClient` on a thread of its own.
///
/// A temporary failure (4xx reply, refused connection, timeout) schedules another attempt after the
/// delay of the retry policy in `settings/mail.json`. A permanent failure, or the last failed attempt,
/// marks the message failed, logs it and records an internal event on its ticket. The thread wakes when
/// this process enqueues a message and every `pollInterval` to pick up messages that other processes
/// (`flatdesk mail ingest`) enqueued.
public final class MailOutboxSender: Sendable {
    /// Name of the SMTP password in the secret store.
    public static let passwordSecretName = "smtp-password"
    /// Environment variable that supplies the SMTP password instead of the secret store.
    public static let passwordEnvironmentKey = "FLATDESK_SMTP_PASSWORD"

    public let outbox: MailOutbox
    let helpdesk: Helpdesk
    let secrets: SecretStore?
    let environment: [String: String]
    let logger: Logger
    let pollInterval: TimeInterval
    let clock: @Sendable () -> Date
    private let running = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)
    private let reportedUnconfigured = Atomic<Bool>(false)

    /// Creates a sender for the outbox of `helpdesk`.
    /// - Parameters:
    ///   - secrets: where the SMTP password is read from, unless the environment supplies it.
    ///   - pollInterval: the longest time between two looks at the outbox folder, in seconds.
    ///   - clock: the source of "now" for due times; tests pass their own.
    public init(
        helpdesk: Helpdesk, outbox: MailOutbox, secrets: SecretStore?,
        environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger? = nil,
        pollInterval: TimeInterval = 2, clock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.helpdesk = helpdesk
        self.outbox = outbox
        self.secrets = secrets
        self.environment = environment
        self.logger = logger ?? helpdesk.logger.with(["component": "mail-outbox"])
        self.pollInterval = pollInterval
        self.clock = clock
    }

    /// Starts delivering on a thread of its own.
    public func start() {
        guard running.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return }
        logger.info("mail outbox sender started", ["outbox.path": outbox.directory])
        Thread.detachNewThread { [self] in
            while running.load(ordering: .acquiring) {
                deliverDue()
                guard running.load(ordering: .acquiring) else { break }
                let next = nextAttempt() ?? .distantFuture
                outbox.wait(until: min(next, clock().addingTimeInterval(pollInterval)))
            }
            stopped.signal()
        }
    }

    /// Stops the thread after the message in progress and waits for it.
    public func stop() {
        guard running.compareExchange(expected: true, desired: false, ordering: .releasing).exchanged else { return }
        outbox.signal()
        stopped.wait()
        logger.info("mail outbox sender stopped")
    }

    /// Sends every pending message that is due; returns how many were delivered.
    // NOTE: each look reads every file in the outbox, failed ones included, until someone deletes them.
    @discardableResult
    public func deliverDue() -> Int {
        let due = outbox.messages().filter { $0.status == .pending && $0.nextAttemptAt <= clock() }
        guard !due.isEmpty else { return 0 }
        let mail = MailSettings.loadOrDefault(from: helpdesk.settings, logger: logger)
        guard let smtp = mail.smtp else {
            if !reportedUnconfigured.exchange(true, ordering: .relaxed) {
                logger.warning(
                    "outbox has messages but settings/mail.json names no SMTP server",
                    ["outbox.pending": "\(due.count)"])
            }
            return 0
        }
        let client = SMTPClient(configuration: configuration(smtp), logger: logger)
        return due.filter { deliver($0, client: client, policy: mail.retryPolicy) }.count
    }

    /// Returns the earliest due time of a pending message.
    func nextAttempt() -> Date? {
        outbox.messages().filter { $0.status == .pending }.map(\.nextAttemptAt).min()
    }

    func configuration(_ smtp: MailSettings.SMTP) -> SMTPConfiguration {
        let password =
            environment[Self.passwordEnvironmentKey].flatMap { $0.isEmpty ? nil : $0 }
            ?? (try? secrets?.read(Self.passwordSecretName))?.trimmingCharacters(in: .newlines)
        return SMTPConfiguration(
            url: smtp.url, username: smtp.username, password: smtp.username == nil ? nil : password,
            startTLS: smtp.startTLS)
    }

    /// Sends one message and records the outcome; returns true when it was delivered.
    private func deliver(_ message: MailOutboxMessage, client: SMTPClient, policy: MailRetryPolicy) -> Bool {
        do {
            try client.send(from: message.sender, recipients: message.recipients, message: message.bytes)
        } catch {
            failed(message, error: error, policy: policy)
            return false
        }
        do {
            try outbox.remove(message)
        } catch {
            logger.error(
                "removing a delivered message from the outbox failed",
                ["outbox.id": message.id, "error": error.description])
        }
        logger.info(
            "notification delivered",
            [
                "outbox.id": message.id, "ticket.id": message.ticketID, "mail.kind": message.kind.rawValue,
                "attempts": "\(message.attempts + 1)",
            ])
        return true
    }

    private func failed(_ message: MailOutboxMessage, error: SMTPError, policy: MailRetryPolicy) {
        var updated = message
        updated.attempts += 1
        updated.lastError = error.description
        let fields = [
            "outbox.id": message.id, "ticket.id": message.ticketID, "attempts": "\(updated.attempts)",
            "error": error.description,
        ]
        if error.isTemporary, let delay = policy.delay(afterAttempts: updated.attempts) {
            updated.nextAttemptAt = clock().addingTimeInterval(delay)
            logger.warning(
                "notification delivery failed; retrying later",
                fields.merging(["retry.in_seconds": "\(Int(delay))"]) { $1 })
            save(updated)
            return
        }
        updated.status = .failed
        logger.error("notification delivery failed for good", fields)
        save(updated)
        recordOnTicket(updated, error: error)
    }

    private func save(_ message: MailOutboxMessage) {
        do {
            try outbox.save(message)
        } catch {
            logger.error("updating an outbox message failed", ["outbox.id": message.id, "error": error.description])
        }
    }

    /// Adds an internal event to the message's ticket saying it could not be delivered.
    private func recordOnTicket(_ message: MailOutboxMessage, error: SMTPError) {
        let recipients = message.recipients.joined(separator: ", ")
        var text = "Email to \(recipients) could not be delivered: \(Self.reason(error))."
        if error.isTemporary { text += " FlatDesk gave up after \(message.attempts) attempts." }
        do {
            try helpdesk.addEntry(
                message.ticketID, kind: .event, text: text, actor: Actor.system(helpdesk.settings.profile))
        } catch {
            logger.error(
                "recording a delivery failure on the ticket failed",
                ["ticket.id": message.ticketID, "error": "\(error)"])
        }
    }

    /// Returns the SMTP reply, such as `550 RCPT failed: 550`, or the transfer failure.
    static func reason(_ error: SMTPError) -> String {
        switch error {
        case .rejected(let replyCode, let detail, _): "\(replyCode) \(detail)"
        case .transferFailed(_, let detail, _): detail
        default: error.description
        }
    }
}
