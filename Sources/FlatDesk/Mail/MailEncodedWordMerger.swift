import Foundation

/// Joins runs of RFC 2047 base64 encoded words before GMime decodes a header.
///
/// GMime 3.2.13 (Debian bookworm) joins the base64 text of adjacent encoded words of one charset
/// before decoding, and its decoder stops at the first padding `=`. In
/// `=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?IHdvcmxk?=` the second word is lost, and a character split across
/// two words becomes `?`. Decoding each word on its own, joining the bytes and encoding them again as
/// one correctly padded word leaves GMime a header it decodes right, including the charset conversion.
enum MailEncodedWordMerger {
    /// Maximum length of a charset name in an encoded word.
    static let maximumCharsetLength = 64

    private struct EncodedWord {
        var range: Range<Int>
        var charset: [UInt8]
        var bytes: [UInt8]
    }

    /// Returns `header` with every run of base64 encoded words of one charset, separated only by
    /// whitespace, replaced by a single encoded word.
    static func merged(_ header: String) -> String {
        let bytes = Array(header.utf8)
        let words = base64Words(in: bytes)
        guard !words.isEmpty else { return header }
        var result: [UInt8] = []
        var cursor = 0
        var index = 0
        while index < words.count {
            var end = index + 1
            while end < words.count, canJoin(words[end - 1], words[end], in: bytes) { end += 1 }
            let joined = words[index..<end].flatMap(\.bytes)
            result += bytes[cursor..<words[index].range.lowerBound]
            result += Array("=?".utf8) + words[index].charset + Array("?B?".utf8)
            result += Array(Data(joined).base64EncodedString().utf8) + Array("?=".utf8)
            cursor = words[end - 1].range.upperBound
            index = end
        }
        result += bytes[cursor...]
        return String(decoding: result, as: UTF8.self)
    }

    private static func canJoin(_ first: EncodedWord, _ second: EncodedWord, in bytes: [UInt8]) -> Bool {
        first.charset.map(lowercased) == second.charset.map(lowercased)
            && bytes[first.range.upperBound..<second.range.lowerBound].allSatisfy(isWhitespace)
    }

    /// Finds the encoded words with `B` encoding, in order, in one pass over `bytes`.
    private static func base64Words(in bytes: [UInt8]) -> [EncodedWord] {
        var words: [EncodedWord] = []
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?"),
                let word = base64Word(in: bytes, at: index)
            {
                words.append(word)
                index = word.range.upperBound
            } else {
                index += 1
            }
        }
        return words
    }

    /// Reads `=?charset?B?text?=` at `start`; nil for Q words and text that is no encoded word. The scan
    /// stops at the first byte that cannot belong to the word, so it reads each byte a bounded number of times.
    private static func base64Word(in bytes: [UInt8], at start: Int) -> EncodedWord? {
        var index = start + 2
        let charsetStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?"), !isWhitespace(bytes[index]),
            index - charsetStart < maximumCharsetLength
        {
            index += 1
        }
        guard index > charsetStart, index + 2 < bytes.count, bytes[index] == UInt8(ascii: "?"),
            lowercased(bytes[index + 1]) == UInt8(ascii: "b"), bytes[index + 2] == UInt8(ascii: "?")
        else { return nil }
        let charset = Array(bytes[charsetStart..<index])
        let textStart = index + 3
        index = textStart
        while index < bytes.count, isBase64Character(bytes[index]) { index += 1 }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "?"), bytes[index + 1] == UInt8(ascii: "=")
        else { return nil }
        return EncodedWord(range: start..<(index + 2), charset: charset, bytes: decode(bytes[textStart..<index]))
    }

    /// Decodes base64 text leniently: anything from the first `=` on is padding, and missing padding is added.
    private static func decode(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var payload = String(decoding: text.prefix { $0 != UInt8(ascii: "=") }, as: UTF8.self)
        if payload.count % 4 == 1 { payload.removeLast() }
        payload += String(repeating: "=", count: (4 - payload.count % 4) % 4)
        return Data(base64Encoded: payload).map { [UInt8]($0) } ?? []
    }

    private static func isBase64Character(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
            true
        default:
            false
        }
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
