import Foundation

extension ReplyLines {
    /// Confidence that a line is an attribution such as `On Mon, 3 Apr 2012 at 16:19, Bob <bob@example.com> wrote:`.
    enum AttributionMatch {
        case none
        /// Counts only when a `>` quote follows, as for a bare `Bob wrote:`.
        case weak
        case strong
    }

    /// Verbs (lower case) that end an attribution, in the languages mail clients write them.
    static let attributionVerbs = [
        "wrote", "writes", "schrieb", "a écrit", "escribió", "schreef", "geschreven", "ha scritto", "scrisse",
        "escreveu", "skrev", "kirjoitti", "napisał", "napisał(a)", "napisala", "написал", "написала",
        "написал(а)", "napsal", "napsal(a)", "yazdı", "írta", "写道",
    ]

    /// First words (lower case, with the following space) that open a dated attribution.
    static let attributionOpeners = [
        "on ", "am ", "le ", "el ", "op ", "il ", "em ", "den ", "w dniu ", "dne ", "på ",
    ]

    /// Maximum length of the text between the verb and the end of an attribution (the sender's name and address).
    static let maximumTextAfterVerb = 100

    /// Returns how many lines (one to three) an attribution starting at `index` takes, or nil.
    func attributionSpan(at index: Int) -> Int? {
        for span in 1...3 {
            let lineIndex = index + span - 1
            guard lineIndex < lines.count else { return nil }
            let line = lines[lineIndex]
            // Gmail wraps a long attribution before its closing ">:", which then looks like a quote.
            let quoted = isQuoted(line)
            let isClosingBracket = quoted && span > 1 && line.trimmingCharacters(in: .whitespaces) == ">:"
            guard !isBlank(line), !quoted || isClosingBracket, line.utf8.count <= Self.maximumMarkerLineLength
            else { return nil }
            guard Self.endsLikeAttribution(line) else { continue }
            let joined = lines[index...lineIndex].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let match = Self.classifyAttribution(joined)
            let accepted = match == .strong || (match == .weak && quoteFollows(index + span))
            guard accepted else { continue }
            // A wrapped match must not be a dated attribution that starts on a later line, as in
            // "Thanks" followed by "On Mon, 2 Apr 2012 at 18:26, Bob wrote:".
            if span > 1 && (1..<span).contains(where: { startsDatedAttribution(at: index + $0) }) { return nil }
            return span
        }
        return nil
    }

    /// Reports whether `line` ends as an attribution can, with `:` or `wrote` before trailing spaces and
    /// dashes. This cheap test spares the full classification for almost every line.
    static func endsLikeAttribution(_ line: String) -> Bool {
        var trimmed = Substring(line).utf8[...]
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x2D { trimmed = trimmed.dropLast() }
        if trimmed.last == UInt8(ascii: ":") || trimmed.suffix(3).elementsEqual("：".utf8) { return true }
        return trimmed.suffix(5).map { $0 | 0x20 }.elementsEqual("wrote".utf8)
    }

    private func startsDatedAttribution(at index: Int) -> Bool {
        let first = lines[index].trimmingCharacters(in: .whitespaces)
        let lower = first.lowercased()
        guard Self.containsTime(lower) || Self.attributionOpeners.contains(where: { lower.hasPrefix($0) }) else {
            return false
        }
        var joined = ""
        for lineIndex in index..<min(index + 2, lines.count) {
            joined += (joined.isEmpty ? "" : " ") + lines[lineIndex].trimmingCharacters(in: .whitespaces)
            if Self.classifyAttribution(joined) == .strong { return true }
        }
        return false
    }

    private func quoteFollows(_ index: Int) -> Bool {
        guard let next = nextNonBlank(from: index) else { return false }
        return isQuoted(lines[next])
    }

    /// Classifies one (possibly joined) line as an attribution.
    static func classifyAttribution(_ text: String) -> AttributionMatch {
        let lower = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "- \t"))
        guard lower.hasSuffix(":") || lower.hasSuffix("：") || lower.hasSuffix("wrote") else { return .none }
        let body = lower.trimmingCharacters(in: CharacterSet(charactersIn: ":： "))
        let endsWithVerb = attributionVerbs.contains { body.hasSuffix($0) }
        let hasTime = containsTime(lower)
        let hasAddress = lower.contains("@")
        if endsWithVerb && attributionOpeners.contains(where: { lower.hasPrefix($0) }) { return .strong }
        if (hasTime || hasAddress) && hasVerbNearEnd(body) { return .strong }
        if lower.hasSuffix(">:") && hasAddress && hasTime { return .strong }
        if endsWithVerb && lower.count <= 100 { return .weak }
        return .none
    }

    private static func hasVerbNearEnd(_ body: String) -> Bool {
        attributionVerbs.contains { verb in
            guard let range = body.range(of: verb, options: .backwards) else { return false }
            let before = range.lowerBound == body.startIndex ? " " : body[body.index(before: range.lowerBound)]
            return (before == " " || before == ">" || before == "\"")
                && body.distance(
                    from: range.upperBound, to: body.endIndex) <= maximumTextAfterVerb
        }
    }

    /// Reports whether `text` contains a clock time such as `4:19` or `17.50`.
    static func containsTime(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices where scalars[index] == ":" || scalars[index] == "." {
            let before = scalars[..<index].reversed().prefix { $0.properties.numericType != nil }
            let after = scalars[(index + 1)...].prefix { $0.properties.numericType != nil }
            if (1...2).contains(before.count) && after.count == 2 && before.allSatisfy(\.isASCII)
                && after.allSatisfy(\.isASCII)
            {
                return true
            }
        }
        return false
    }
}
