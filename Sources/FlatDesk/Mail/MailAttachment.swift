import Foundation

/// A file carried by a message: an attached file, an inline image or an attached message (`.eml`).
public struct MailAttachment: Sendable, Hashable {
    /// Safe file name: no directories, control characters or leading dots, at most 200 bytes of UTF-8.
    public var filename: String
    /// MIME type in lower case, such as `image/png` or `message/rfc822`.
    public var contentType: String
    /// Content with the transfer encoding (base64, quoted-printable, uuencode) removed.
    public var data: Data
    /// Content-ID without angle brackets, which HTML bodies reference as `cid:`.
    public var contentID: String?
    /// True for parts shown inside the message (inline images), false for attached files.
    public var isInline: Bool

    /// Creates an attachment from already sanitized values.
    public init(filename: String, contentType: String, data: Data, contentID: String?, isInline: Bool) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.contentID = contentID
        self.isInline = isInline
    }
}
