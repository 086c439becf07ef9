/// One header field of a message, with its value unfolded and RFC 2047 encoded words decoded.
public struct MailHeader: Sendable, Hashable {
    /// Field name as written in the message, such as `Subject` or `X-Mailer`.
    public var name: String
    /// Decoded value.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
