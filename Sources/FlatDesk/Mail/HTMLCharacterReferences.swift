/// Decoding of HTML character references (`&amp;`, `&#233;`, `&#x2019;`).
enum HTMLCharacterReferences {
    /// Maximum length of a reference name; longer runs after `&` are text.
    private static let maximumNameLength = 32

    /// Returns `bytes` with character references decoded and no-break spaces turned into spaces.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (scalar, length) = reference(in: bytes, at: index) {
                appendScalar(scalar, to: &output)
                index += length
            } else if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 {
                output.append(0x20)
                index += 2
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Returns `text` with character references decoded.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return String(decoding: decode(ArraySlice(text.utf8)), as: UTF8.self)
    }

    /// Reads the reference starting at the `&` at `start`; returns its character and byte length.
    private static func reference(in bytes: ArraySlice<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < bytes.endIndex, end - start <= maximumNameLength, isReferenceCharacter(bytes[end]) {
            end += 1
        }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        let hasSemicolon = end < bytes.endIndex && bytes[end] == UInt8(ascii: ";")
        let length = end - start + (hasSemicolon ? 1 : 0)
        if name.hasPrefix("#") {
            return numericReference(name.dropFirst()).map { ($0, length) }
        }
        guard hasSemicolon || HTMLEntities.namedWithoutSemicolon.contains(name),
            let value = HTMLEntities.named[name], let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, length)
    }

    private static func numericReference(_ digits: Substring) -> Unicode.Scalar? {
        let isHex = digits.first == "x" || digits.first == "X"
        let number = isHex ? digits.dropFirst() : digits
        guard !number.isEmpty, number.count <= 8, let value = UInt32(number, radix: isHex ? 16 : 10) else {
            return nil
        }
        return HTMLEntities.character(forCodePoint: value)
    }

    private static func isReferenceCharacter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "#")
    }

    private static func appendScalar(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if scalar == "\u{A0}" {
            output.append(0x20)
        } else {
            output += Array(String(Character(scalar)).utf8)
        }
    }
}
