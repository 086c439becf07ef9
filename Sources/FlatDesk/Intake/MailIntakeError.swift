import Foundation

/// Failures of the inbound mail pipeline that the caller must act on. A message that is merely unusable
/// is not an error: it goes to the dead-letter folder and the caller gets a result.
public enum MailIntakeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Writing the ticket failed for a reason that may pass, such as a locked repository or a full disk.
    case temporaryFailure(messageID: String, reason: String)
    /// A file outside the tracked tree (dead-letter folder, Message-ID log) could not be written.
    case storageFailed(operation: String, path: String, errno: Int32)
    /// A SendGrid Inbound Parse body is not a usable payload.
    case invalidPayload(reason: String)

    /// True when delivering the same message later may succeed, so the sender should retry.
    public var isTemporary: Bool {
        switch self {
        case .temporaryFailure, .storageFailed: true
        case .invalidPayload: false
        }
    }

    public var description: String {
        switch self {
        case .temporaryFailure(let messageID, let reason):
            "message <\(messageID)> could not be stored yet: \(reason); deliver it again later"
        case .storageFailed(let operation, let path, let code):
            "\(operation) failed on \(path): \(String(cString: strerror(code))); "
                + "check free disk space and that the folder belongs to the server's user"
        case .invalidPayload(let reason):
            "invalid inbound email payload: \(reason)"
        }
    }
}
