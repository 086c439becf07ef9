/// A forgiving HTML tokenizer for mail bodies: every input, however broken, yields tokens in one
/// linear pass, and comments, doctypes and the content of script, style and similar elements are skipped.
struct HTMLTokenizer {
    /// Elements whose content is not text to show; the tokenizer skips it up to the matching end tag.
    static let skippedContentElements: Set<String> = ["script", "style", "title", "template", "xml", "head"]

    private let bytes: [UInt8]
    private var position = 0
    private var skipContentUntil: String?

    init(_ html: String) {
        bytes = Array(html.utf8)
    }

    /// Returns the next token, or nil at the end of the input.
    mutating func next() -> HTMLToken? {
        while position < bytes.count {
            if let element = skipContentUntil {
                skipContentUntil = nil
                skipContent(of: element)
                continue
            }
            guard bytes[position] == UInt8(ascii: "<") else { return readText() }
            switch readMarkup() {
            case .token(let token): return token
            case .skipped: continue
            case .text: return readText()
            }
        }
        return nil
    }

    private enum MarkupResult {
        case token(HTMLToken)
        case skipped
        case text
    }

    /// Skips to the end tag of `element`. Without an end tag, `head` ends where `body` starts and
    /// other elements skip nothing, so an unclosed `<style>` cannot hide the rest of the message.
    private mutating func skipContent(of element: String) {
        if let end = indexOfTag("</\(element)", from: position) {
            position = end
        } else if element == "head", let body = indexOfTag("<body", from: position) {
            position = body
        }
    }

    private mutating func readText() -> HTMLToken {
        let start = position
        position += 1
        while position < bytes.count && bytes[position] != UInt8(ascii: "<") {
            position += 1
        }
        return .text(bytes[start..<position])
    }

    /// Reads markup at `<`; a `<` that starts no markup is text.
    private mutating func readMarkup() -> MarkupResult {
        let next = position + 1 < bytes.count ? bytes[position + 1] : 0
        switch next {
        case UInt8(ascii: "!"), UInt8(ascii: "?"):
            skipDeclaration()
            return .skipped
        case UInt8(ascii: "/"):
            guard position + 2 < bytes.count, Self.isLetter(bytes[position + 2]) else { return .text }
            position += 2
            let name = readName()
            skipPast(UInt8(ascii: ">"))
            return .token(.endTag(name: name))
        default:
            guard Self.isLetter(next) else { return .text }
            position += 1
            return .token(readStartTag())
        }
    }

    private mutating func readStartTag() -> HTMLToken {
        let name = readName()
        var attributes: [String: String] = [:]
        while position < bytes.count {
            skipWhitespace()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") {
                position += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                position += 1
                continue
            }
            let (attributeName, value) = readAttribute()
            if attributes[attributeName] == nil { attributes[attributeName] = value }
        }
        if Self.skippedContentElements.contains(name) { skipContentUntil = name }
        return .startTag(name: name, attributes: attributes)
    }

    private mutating func readAttribute() -> (String, String) {
        let nameStart = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]),
            ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[position])
                || position == nameStart
        {
            position += 1
        }
        let name = String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { return (name, "") }
        position += 1
        skipWhitespace()
        return (name, readAttributeValue())
    }

    private mutating func readAttributeValue() -> String {
        guard position < bytes.count else { return "" }
        let quote = bytes[position]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = position + 1
            let end = bytes[start...].firstIndex(of: quote) ?? bytes.count
            position = min(end + 1, bytes.count)
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        let start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func readName() -> String {
        let start = position
        while position < bytes.count, Self.isNameCharacter(bytes[position]) {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
    }

    /// Skips a comment (`<!-- … -->`), doctype, CDATA section or processing instruction.
    private mutating func skipDeclaration() {
        if bytes[position...].starts(with: Array("<!--".utf8)) {
            position = (indexOf(Array("-->".utf8), from: position + 4).map { $0 + 3 }) ?? bytes.count
        } else {
            skipPast(UInt8(ascii: ">"))
        }
    }

    private mutating func skipPast(_ byte: UInt8) {
        position = (bytes[position...].firstIndex(of: byte).map { $0 + 1 }) ?? bytes.count
    }

    private mutating func skipWhitespace() {
        while position < bytes.count && Self.isWhitespace(bytes[position]) {
            position += 1
        }
    }

    /// Returns the index of `tag` (any case, such as `</style`) at or after `start`, where `tag` is
    /// not followed by more name characters.
    private func indexOfTag(_ tag: String, from start: Int) -> Int? {
        let pattern = Array(tag.utf8)
        var index = start
        while let candidate = indexOf(pattern, from: index, ignoringCase: true) {
            let after = candidate + pattern.count
            if after >= bytes.count || !Self.isNameCharacter(bytes[after]) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    private func indexOf(_ pattern: [UInt8], from start: Int, ignoringCase: Bool = false) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if Self.lowercased(bytes[index]) == first || bytes[index] == first,
                zip(bytes[index..<(index + pattern.count)], pattern).allSatisfy({
                    ignoringCase ? Self.lowercased($0) == $1 : $0 == $1
                })
            {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lowercased(byte))
    }

    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "_")
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
