/// Failures of outgoing mail: invalid settings, an outbox file that cannot be written, a message that cannot
/// be composed.
public enum MailNotifyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A key of `settings/mail.json` has an unusable value.
    case invalidSettings(key: String, value: String, expected: String)
    /// Reading or writing an outbox file failed.
    case outboxFailed(operation: String, path: String, reason: String)
    /// The outbox has no message with this id.
    case unknownOutboxMessage(id: String)

    public var description: String {
        switch self {
        case .invalidSettings(let key, let value, let expected):
            "invalid \(key) \(String(reflecting: value)) in \(MailSettings.path) (expected \(expected)); fix the file"
        case .outboxFailed(let operation, let path, let reason):
            "\(operation) failed on \(path): \(reason); check that the folder exists and belongs to the server's user"
        case .unknownOutboxMessage(let id):
            "no outbox message '\(id)'; run 'flatdesk mail outbox' to list them"
        }
    }
}
