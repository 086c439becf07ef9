import Foundation

/// Joins runs of RFC 2047 base64 encoded words before GMime decodes a header.
///
/// GMime 3.2.13 (Debian bookworm) joins the base64 text of adjacent encoded words of one charset
/// before decoding, and its decoder stops at the first padding `=`. In
/// `=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?IHdvcmxk?=` the second word is lost, and a character split across
/// two words becomes `?`.
/// Decoding each word on its own, joining the bytes and encoding them again as one correctly padded
/// word leaves GMime a header it decodes right, including the charset conversion.
enum MailEncodedWordMerger {
    private struct EncodedWord {
        var range: Range<String.Index>
        var charset: String
        var bytes: [UInt8]
    }

    /// Returns `header` with every run of base64 encoded words of one charset, separated only by
    /// whitespace, replaced by a single encoded word.
    static func merged(_ header: String) -> String {
        guard header.range(of: "?b?", options: .caseInsensitive) != nil else { return header }
        let words = base64Words(in: header)
        guard !words.isEmpty else { return header }
        var result = ""
        var cursor = header.startIndex
        var index = 0
        while index < words.count {
            var run = [words[index]]
            while index + run.count < words.count, canJoin(run[run.count - 1], words[index + run.count], in: header) {
                run.append(words[index + run.count])
            }
            result += header[cursor..<run[0].range.lowerBound]
            result += "=?\(run[0].charset)?B?\(Data(run.flatMap(\.bytes)).base64EncodedString())?="
            cursor = run[run.count - 1].range.upperBound
            index += run.count
        }
        result += header[cursor...]
        return result
    }

    private static func canJoin(_ first: EncodedWord, _ second: EncodedWord, in header: String) -> Bool {
        first.charset.caseInsensitiveCompare(second.charset) == .orderedSame
            && header[first.range.upperBound..<second.range.lowerBound].allSatisfy(\.isWhitespace)
    }

    /// Finds the encoded words with `B` encoding, in order.
    private static func base64Words(in header: String) -> [EncodedWord] {
        var words: [EncodedWord] = []
        var searchStart = header.startIndex
        while let open = header.range(of: "=?", range: searchStart..<header.endIndex) {
            guard let word = base64Word(in: header, startingAt: open) else {
                searchStart = open.upperBound
                continue
            }
            words.append(word)
            searchStart = word.range.upperBound
        }
        return words
    }

    /// Reads `=?charset?B?text?=` at `open`; nil for Q words and text that is no encoded word.
    private static func base64Word(in header: String, startingAt open: Range<String.Index>) -> EncodedWord? {
        guard let firstMark = header[open.upperBound...].firstIndex(of: "?") else { return nil }
        let charset = header[open.upperBound..<firstMark]
        let afterMark = header.index(after: firstMark)
        guard !charset.isEmpty, !charset.contains(where: \.isWhitespace), afterMark < header.endIndex,
            header[afterMark] == "B" || header[afterMark] == "b"
        else { return nil }
        let textStart = header.index(after: afterMark)
        guard textStart < header.endIndex, header[textStart] == "?",
            let close = header.range(of: "?=", range: header.index(after: textStart)..<header.endIndex)
        else { return nil }
        let text = header[header.index(after: textStart)..<close.lowerBound]
        guard !text.contains(where: \.isWhitespace) else { return nil }
        return EncodedWord(range: open.lowerBound..<close.upperBound, charset: String(charset), bytes: decode(text))
    }

    /// Decodes base64 text leniently: anything from the first `=` on is padding, and missing padding is added.
    private static func decode(_ text: Substring) -> [UInt8] {
        var payload = String(text.prefix { $0 != "=" })
        if payload.count % 4 == 1 { payload.removeLast() }
        payload += String(repeating: "=", count: (4 - payload.count % 4) % 4)
        return Data(base64Encoded: payload, options: .ignoreUnknownCharacters).map { [UInt8]($0) } ?? []
    }
}
