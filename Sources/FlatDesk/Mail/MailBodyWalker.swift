import CGMime
import Foundation

/// Walks a GMime MIME tree and collects body text and attachments.
///
/// multipart/alternative contributes its text/plain and its HTML form as one segment, multipart/signed
/// contributes its signed content only, and message/rfc822 parts become `.eml` attachments whose text
/// stays out of the body.
struct MailBodyWalker {
    /// Parts nested deeper than this are skipped; GMime itself stops nesting at about 1000 levels.
    static let maximumDepth = 64

    let options: OpaquePointer
    private(set) var content = MailBodyContent()

    init(options: OpaquePointer) {
        self.options = options
    }

    /// Adds `object` and everything below it.
    mutating func walk(_ object: UnsafeMutablePointer<GMimeObject>, insideRelated: Bool = false, depth: Int = 0) {
        // NOTE: content below `maximumDepth` nesting levels is dropped without a trace.
        guard depth <= Self.maximumDepth else { return }
        let mimeType = MailMimeType(of: object)
        content.partTypes.insert(mimeType.essence)
        if fd_gmime_is_message_part(object) != 0 {
            addMessageAttachment(object, mimeType: mimeType)
        } else if fd_gmime_is_multipart(object) != 0 {
            walkMultipart(object, mimeType: mimeType, depth: depth)
        } else if fd_gmime_is_part(object) != 0 {
            addLeaf(object, mimeType: mimeType, insideRelated: insideRelated)
        }
    }

    private mutating func walkMultipart(_ object: UnsafeMutablePointer<GMimeObject>, mimeType: MailMimeType, depth: Int)
    {
        guard let multipart = fd_gmime_multipart(object) else { return }
        if mimeType.subtype == "report", let reportType = mimeType.parameter("report-type") {
            content.reportTypes.insert(reportType.lowercased())
        }
        let children = (0..<g_mime_multipart_get_count(multipart)).compactMap {
            g_mime_multipart_get_part(multipart, $0)
        }
        if children.isEmpty {
            addPrologue(of: multipart)
        } else if fd_gmime_is_multipart_signed(object) != 0 {
            walk(children[0], depth: depth + 1)
        } else if mimeType.subtype == "alternative" {
            walkAlternative(children, depth: depth)
        } else {
            for child in children {
                walk(child, insideRelated: mimeType.subtype == "related", depth: depth + 1)
            }
        }
    }

    /// Picks the last alternative with plain text and the last with HTML, because RFC 2046 orders
    /// alternatives from plainest to richest. Attachments of every alternative are kept.
    private mutating func walkAlternative(_ children: [UnsafeMutablePointer<GMimeObject>], depth: Int) {
        let results = children.map { child in
            var walker = MailBodyWalker(options: options)
            walker.walk(child, depth: depth + 1)
            return walker.content
        }
        let plain = results.last { !$0.plainTexts.isEmpty }?.plainTexts.joined(separator: "\n\n")
        let html = results.last { !$0.htmlTexts.isEmpty }?.htmlTexts.joined(separator: "\n")
        if plain != nil || html != nil {
            content.segments.append(.init(plain: plain, html: html))
        }
        results.forEach { content.mergeNonText(of: $0) }
    }

    /// Adds the prologue as plain text. A multipart without parts usually has a missing or wrong boundary,
    /// so its whole body ended up in the prologue, and that text is the best body there is.
    private mutating func addPrologue(of multipart: UnsafeMutablePointer<GMimeMultipart>) {
        guard let prologue = g_mime_multipart_get_prologue(multipart) else { return }
        let bytes = Array(UnsafeRawBufferPointer(start: prologue, count: strlen(prologue)))
        addText(MailPartDecoder.decodeUnknownCharset(bytes, options: options), isHTML: false)
    }

    private mutating func addLeaf(
        _ object: UnsafeMutablePointer<GMimeObject>, mimeType: MailMimeType, insideRelated: Bool
    ) {
        guard let part = fd_gmime_part(object) else { return }
        let disposition = g_mime_object_get_disposition(object).map { String(cString: $0).lowercased() }
        let filename =
            nonBlank(g_mime_part_get_filename(part).map { String(cString: $0) })
            .map { windowsPathFilename(of: object) ?? $0 } ?? locationFilename(of: part)
        let isBodyType = mimeType.essence == "text/plain" || mimeType.essence == "text/html"
        if isBodyType && disposition != "attachment" && filename == nil {
            addText(bodyText(of: object, mimeType: mimeType), isHTML: mimeType.essence == "text/html")
            return
        }
        let data = MailPartDecoder.contentBytes(of: part)
        if mimeType.essence == "text/rfc822-headers", let id = Self.messageID(inHeaderBlock: data) {
            content.enclosedMessageIDs.append(id)
        }
        content.attachments.append(
            .init(
                filename: filename, requiredExtension: nil, contentType: mimeType.essence, data: Data(data),
                contentID: nonBlank(g_mime_part_get_content_id(part).map { String(cString: $0) }),
                isInline: disposition == "inline" || (disposition == nil && insideRelated)))
    }

