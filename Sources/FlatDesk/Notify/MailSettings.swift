import Foundation

/// Email settings from `settings/mail.json`: the SMTP server, the sender, the attachment limit and the
/// outbox retry schedule.
///
/// The SMTP password is never in this file. It comes from the secret store (`smtp-password`) or from
/// `FLATDESK_SMTP_PASSWORD`.
public struct MailSettings: Sendable, Equatable {
    /// The SMTP server that outgoing mail is submitted to.
    public struct SMTP: Sendable, Equatable {
        /// `smtp://host:port` or `smtps://host:port`.
        public var url: String
        /// User name for SMTP AUTH, or nil to send no AUTH.
        public var username: String?
        /// STARTTLS policy for `smtp://` URLs.
        public var startTLS: SMTPConfiguration.StartTLS

        /// Creates SMTP settings; STARTTLS is required unless relaxed.
        public init(url: String, username: String? = nil, startTLS: SMTPConfiguration.StartTLS = .required) {
            self.url = url
            self.username = username
            self.startTLS = startTLS
        }
    }

    /// Default limit for one stored attachment: 10 MiB.
    public static let defaultMaxAttachmentBytes = 10 * 1024 * 1024
    /// Path of the settings file inside the helpdesk repository.
    public static let path = "settings/mail.json"

    /// The SMTP server, or nil when outgoing mail is not configured.
    public var smtp: SMTP?
    /// Display name of the sender, such as `Northwind IT Service Desk`; the helpdesk's name when nil.
    public var fromName: String?
    /// The address customers write to; falls back to `supportAddress` in `settings/helpdesk.json`.
    public var supportAddress: String?
    /// Further addresses that deliver into the helpdesk; they never become requesters or followers.
    public var aliases: [String]
    /// Largest attachment stored with a ticket, in bytes.
    public var maxAttachmentBytes: Int
    /// When the outbox retries a message after a temporary failure.
    public var retryPolicy: MailRetryPolicy
    /// Whether `settings/mail.json` exists; without it no notification is sent.
    public var isPresent: Bool

    /// Creates settings with the defaults used when `settings/mail.json` is absent.
    public init(
        smtp: SMTP? = nil, fromName: String? = nil, supportAddress: String? = nil, aliases: [String] = [],
        maxAttachmentBytes: Int = MailSettings.defaultMaxAttachmentBytes,
        retryPolicy: MailRetryPolicy = MailRetryPolicy(),
        isPresent: Bool = false
    ) {
        self.smtp = smtp
        self.fromName = fromName
        self.supportAddress = supportAddress
        self.aliases = aliases
        self.maxAttachmentBytes = maxAttachmentBytes
        self.retryPolicy = retryPolicy
        self.isPresent = isPresent
    }

    /// Reads `settings/mail.json` from loaded helpdesk settings; defaults when the file is absent.
    /// - Throws: `MailNotifyError.invalidSettings` naming the key and the value at fault.
    public static func load(from settings: HelpdeskSettings) throws(MailNotifyError) -> MailSettings {
        guard let bytes = settings.rawFiles["mail.json"] else { return MailSettings() }
        return try MailSettingsReader.read(bytes)
    }

    /// Reads the settings like `load(from:)`, but logs an invalid file and returns the defaults.
    public static func loadOrDefault(from settings: HelpdeskSettings, logger: Logger) -> MailSettings {
        do {
            return try load(from: settings)
        } catch {
            logger.error("mail settings are invalid; using defaults", ["error": error.description])
            return MailSettings()
        }
    }

    /// Returns the support address: this file's, else the one in `settings/helpdesk.json`.
    public func supportAddress(_ settings: HelpdeskSettings) -> String? {
        (supportAddress ?? settings.profile.supportAddress)?.lowercased()
    }

    /// Returns every address of the helpdesk itself in lower case: support addresses, aliases and the bot.
    public func ownAddresses(_ settings: HelpdeskSettings) -> Set<String> {
        var addresses = Set(aliases.map { $0.lowercased() })
        if let address = supportAddress { addresses.insert(address.lowercased()) }
        if let address = settings.profile.supportAddress { addresses.insert(address.lowercased()) }
        addresses.insert(settings.profile.bot.email.lowercased())
        return addresses
    }
}

/// When the outbox tries a message again after a temporary failure: the delay doubles from
/// `firstDelay` up to `maximumDelay`, and the message fails after `maximumAttempts` attempts.
public struct MailRetryPolicy: Sendable, Equatable {
    /// Delay after the first failed attempt.
    public var firstDelay: TimeInterval
    /// Maximum delay between two attempts.
    public var maximumDelay: TimeInterval
    /// Attempts in total, the first one included.
    public var maximumAttempts: Int

    /// Creates a policy; the defaults retry after 1 minute, 2, 4 … up to 6 hours, 10 attempts in all.
    public init(firstDelay: TimeInterval = 60, maximumDelay: TimeInterval = 6 * 3600, maximumAttempts: Int = 10) {
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.maximumAttempts = maximumAttempts
    }

    /// Returns the delay before the next attempt after `attempts` failed ones, or nil when none is left.
    public func delay(afterAttempts attempts: Int) -> TimeInterval? {
        guard attempts < maximumAttempts else { return nil }
        let exponent = Double(max(0, attempts - 1))
        return min(maximumDelay, firstDelay * pow(2, exponent))
    }
}
