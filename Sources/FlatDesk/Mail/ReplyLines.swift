import Foundation

/// The lines of a reply and the analysis that finds where new text ends.
struct ReplyLines {
    /// Maximum length of a line tested for attributions and separators; longer lines are body text.
    static let maximumMarkerLineLength = 400

    let lines: [String]
    /// The lines to keep: between a leading quoted block (bottom posting) and the quoted history,
    /// plus a signature that followed a trailing quote.
    struct Kept {
        var body: Range<Int>
        var signature: Range<Int>?
    }

    init(_ text: String) {
        lines = MailPartDecoder.normalizedLineEndings(text)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func keptRange() -> Kept {
        let end = historyStart() ?? lines.count
        if let trailing = trailingQuote(before: end) {
            return Kept(body: leadingQuoteEnd(before: trailing.start)..<trailing.start, signature: trailing.signature)
        }
        return Kept(body: leadingQuoteEnd(before: end)..<end, signature: nil)
    }

    func rangeWithoutSignature(_ kept: Kept) -> Kept {
        Kept(body: kept.body.lowerBound..<signatureStart(in: kept.body), signature: nil)
    }

    /// Joins the kept lines, or returns the whole text when they hold nothing.
    func joinedOrWhole(_ kept: Kept) -> String {
        var selected = Array(lines[kept.body])
        if let signature = kept.signature {
            selected += [""] + lines[signature]
        }
        let text = selected.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.isEmpty else { return text }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func isBlank(_ line: String) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }
    }

    func isQuoted(_ line: String) -> Bool {
        line.drop { $0 == " " || $0 == "\t" }.first == ">"
    }

    /// Returns the index after the quote block starting at `start`: quoted and blank lines.
    func quoteBlockEnd(from start: Int) -> Int {
        var index = start
        while index < lines.count && (isQuoted(lines[index]) || isBlank(lines[index])) {
            index += 1
        }
        return index
    }

    func nextNonBlank(from start: Int) -> Int? {
        (start..<lines.count).first { !isBlank(lines[$0]) }
    }
}
