extension MailParser {
    /// Removes what GMime cannot skip by itself before the header block: a UTF-8 byte order mark and
    /// leading blank lines. Input that uses bare CR line endings throughout gets LF endings.
    static func normalizedInput(_ raw: [UInt8]) -> [UInt8] {
        var start = 0
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        start = indexAfterBlankLines(raw, from: start)
        var input = Array(raw[start...])
        if !input.contains(0x0A) && input.contains(0x0D) {
            input = input.map { $0 == 0x0D ? 0x0A : $0 }
        }
        return input
    }

    /// Returns the index of the first line that contains something other than spaces and tabs.
    private static func indexAfterBlankLines(_ bytes: [UInt8], from start: Int) -> Int {
        var lineStart = start
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                lineStart = index
            default:
                return lineStart
            }
        }
        return index
    }

    /// Returns the first 40 bytes of `bytes` as text for an error message, with control characters replaced.
    static func printablePrefix(of bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(40), as: UTF8.self)
        return String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }
}
