/// A syntax error in JSON text, with the 1-based line where it was found.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public var line: Int
    public var message: String
}

/// Parses JSON from UTF-8 bytes, recording the line of each top-level key.
///
/// Foundation's `JSONSerialization` loses key order and line numbers, and both matter here:
/// key order for byte-exact rewrites, lines for compiler-style error messages.
struct JSONReader {
    private let bytes: [UInt8]
    private var position: Int
    private(set) var line = 1

    /// The top-level object's keys in reading order, with the line each starts on.
    private(set) var keyLineList: [(key: String, line: Int)] = []

    /// The top-level object's keys with the line each starts on; a repeated key has the line of its last use.
    var keyLines: [String: Int] {
        Dictionary(keyLineList.map { ($0.key, $0.line) }) { _, last in last }
    }

    init(bytes: [UInt8], start: Int = 0) {
        self.bytes = bytes
        self.position = start
    }

    /// Offset just past the last byte read.
    var offset: Int { position }

    /// Parses one value at the current offset.
    mutating func readDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        return try readValue(depth: 0)
    }

    private mutating func readValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < 64 else { throw failure("nesting deeper than 64 levels") }
        guard position < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try readObject(depth: depth)
        case UInt8(ascii: "["): return try readArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try readLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try readLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try readLiteral("null", .null)
        default: return try readNumber()
        }
    }

    private mutating func readObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var pairs: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            position += 1
            return .object(pairs)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw failure("expected a quoted key") }
            let keyLine = line
            let key = try readString()
            if depth == 0 { keyLineList.append((key, keyLine)) }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "expected ':' after key '\(key)'")
            skipWhitespace()
            pairs.append((key, try readValue(depth: depth + 1)))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "}"), "expected ',' or '}' after the value of '\(key)'")
            return .object(pairs)
        }
    }

    private mutating func readArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try readValue(depth: depth + 1))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "]"), "expected ',' or ']' in array")
            return .array(items)
        }
    }

    private mutating func readString() throws(JSONSyntaxError) -> String {
        position += 1
        let start = position
        var hasEscapes = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let raw = bytes[start..<position]
                position += 1
                return hasEscapes ? try unescape(raw) : try decodeUTF8(raw)
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                position += 1
            } else if byte < 0x20 {
                throw failure("control character in string; write it as an escape such as \\n")
            }
            position += 1
        }
        throw failure("unterminated string")
    }

    private func decodeUTF8(_ raw: ArraySlice<UInt8>) throws(JSONSyntaxError) -> String {
        guard let text = String(validating: raw, as: UTF8.self) else { throw failure("invalid UTF-8 in string") }
        return text
    }

    private func unescape(_ raw: ArraySlice<UInt8>) throws(JSONSyntaxError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < raw.endIndex else {
                output.append(byte)
                continue
            }
            let escape = raw[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
            case UInt8(ascii: "u"):
                let scalar = try readUnicodeEscape(raw, &index)
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            default: throw failure("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
            }
        }
        return try decodeUTF8(output[...])
    }

    private func readUnicodeEscape(_ raw: ArraySlice<UInt8>, _ index: inout Int) throws(JSONSyntaxError)
        -> Unicode.Scalar
    {
        let high = try readHex4(raw, &index)
        if (0xD800..<0xDC00).contains(high), index + 1 < raw.endIndex, raw[index] == UInt8(ascii: "\\"),
            raw[index + 1] == UInt8(ascii: "u")
        {
            index += 2
            let low = try readHex4(raw, &index)
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            if let scalar = Unicode.Scalar(combined) { return scalar }
        }
        guard let scalar = Unicode.Scalar(high) else { throw failure("invalid \\u escape") }
        return scalar
    }

    private func readHex4(_ raw: ArraySlice<UInt8>, _ index: inout Int) throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= raw.endIndex else { throw failure("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Character(Unicode.Scalar(raw[index])).hexDigitValue else {
                throw failure("invalid \\u escape")
            }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func readNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard !text.isEmpty, Double(text) != nil else {
            throw failure("unexpected character '\(Self.describe(bytes[start]))'")
        }
        return .number(text)
    }

    private mutating func readLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let count = word.utf8CodeUnitCount
        let matches =
            position + count <= bytes.count
            && word.withUTF8Buffer { literal in
                (0..<count).allSatisfy { bytes[position + $0] == literal[$0] }
            }
        guard matches else { throw failure("unexpected character '\(Self.describe(bytes[position]))'") }
        position += count
        return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "\\x" + String(byte, radix: 16)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x0A: line += 1
            case 0x20, 0x09, 0x0D: break
            default: return
            }
            position += 1
        }
    }

    private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

    /// Consumes `byte`; `message` is only built when it is missing, since this runs for every key.
    private mutating func expect(_ byte: UInt8, _ message: @autoclosure () -> String) throws(JSONSyntaxError) {
        guard peek(byte) else { throw failure(message()) }
        position += 1
    }

    private func failure(_ message: String) -> JSONSyntaxError { JSONSyntaxError(line: line, message: message) }
}
