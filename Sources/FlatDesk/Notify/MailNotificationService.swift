import Foundation

/// Outgoing email for a running server: the notifier that fills the outbox from helpdesk events and the
/// sender thread that delivers it.
public final class MailNotificationService: Sendable {
    public let outbox: MailOutbox
    public let notifier: Notifier
    public let sender: MailOutboxSender

    /// Creates the service and registers the notifier with `helpdesk`; nothing is sent before `start()`.
    /// - Parameters:
    ///   - secrets: the helpdesk's secret store, which contains `smtp-password`.
    public init(helpdesk: Helpdesk, secrets: SecretStore?, logger: Logger? = nil) {
        let logger = logger ?? helpdesk.logger
        outbox = MailOutbox(gitDirectory: helpdesk.store.gitDirectory)
        notifier = Notifier(helpdesk: helpdesk, outbox: outbox, logger: logger.with(["component": "notifier"]))
        sender = MailOutboxSender(
            helpdesk: helpdesk, outbox: outbox, secrets: secrets, logger: logger.with(["component": "mail-outbox"]))
    }

    /// Starts delivering the outbox.
    public func start() {
        sender.start()
    }

    /// Stops delivering, waiting for the message in progress.
    public func stop() {
        sender.stop()
    }
}
