/// One mailbox from an address header: the display name and the address.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// Decoded display name, or nil when the header gives only the address.
    public var name: String?
    /// Address in lower case; empty when the header names a mailbox without an address, such as `MAILER DAEMON <>`.
    public var email: String

    /// Creates an address, lowercasing `email`.
    public init(name: String?, email: String) {
        let trimmedName = name?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.name = (trimmedName?.isEmpty ?? true) ? nil : trimmedName
        self.email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The address as `Name <email>`, or the bare email without a name.
    public var description: String {
        guard let name else { return email }
        return "\(name) <\(email)>"
    }
}
