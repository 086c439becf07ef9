/// Reason an inbound message could not be parsed.
public enum MailError: Error, Equatable, CustomStringConvertible {
    /// The input held no bytes, or only whitespace.
    case emptyInput
    /// GMime found no header block at the start of the input, so it is not an RFC 5322 message.
    case notAMessage(byteCount: Int, start: String)
    /// A GMime call returned no object for a message of `byteCount` bytes.
    case gmimeFailed(function: String, byteCount: Int)

    /// Message naming what failed, on which input, and what to check.
    public var description: String {
        switch self {
        case .emptyInput:
            return "The message is empty: pass the raw RFC 5322 message bytes, headers first."
        case .notAMessage(let byteCount, let start):
            return "The input of \(byteCount) bytes starting with \"\(start)\" has no header block, "
                + "so it is not an RFC 5322 message; check that the raw message, not a payload around it, was passed."
        case .gmimeFailed(let function, let byteCount):
            return "\(function) returned no object for a message of \(byteCount) bytes; "
                + "the GMime installation may be broken (check libgmime-3.0)."
        }
    }
}
