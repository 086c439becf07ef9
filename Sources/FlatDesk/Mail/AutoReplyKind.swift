/// Kind of automatic message an inbound message is, or `none` for mail written by a person.
public enum AutoReplyKind: String, Sendable, Hashable, CaseIterable {
    /// Written by a person.
    case none
    /// An automatic reply: out-of-office, vacation or other RFC 3834 responses and bulk or list mail.
    case autoReply
    /// A delivery failure or delay notice from a mail server.
    case bounce
    /// A read receipt (RFC 8098 message disposition notification).
    case readReceipt
    /// An abuse or spam complaint in the Abuse Reporting Format (RFC 5965).
    case feedbackReport
}
