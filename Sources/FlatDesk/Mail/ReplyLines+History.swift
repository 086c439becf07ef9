extension ReplyLines {
    /// Lines after a signature delimiter that still count as the signature.
    static let maximumSignatureLines = 12

    /// Returns where quoted history starts: the first separator, or an earlier attribution whose quote
    /// runs to the end (an attribution followed by a quote and then new text starts an inline reply).
    func historyStart() -> Int? {
        let separator = (0..<lines.count).first { isSeparator(at: $0) }
        var index = 0
        while index < (separator ?? lines.count) {
            guard !isQuoted(lines[index]), !isBlank(lines[index]), let span = attributionSpan(at: index) else {
                index += 1
                continue
            }
            guard let next = nextNonBlank(from: index + span), isQuoted(lines[next]) else { return index }
            let blockEnd = quoteBlockEnd(from: next)
            if isTrailing(from: blockEnd) { return index }
            index = blockEnd
        }
        return separator
    }

    /// Finds a block of `>` lines at the end of `0..<end`, optionally followed by a signature.
    /// Returns the block start (including an attribution just above it) and the signature lines.
    func trailingQuote(before end: Int) -> (start: Int, signature: Range<Int>?)? {
        let contentEnd = indexAfterLastNonBlank(before: end)
        let signature = signatureStart(in: 0..<contentEnd)
        var cursor = signature
        while cursor > 0 && isBlank(lines[cursor - 1]) { cursor -= 1 }
        guard cursor > 0, isQuoted(lines[cursor - 1]) else { return nil }
        var start = cursor
        while start > 0 && (isQuoted(lines[start - 1]) || isBlank(lines[start - 1])) { start -= 1 }
        while start < cursor && isBlank(lines[start]) { start += 1 }
        start = attributionStart(endingBefore: start) ?? start
        return (start, signature < contentEnd ? signature..<contentEnd : nil)
    }

    /// Returns the end of a bottom-posting preamble: an attribution and its quote at the very start,
    /// followed by new text with no further quotes before `end`; 0 when there is none.
    func leadingQuoteEnd(before end: Int) -> Int {
        guard let first = nextNonBlank(from: 0), first < end, let span = attributionSpan(at: first),
            let quote = nextNonBlank(from: first + span), quote < end, isQuoted(lines[quote])
        else { return 0 }
        let blockEnd = quoteBlockEnd(from: quote)
        guard blockEnd < end, !(blockEnd..<end).contains(where: { isQuoted(lines[$0]) }) else { return 0 }
        return blockEnd
    }

    /// Returns where a signature at the end of `range` starts, or `range.upperBound` when there is none:
    /// a `-- ` delimiter (also without the space), a mobile line such as `Sent from my iPhone`, or a
    /// mailing list footer below a rule of underscores.
    func signatureStart(in range: Range<Int>) -> Int {
        let end = indexAfterLastNonBlank(before: range.upperBound)
        guard end > range.lowerBound else { return range.upperBound }
        let window = max(range.lowerBound, end - Self.maximumSignatureLines - 1)..<end
        if let delimiter = window.last(where: { isSignatureDelimiter(lines[$0]) }),
            !(delimiter..<end).contains(where: { isQuoted(lines[$0]) })
        {
            return delimiter
        }
        if isMobileSignature(lines[end - 1]) { return end - 1 }
        if let rule = window.last(where: { isUnderscoreRule(lines[$0]) }), rule > range.lowerBound,
            !(rule..<end).contains(where: { isQuoted(lines[$0]) })
        {
            return rule
        }
        return range.upperBound
    }

    /// Reports whether only blank lines, a signature or more history follow `index`.
    private func isTrailing(from index: Int) -> Bool {
        guard let next = nextNonBlank(from: index) else { return true }
        return signatureStart(in: next..<lines.count) == next || isSeparator(at: next)
            || attributionSpan(at: next) != nil
    }

    /// Returns the start of an attribution whose last line is the last non-blank line before `index`.
    private func attributionStart(endingBefore index: Int) -> Int? {
        let last = indexAfterLastNonBlank(before: index) - 1
        guard last >= 0 else { return nil }
        for span in 1...3 where last - span + 1 >= 0 {
            if attributionSpan(at: last - span + 1) == span { return last - span + 1 }
        }
        return nil
    }

    private func indexAfterLastNonBlank(before end: Int) -> Int {
        var index = end
        while index > 0 && isBlank(lines[index - 1]) { index -= 1 }
        return index
    }
}
