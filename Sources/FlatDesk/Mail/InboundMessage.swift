import Foundation

/// An inbound email parsed into the fields the ticket intake needs.
public struct InboundMessage: Sendable {
    /// Message-ID without angle brackets, or nil when the message has none.
    public var messageID: String?
    /// First Message-ID of the In-Reply-To header, without angle brackets.
    public var inReplyTo: String?
    /// Message-IDs of the References header in order, without angle brackets.
    public var references: [String]
    /// Decoded subject; empty when the message has none.
    public var subject: String
    /// First mailbox of the From header, or nil when it has none.
    public var from: MailAddress?
    /// Mailboxes of the Reply-To header.
    public var replyTo: [MailAddress]
    /// Mailboxes of the To header.
    public var to: [MailAddress]
    /// Mailboxes of the Cc header.
    public var cc: [MailAddress]
    /// Date header, or nil when missing or unreadable.
    public var date: Date?
    /// Top-level header fields in message order, decoded.
    public var headers: [MailHeader]
    /// Best readable text: the text/plain body, else the HTML body converted to text.
    public var textBody: String
    /// HTML body, when the message has one.
    public var htmlBody: String?
    /// Attached files, inline images and attached messages, in message order.
    public var attachments: [MailAttachment]
    /// Classification as human mail, auto-reply, bounce, read receipt or complaint.
    public var autoReply: AutoReplyKind
    /// For a bounce, the Message-ID of the returned original message, when the bounce includes it.
    public var bouncedMessageID: String?
    /// The reply text without quoted history and signature (see `ReplyExtractor`). A forward, whose
    /// subject starts with `Fwd:`, `FW:`, `WG:`, `TR:`, `RV:`, `ENC:` or `Doorst:`, keeps its whole text body.
    public var newText: String

    /// Returns the decoded values of every header field named `name`, compared without case.
    public func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }
}
