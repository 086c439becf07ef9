import Foundation

/// Connection settings for submitting outgoing mail: server URL, credentials, STARTTLS policy and timeout.
///
/// `description` and `debugDescription` print `<redacted>` in place of the password, so a configuration can
/// be logged or interpolated without leaking it.
public struct SMTPConfiguration: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// Whether to upgrade a plain `smtp://` connection with STARTTLS (libcurl's `CURLOPT_USE_SSL`).
    public enum StartTLS: Sendable, Equatable {
        /// Never send STARTTLS; only for a relay on the same host.
        case none
        /// Use STARTTLS when the server offers it and continue in plain text when it does not.
        case optional
        /// Fail unless the server accepts STARTTLS.
        case required
    }

    /// SASL mechanism for AUTH; nil lets libcurl pick the strongest one the server offers.
    public enum AuthMechanism: String, Sendable, Equatable {
        case plain = "PLAIN"
        case login = "LOGIN"
    }

    /// `smtp://host:port` or `smtps://host:port` (TLS from the first byte). An optional path sets the name
    /// sent with EHLO (`smtp://relay.example:587/helpdesk.example`). Credentials do not belong in the URL.
    public var url: String
    /// User name for SMTP AUTH; nil sends no AUTH.
    public var username: String?
    /// Password for SMTP AUTH, read from the secret store; never logged.
    public var password: String?
    /// STARTTLS policy for `smtp://` URLs; `smtps://` is encrypted regardless.
    public var startTLS: StartTLS
    /// SASL mechanism to use; nil lets libcurl choose.
    public var authMechanism: AuthMechanism?
    /// Limit for the whole session, connecting included.
    public var timeout: Duration

    /// Creates a configuration; STARTTLS is required unless the caller relaxes it.
    public init(
        url: String, username: String? = nil, password: String? = nil, startTLS: StartTLS = .required,
        authMechanism: AuthMechanism? = nil, timeout: Duration = .seconds(60)
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.startTLS = startTLS
        self.authMechanism = authMechanism
        self.timeout = timeout
    }

    public var description: String {
        let passwordText = password == nil ? "nil" : "<redacted>"
        let usernameText = username.map { String(reflecting: $0) } ?? "nil"
        let mechanism = authMechanism?.rawValue ?? "automatic"
        return "SMTPConfiguration(url: \(url), username: \(usernameText), password: \(passwordText), "
            + "startTLS: \(startTLS), authMechanism: \(mechanism), timeout: \(timeout))"
    }

    public var debugDescription: String { description }

    /// Checks the URL's scheme and host and that it carries no user name or password.
    /// - Throws: `SMTPError.invalidConfiguration` naming the field.
    func validate() throws(SMTPError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtps", let host = components.host, !host.isEmpty
        else {
            throw .invalidConfiguration(
                field: "url", value: url, reason: "expected smtp://host:port or smtps://host:port")
        }
        guard components.user == nil, components.password == nil else {
            throw .invalidConfiguration(
                field: "url", value: "\(scheme)://…@\(host)",
                reason: "put the user name and password in the username and password settings, not in the URL")
        }
        if password != nil, username == nil {
            throw .invalidConfiguration(
                field: "username", value: "nil", reason: "a password is set without a user name")
        }
    }
}
