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

    /// Number of `=?` marks from which input is checked for unterminated encoded words.
    static let encodedWordMarkThreshold = 500
    /// Bytes after `=?` within which an encoded word must end with `?=`.
    static let encodedWordSearchWindow = 256

    /// Breaks up `=?` marks that start no complete encoded word, in input with many such marks.
    ///
    /// GMime 3.2.13 searches the rest of the header for the end of every `=?charset?B?` that is not
    /// closed, which takes quadratic time: 20,000 unclosed words in one Subject take seconds. Such a
    /// mark becomes `= ?`, which GMime shows as text just as it would have shown the unclosed word.
    static func withUnterminatedEncodedWordsBroken(_ input: [UInt8]) -> [UInt8] {
        let opens = markIndices(of: (0x3D, 0x3F), in: input)
        guard opens.count >= encodedWordMarkThreshold else { return input }
        let closes = markIndices(of: (0x3F, 0x3D), in: input)
        var output: [UInt8] = []
        output.reserveCapacity(input.count + opens.count)
        var nextClose = 0
        var copied = 0
        for open in opens {
            while nextClose < closes.count && closes[nextClose] < open + 2 { nextClose += 1 }
            let isClosed = nextClose < closes.count && closes[nextClose] < open + 2 + encodedWordSearchWindow
            guard !isClosed else { continue }
            output += input[copied...open]
            output.append(0x20)
            copied = open + 1
        }
        output += input[copied...]
        return output
    }

    /// Returns the indices where the two-byte sequence `mark` starts, in order.
    private static func markIndices(of mark: (UInt8, UInt8), in input: [UInt8]) -> [Int] {
        var indices: [Int] = []
        var index = 0
        while index + 1 < input.count {
            if input[index] == mark.0 && input[index + 1] == mark.1 { indices.append(index) }
            index += 1
        }
        return indices
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
