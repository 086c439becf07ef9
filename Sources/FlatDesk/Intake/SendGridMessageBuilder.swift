import Foundation

/// Rebuilds a MIME message from the fields of a parsed-form SendGrid payload.
///
/// The original header block is kept except its MIME fields (`Content-Type`, `Content-Transfer-Encoding`,
/// `MIME-Version`), which describe a body SendGrid did not forward. The body becomes `multipart/mixed`
/// with the text (and HTML, as `multipart/alternative`) and the attached files. Each part is base64-encoded
/// so that its bytes arrive unchanged, and text parts declare the charset that the `charsets` field names.
/// The boundary is derived from the fields, so the same payload always gives the same bytes and so the
/// same derived Message-ID.
struct SendGridMessageBuilder {
    let fields: [String: [UInt8]]
    let files: [HTTPMultipartPart]

    private static let mimeFields: Set<String> = ["content-type", "content-transfer-encoding", "mime-version"]

    func build() -> [UInt8] {
        let boundary = "flatdesk-" + String(MailMessageIDs.sha256Hex(fingerprint()).prefix(24))
        var lines = headerLines()
        lines += ["MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"\(boundary)\"", ""].map {
            Array($0.utf8)
        }
        var output = Array(lines.joined(separator: [0x0D, 0x0A])) + [0x0D, 0x0A]
        for part in bodyParts(boundary: boundary) {
            output += Array("--\(boundary)\r\n".utf8) + part
        }
        output += Array("--\(boundary)--\r\n".utf8)
        return output
    }

    /// Returns every field and file as bytes for the boundary, so that equal payloads give equal messages.
    private func fingerprint() -> [UInt8] {
        var bytes: [UInt8] = []
        for name in fields.keys.sorted() { bytes += Array(name.utf8) + [0] + (fields[name] ?? []) + [0] }
        for file in files { bytes += Array(file.name.utf8) + [0] + file.data + [0] }
        return bytes
    }

    // MARK: - Header

