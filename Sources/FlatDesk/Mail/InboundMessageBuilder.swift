import CGMime
import Foundation

/// Assembles an `InboundMessage` from a parsed GMime message.
struct InboundMessageBuilder {
    let message: GMimeReference<GMimeMessage>
    let options: GMimeParserOptionsReference

    func build() -> InboundMessage {
        withExtendedLifetime((message, options)) { buildWhileAlive() }
    }

    private func buildWhileAlive() -> InboundMessage {
        let reader = MailHeaderReader(message: message.pointer, options: options.pointer)
        var walker = MailBodyWalker(options: options.pointer)
        if let body = g_mime_message_get_mime_part(message.pointer) {
            walker.walk(body)
        }
        let content = walker.content
        let headers = reader.headers()
        let subject = headers.first { $0.name.caseInsensitiveCompare("Subject") == .orderedSame }?.value ?? ""
        let from = reader.fromAddress()
        let textBody = Self.textBody(of: content)
        let classifier = AutoReplyClassifier(headers: headers, subject: subject, from: from, content: content)
        let kind = classifier.kind()
        return InboundMessage(
            messageID: reader.messageID(),
            inReplyTo: reader.messageIDs(inHeader: "In-Reply-To").first,
            references: reader.messageIDs(inHeader: "References"),
            subject: subject,
            from: from,
            replyTo: reader.addresses(inHeader: "Reply-To"),
            to: reader.addresses(inHeader: "To"),
            cc: reader.addresses(inHeader: "Cc"),
            date: reader.date(),
            headers: headers,
            textBody: textBody,
            htmlBody: content.htmlTexts.isEmpty ? nil : content.htmlTexts.joined(separator: "\n"),
            attachments: Self.attachments(of: content),
            autoReply: kind,
            bouncedMessageID: kind == .bounce ? classifier.bouncedMessageID(textBody: textBody) : nil,
            newText: Self.isForward(subject) ? textBody : ReplyExtractor.newText(from: textBody))
    }

    /// Joins the body segments, using each segment's plain text or else its HTML converted to text.
    static func textBody(of content: MailBodyContent) -> String {
        let parts = content.segments.map { segment in
            MailPartDecoder.normalizedLineEndings(segment.plain ?? HTMLTextConverter.text(fromHTML: segment.html ?? ""))
        }
        return parts.map { $0.trimmingCharacters(in: .newlines) }.joined(separator: "\n\n")
            .replacingOccurrences(of: "\u{0}", with: "")
    }

    /// Subject prefixes (lower case) of forwarded messages, whose quoted content is the message itself.
    static let forwardPrefixes = ["fwd:", "fw:", "wg:", "tr:", "rv:", "enc:", "doorst:"]

    static func isForward(_ subject: String) -> Bool {
        let lower = subject.prefix(16).lowercased()
        return forwardPrefixes.contains { lower.hasPrefix($0) }
    }

    static func attachments(of content: MailBodyContent) -> [MailAttachment] {
        content.attachments.enumerated().map { index, pending in
            MailAttachment(
                filename: MailAttachmentName.sanitized(
                    pending.filename, requiredExtension: pending.requiredExtension, position: index + 1),
                contentType: pending.contentType,
                data: pending.data,
                contentID: pending.contentID,
                isInline: pending.isInline)
        }
    }
}
