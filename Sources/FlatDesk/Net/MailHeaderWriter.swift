/// Writes header fields with CRLF endings, folding at spaces so that lines stay near 78 characters.
struct MailHeaderWriter {
    /// Preferred line length from RFC 5322 section 2.1.1, excluding CRLF.
    static let foldWidth = 78
    /// Most encoded characters in one encoded word, which then has 64 characters, so that a line with a
    /// field name and one word stays under 78.
    static let encodedWordPayload = 52

    private(set) var bytes: [UInt8] = []

    /// Writes a field whose value is already valid header syntax and shorter than one line.
    mutating func writeRaw(_ name: String, _ value: String) {
        bytes += Array("\(name): \(value)\r\n".utf8)
    }

    /// Writes an unstructured field (Subject): printable ASCII as it is, anything else as encoded words.
    mutating func writeUnstructured(_ name: String, _ text: String) {
        let cleaned = Self.replacingControlCharacters(text)
        let words = cleaned.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let fitsAsText = cleaned.utf8.allSatisfy { $0 < 127 } && words.allSatisfy(Self.isPlainWord)
        writeWords(name, fitsAsText ? words : Self.encodedWords(cleaned))
    }

    /// Writes a list of mailboxes separated by commas, folding between them.
    mutating func writeAddressList(_ name: String, _ mailboxes: [OutgoingAddress]) {
        var words: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            let separator = index < mailboxes.count - 1 ? "," : ""
            var mailboxWords = Self.displayNameWords(mailbox.displayName)
            mailboxWords.append("<\(mailbox.address)>\(separator)")
            words += mailboxWords
        }
        writeWords(name, words)
    }

    /// Writes `name:` and the words separated by single spaces, starting a continuation line (CRLF and a
    /// space) before a word that would pass `foldWidth`. A word longer than a line gets a line of its own.
    mutating func writeWords(_ name: String, _ words: [String]) {
        var line = name + ":"
        for word in words {
            if line.utf8.count + 1 + word.utf8.count > Self.foldWidth && line.utf8.count > name.utf8.count + 1
                && !word.isEmpty
            {
                bytes += Array((line + "\r\n").utf8)
                line = ""
            }
            line += " " + word
        }
        bytes += Array((line + "\r\n").utf8)
    }

    /// Returns the words of a display name: atoms as they are, a quoted string for ASCII with specials,
    /// or encoded words for other scripts.
    static func displayNameWords(_ displayName: String?) -> [String] {
        guard let displayName else { return [] }
        let cleaned = replacingControlCharacters(displayName).trimmingSpaces()
        guard !cleaned.isEmpty else { return [] }
        guard cleaned.utf8.allSatisfy({ $0 < 127 }) else { return encodedWords(cleaned) }
        let words = cleaned.split(separator: " ").map(String.init)
        if words.allSatisfy({ $0.utf8.allSatisfy(isAtext) && isPlainWord($0) }) {
            return words
        }
        let escaped = cleaned.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return escaped.utf8.count <= 900 ? ["\"\(escaped)\""] : encodedWords(cleaned)
    }

    /// Tells whether a word can be written as it is: short enough for one line and not shaped like an encoded
    /// word (`=?…?=`), which a mail client would decode.
    static func isPlainWord(_ word: String) -> Bool {
        word.utf8.count <= 900 && !(word.hasPrefix("=?") && word.hasSuffix("?="))
    }

    /// Splits text into RFC 2047 Q-encoded words (`=?UTF-8?Q?…?=`) of at most `encodedWordPayload` encoded
    /// characters, never splitting a Unicode scalar across two words. Q encoding has no padding: GMime 3.2
    /// joins adjacent base64 words before decoding and stops at a `=` pad in the middle, dropping the rest.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var payload = ""
        for scalar in text.unicodeScalars {
            let encoded = Array(String(scalar).utf8).map(qEncoded).joined()
            if payload.utf8.count + encoded.utf8.count > encodedWordPayload {
                words.append("=?UTF-8?Q?" + payload + "?=")
                payload = ""
            }
            payload += encoded
        }
        if !payload.isEmpty || words.isEmpty { words.append("=?UTF-8?Q?" + payload + "?=") }
        return words
    }

    /// Encodes one byte for a Q word: letters, digits and `!*+-/` stay, a space becomes `_`, and every other
    /// byte becomes `=XX`, the rules of RFC 2047 section 5 for words inside a phrase.
    private static func qEncoded(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "/"):
            String(UnicodeScalar(byte))
        case UInt8(ascii: " "):
            "_"
        default:
            "=" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }
    }

    /// Replaces C0 controls (CR, LF, TAB included) and DEL with spaces, so no header text can end a line.
    static func replacingControlCharacters(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 32 || $0.value == 127 ? " " : $0 }))
    }

    /// RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtext(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
        }
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: Swift.max(0, length - count)) + self
    }

    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
