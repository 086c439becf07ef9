import Foundation

/// Result of a walk over a MIME tree: body text, attachments and the structure facts that auto-reply
/// classification needs.
struct MailBodyContent {
    /// One piece of body text; a multipart/alternative gives one segment with both forms.
    struct Segment {
        var plain: String?
        var html: String?
    }

    /// An attachment before its file name is sanitized, which needs its final position.
    struct PendingAttachment {
        var filename: String?
        var requiredExtension: String?
        var contentType: String
        var data: Data
        var contentID: String?
        var isInline: Bool
    }

    var segments: [Segment] = []
    var attachments: [PendingAttachment] = []
    /// MIME types (lower case, without parameters) of every part outside attached messages.
    var partTypes: Set<String> = []
    /// `report-type` parameters of multipart/report parts, in lower case.
    var reportTypes: Set<String> = []
    /// Message-IDs of attached messages and of text/rfc822-headers parts, in message order.
    var enclosedMessageIDs: [String] = []

    var plainTexts: [String] { segments.compactMap(\.plain) }
    var htmlTexts: [String] { segments.compactMap(\.html) }

    /// Adds everything except the body segments of `other`, whose text the caller chooses itself.
    mutating func mergeNonText(of other: MailBodyContent) {
        attachments += other.attachments
        partTypes.formUnion(other.partTypes)
        reportTypes.formUnion(other.reportTypes)
        enclosedMessageIDs += other.enclosedMessageIDs
    }
}