    /// Returns the original header fields without the MIME fields, as bytes without line endings. From, To,
    /// Cc and Subject come from the form fields when the header block lacks them.
    private func headerLines() -> [[UInt8]] {
        var kept: [[UInt8]] = []
        var present = Set<String>()
        var skipping = false
        for rawLine in (fields["headers"] ?? []).split(separator: 0x0A) {
            let line = rawLine.last == 0x0D ? Array(rawLine.dropLast()) : Array(rawLine)
            if line.first == 0x20 || line.first == 0x09 {
                if !skipping, !kept.isEmpty { kept.append(line) }
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: line[..<colon], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased()
            skipping = Self.mimeFields.contains(name)
            if !skipping {
                kept.append(line)
                present.insert(name)
            }
        }
        for (field, name) in [("from", "From"), ("to", "To"), ("cc", "Cc"), ("subject", "Subject")]
        where !present.contains(field) {
            if let value = formFieldHeaderValue(field) { kept.append(Array("\(name): \(value)".utf8)) }
        }
        return kept
    }

    /// Returns a form field as a header value: ASCII as it is, anything else as an RFC 2047 encoded word in
    /// the field's charset. For an address, only the display name is encoded.
    private func formFieldHeaderValue(_ name: String) -> String? {
        guard let bytes = fields[name] else { return nil }
        let value = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        guard !bytes.allSatisfy({ $0 < 0x80 }) else { return value }
        let charset = charset(of: name)
        if name != "subject", let open = bytes.lastIndex(of: UInt8(ascii: "<")) {
            let display = Array(bytes[..<open])
            let address = String(decoding: bytes[open...], as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            return Self.encodedWord(display, charset: charset) + " " + address
        }
        return Self.encodedWord(bytes, charset: charset)
    }

    private static func encodedWord(_ bytes: [UInt8], charset: String) -> String {
        "=?\(charset)?B?\(Data(bytes).base64EncodedString())?="
    }

    /// Returns the charset the `charsets` field names for `field`, or UTF-8.
    private func charset(of field: String) -> String {
        guard let bytes = fields["charsets"] else { return "UTF-8" }
        var reader = JSONReader(bytes: bytes)
        guard let value = (try? reader.readDocument())?[field]?.stringValue else { return "UTF-8" }
        return Self.token(value) ?? "UTF-8"
    }

    // MARK: - Body

    private func bodyParts(boundary: String) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        let text = fields["text"].map { textPart($0, subtype: "plain", charset: charset(of: "text")) }
        let html = fields["html"].map { textPart($0, subtype: "html", charset: charset(of: "html")) }
        switch (text, html) {
        case (let text?, let html?):
            let inner = boundary + "-alternative"
            var alternative = Array("Content-Type: multipart/alternative; boundary=\"\(inner)\"\r\n\r\n".utf8)
            for part in [text, html] { alternative += Array("--\(inner)\r\n".utf8) + part }
            alternative += Array("--\(inner)--\r\n".utf8)
            parts.append(alternative)
        case (let single?, nil), (nil, let single?):
            parts.append(single)
        case (nil, nil):
            parts.append(textPart([], subtype: "plain", charset: "UTF-8"))
        }
        parts += attachmentParts()
        return parts
    }

    private func textPart(_ bytes: [UInt8], subtype: String, charset: String) -> [UInt8] {
        let header =
            "Content-Type: text/\(subtype); charset=\"\(charset)\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        return Array(header.utf8) + Self.base64Lines(bytes)
    }

    /// Returns the file parts in the order of their numbers, described by `attachment-info`.
    private func attachmentParts() -> [[UInt8]] {
        var reader = JSONReader(bytes: fields["attachment-info"] ?? Array("{}".utf8))
        let info = (try? reader.readDocument()) ?? .object([])
        let ordered = files.sorted { Self.number($0.name) < Self.number($1.name) }
        return ordered.map { file in
            let details = info[file.name]
            let filename =
                details?["filename"]?.stringValue ?? details?["name"]?.stringValue ?? file.filename ?? file.name
            let type =
                (details?["type"]?.stringValue ?? file.contentType).flatMap(Self.mediaType)
                ?? "application/octet-stream"
            let encodedName = Self.rfc2231(filename)
            var header = "Content-Type: \(type); name*=UTF-8''\(encodedName)\r\n"
            if let contentID = details?["content-id"]?.stringValue.flatMap(Self.token), !contentID.isEmpty {
                header += "Content-ID: <\(contentID)>\r\n"
            }
            header += "Content-Disposition: attachment; filename*=UTF-8''\(encodedName)\r\n"
            header += "Content-Transfer-Encoding: base64\r\n\r\n"
            return Array(header.utf8) + Self.base64Lines(file.data)
        }
    }

    private static func number(_ name: String) -> Int {
        Int(name.drop { !$0.isNumber }) ?? Int.max
    }

    // MARK: - Encoding

    private static func base64Lines(_ bytes: [UInt8]) -> [UInt8] {
        let encoded = Array(Data(bytes).base64EncodedString().utf8)
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count + encoded.count / 38 + 2)
        var index = 0
        while index < encoded.count {
            output += encoded[index..<min(index + 76, encoded.count)]
            output += [0x0D, 0x0A]
            index += 76
        }
        return output
    }

    /// Returns a charset name or Content-ID made of safe characters only, or nil, so that nothing from the
    /// form can break a header line.
    private static func token(_ text: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~@")
        let trimmed = text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        guard !trimmed.isEmpty, trimmed.count <= 200, trimmed.allSatisfy({ allowed.contains($0) }) else { return nil }
        return trimmed
    }

    /// Returns a `type/subtype` media type without parameters, or nil when `text` is not one.
    private static func mediaType(_ text: String) -> String? {
        let base = text.split(separator: ";").first.map(String.init) ?? ""
        let halves = base.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, let type = token(String(halves[0])), let subtype = token(String(halves[1])) else {
            return nil
        }
        return (type + "/" + subtype).lowercased()
    }

    /// Percent-encodes a file name for an RFC 2231 `filename*` parameter.
    private static func rfc2231(_ name: String) -> String {
        let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~".utf8)
        return name.utf8.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }
            .joined()
    }
}
