import Foundation

/// MIME body encoding for `MailComposer`: text parts, quoted-printable, base64 and multipart/alternative.
enum MailBody {
    /// Longest encoded body line, excluding CRLF, from RFC 2045 section 6.7 (quoted-printable) and 6.8 (base64).
    static let encodedLineLength = 76

    /// Returns the content header fields, the blank line and the encoded body of a message.
    static func encode(text: String, html: String?, encoding: MailBodyEncoding) -> [UInt8] {
        guard let html else { return part(text, subtype: "plain", encoding: encoding) }
        let boundary = "=_FlatDesk_" + SecureRandom.token(byteCount: 18)
        var output = Array("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n".utf8)
        output += Array("This is a multi-part message in MIME format.\r\n".utf8)
        for (content, subtype) in [(text, "plain"), (html, "html")] {
            output += Array("\r\n--\(boundary)\r\n".utf8)
            output += part(content, subtype: subtype, encoding: encoding)
        }
        output += Array("\r\n--\(boundary)--\r\n".utf8)
        return output
    }

    /// Returns one text part: its Content-Type and Content-Transfer-Encoding fields, a blank line and the body.
    static func part(_ content: String, subtype: String, encoding: MailBodyEncoding) -> [UInt8] {
        let lines = normalizedLines(content)
        let encodedBody: [String] =
            switch encoding {
            case .quotedPrintable: lines.flatMap(quotedPrintableLines)
            case .base64: base64Lines(Array(lines.joined(separator: "\r\n").utf8) + Array("\r\n".utf8))
            }
        let header =
            "Content-Type: text/\(subtype); charset=utf-8\r\nContent-Transfer-Encoding: \(encoding.rawValue)\r\n\r\n"
        return Array((header + encodedBody.map { $0 + "\r\n" }.joined()).utf8)
    }

    /// Splits text into lines at CRLF, CR or LF, dropping one final line break.
    static func normalizedLines(_ text: String) -> [String] {
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count > 1 && lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Encodes one text line as quoted-printable (RFC 2045 section 6.7), breaking it with soft line breaks
    /// (`=` at the end) so that no output line passes 76 characters and no `=XX` escape is split.
    static func quotedPrintableLines(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        let tokens = bytes.enumerated().map { index, byte in
            quotedPrintableToken(
                byte, isLast: index == bytes.count - 1, isLineStartFrom: index == 0 && line.hasPrefix("From "))
        }
        var output: [String] = []
        var current = ""
        for token in tokens {
            if current.utf8.count + token.utf8.count > encodedLineLength - 1 {
                output.append(current + "=")
                current = ""
            }
            current += token
        }
        output.append(current)
        return output
    }

    /// Encodes one byte: printable ASCII other than `=` stays, a space or tab stays unless it ends the line,
    /// and the `F` of a line starting with `From ` is escaped so that mbox tools do not alter the line.
    private static func quotedPrintableToken(_ byte: UInt8, isLast: Bool, isLineStartFrom: Bool) -> String {
        let isPrintable = byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")
        let isBlank = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        if (isPrintable && !isLineStartFrom) || (isBlank && !isLast) {
            return String(UnicodeScalar(byte))
        }
        let hexDigits = Array("0123456789ABCDEF")
        return "=" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0x0f)])
    }

    /// Encodes bytes as base64 lines of 76 characters.
    static func base64Lines(_ bytes: [UInt8]) -> [String] {
        let encoded = Array(base64(bytes))
        return stride(from: 0, to: encoded.count, by: encodedLineLength).map {
            String(encoded[$0..<min($0 + encodedLineLength, encoded.count)])
        }
    }

    /// Standard base64 with padding (RFC 4648 section 4), as MIME requires.
    static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}