    private mutating func addMessageAttachment(_ object: UnsafeMutablePointer<GMimeObject>, mimeType: MailMimeType) {
        guard let messagePart = fd_gmime_message_part(object), let inner = g_mime_message_part_get_message(messagePart)
        else { return }
        let reader = MailHeaderReader(message: inner, options: options)
        if let id = reader.messageID() { content.enclosedMessageIDs.append(id) }
        let filename =
            nonBlank(g_mime_object_get_content_disposition_parameter(object, "filename").map { String(cString: $0) })
            ?? nonBlank(g_mime_object_get_content_type_parameter(object, "name").map { String(cString: $0) })
            ?? nonBlank(reader.subject())
        let data = fd_gmime_message_object(inner).map { MailPartDecoder.serializedBytes(of: $0) } ?? []
        content.attachments.append(
            .init(
                filename: filename, requiredExtension: "eml", contentType: mimeType.essence, data: Data(data),
                contentID: nil, isInline: false))
    }

    /// Returns a quoted file name parameter as written when it contains backslashes.
    ///
    /// Old Windows clients write paths such as `filename="C:\TEMP\ball.png"` without escaping, and GMime
    /// reads each backslash as an RFC 5322 quoted-pair escape (`C:TEMPball.png`), which hides the
    /// directories from `MailAttachmentName`. Names with encoded words are left to GMime.
    private func windowsPathFilename(of object: UnsafeMutablePointer<GMimeObject>) -> String? {
        for (header, parameter) in [("Content-Disposition", "filename=\""), ("Content-Type", "name=\"")] {
            guard let value = g_mime_object_get_header(object, header).map({ String(cString: $0) }),
                let start = value.range(of: parameter, options: .caseInsensitive),
                let end = value[start.upperBound...].firstIndex(of: "\"")
            else { continue }
            let quoted = String(value[start.upperBound..<end])
            return quoted.contains("\\") && !quoted.contains("=?") ? quoted : nil
        }
        return nil
    }

    /// Returns the last path segment of a Content-Location URL, which MHTML parts use instead of a file name.
    private func locationFilename(of part: UnsafeMutablePointer<GMimePart>) -> String? {
        guard let location = nonBlank(g_mime_part_get_content_location(part).map { String(cString: $0) }) else {
            return nil
        }
        let path = location.split(whereSeparator: { $0 == "?" || $0 == "#" }).first ?? ""
        return nonBlank(path.split(separator: "/").last.map(String.init)?.removingPercentEncoding)
    }

    private func bodyText(of object: UnsafeMutablePointer<GMimeObject>, mimeType: MailMimeType) -> String {
        // TODO: uuencoded files inside plain text ("begin 644 name" to "end", as Lotus Notes sends them)
        // stay in the body text; GMime decodes uuencode only as a Content-Transfer-Encoding.
        let text = MailPartDecoder.text(of: object, options: options)
        guard mimeType.essence == "text/plain", mimeType.parameter("format")?.lowercased() == "flowed" else {
            return text
        }
        return FlowedText.unflow(text, deleteSpace: mimeType.parameter("delsp")?.lowercased() == "yes")
    }

    private mutating func addText(_ text: String, isHTML: Bool) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        content.segments.append(isHTML ? .init(plain: nil, html: text) : .init(plain: text, html: nil))
    }

    /// Reads the Message-ID from a bare header block, such as a text/rfc822-headers part of a bounce.
    private static func messageID(inHeaderBlock bytes: [UInt8]) -> String? {
        guard let options = try? GMimeParserOptionsReference(),
            let message = try? MailParser.constructMessage(bytes + Array("\n\n".utf8), options: options)
        else { return nil }
        return withExtendedLifetime((message, options)) {
            MailHeaderReader(message: message.pointer, options: options.pointer).messageID()
        }
    }

    private func nonBlank(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }
}
