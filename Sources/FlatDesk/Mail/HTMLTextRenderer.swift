import Foundation

/// Writes HTML tokens as plain text, tracking block breaks, quotes, lists and links.
struct HTMLTextRenderer {
    /// Elements that end the current line.
    private static let lineBlocks: Set<String> = [
        "div", "tr", "li", "dt", "dd", "section", "article", "header", "footer", "nav", "aside", "address",
        "center", "form", "fieldset", "figure", "main", "caption", "table", "tbody", "thead", "tfoot",
    ]
    /// Elements set apart by a blank line.
    private static let paragraphBlocks: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "pre",
    ]
    /// Maximum nesting of quotes and lists that adds `>` marks or indentation, so that deeply nested
    /// markup cannot make the text grow with the square of its size.
    static let maximumMarkedDepth = 16
    /// Maximum link text compared with the link address; longer link text always gets the address.
    static let maximumComparedLinkText = 2000
    /// Separator written for `<hr>`, as Outlook writes it in plain text.
    static let horizontalRule = String(repeating: "_", count: 32)

    private var output: [UInt8] = []
    private var trailingNewlines = 2
    private var pendingBreaks = 0
    /// Quote depth of the blank lines a pending break writes: the lowest depth since the break was
    /// requested, so the blank line around a block quote stays outside it.
    private var pendingBreakQuoteDepth = 0
    private var pendingSpace = false
    private var quoteDepth = 0
    private var preDepth = 0
    private var lists: [(ordered: Bool, count: Int)] = []
    private var links: [(href: String, textStart: Int)] = []

    mutating func render(_ token: HTMLToken) {
        switch token {
        case .text(let bytes):
            writeText(HTMLCharacterReferences.decode(bytes))
        case .startTag(let name, let attributes):
            open(name, attributes: attributes)
        case .endTag(let name):
            close(name)
        }
    }

    /// Returns the text written so far, with trailing spaces, extra blank lines and outer blank lines removed.
    func finish() -> String {
        var lines: [Substring] = []
        var blankRun = 0
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            var kept = line
            while kept.last == " " || kept.last == "\t" { kept = kept.dropLast() }
            blankRun = kept.isEmpty ? blankRun + 1 : 0
            if blankRun <= 1 { lines.append(kept) }
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private mutating func open(_ name: String, attributes: [String: String]) {
        switch name {
        case "br":
            flushPendingBreaks()
            writeNewline()
        case "hr":
            requestBreaks(2)
            writeText(Array(Self.horizontalRule.utf8))
            requestBreaks(2)
        case "blockquote":
            requestBreaks(2)
            quoteDepth += 1
        case "pre":
            requestBreaks(2)
            preDepth += 1
        case "ul", "ol":
            requestBreaks(lists.isEmpty ? 2 : 1)
            lists.append((ordered: name == "ol", count: 0))
        case "li": startListItem()
        case "a":
            links.append((href: HTMLCharacterReferences.decode(attributes["href"] ?? ""), textStart: output.count))
        case "td", "th": pendingSpace = pendingSpace || trailingNewlines == 0
        default: breakAround(name)
        }
    }

    private mutating func close(_ name: String) {
        switch name {
        case "blockquote":
            quoteDepth = max(0, quoteDepth - 1)
            requestBreaks(2)
        case "pre":
            requestBreaks(2)
            preDepth = max(0, preDepth - 1)
        case "ul", "ol":
            if !lists.isEmpty { lists.removeLast() }
            requestBreaks(lists.isEmpty ? 2 : 1)
        case "a": finishLink()
        default: breakAround(name)
        }
    }

    private mutating func breakAround(_ name: String) {
        if Self.paragraphBlocks.contains(name) {
            requestBreaks(2)
        } else if Self.lineBlocks.contains(name) {
            requestBreaks(1)
        }
    }

    private mutating func startListItem() {
        requestBreaks(1)
        guard !lists.isEmpty else { return }
        lists[lists.count - 1].count += 1
        let list = lists[lists.count - 1]
        let indent = String(repeating: "  ", count: min(lists.count - 1, Self.maximumMarkedDepth))
        writeText(Array((indent + (list.ordered ? "\(list.count). " : "- ")).utf8), preservingSpaces: true)
        pendingSpace = false
    }

    /// Appends ` (url)` after the link text unless the text already shows the address.
    private mutating func finishLink() {
        guard let link = links.popLast() else { return }
        let href = link.href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !href.isEmpty, !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:") else { return }
        let address = href.hasPrefix("mailto:") ? String(href.dropFirst("mailto:".count)) : href
        let start = min(link.textStart, output.count)
        guard output.count - start <= Self.maximumComparedLinkText else {
            writeText(Array(" (\(address))".utf8), preservingSpaces: true)
            return
        }
        let text = String(decoding: output[start...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text != href, text != address, text + "/" != href else { return }
        writeText(Array(" (\(address))".utf8), preservingSpaces: true)
    }

    private mutating func requestBreaks(_ count: Int) {
        pendingBreakQuoteDepth = pendingBreaks == 0 ? quoteDepth : min(pendingBreakQuoteDepth, quoteDepth)
        pendingBreaks = max(pendingBreaks, count)
    }

    /// Ends the line; an empty line inside a block quote still gets its `>` marks.
    private mutating func writeNewline(quoteDepth depth: Int? = nil) {
        let depth = depth ?? quoteDepth
        if depth > 0 && trailingNewlines > 0 {
            output += Array(String(repeating: ">", count: min(depth, Self.maximumMarkedDepth)).utf8)
        }
        output.append(0x0A)
        trailingNewlines += 1
        pendingSpace = false
    }

    /// Writes text, collapsing whitespace runs to one space outside `<pre>`.
    private mutating func writeText(_ bytes: [UInt8], preservingSpaces: Bool = false) {
        for byte in bytes {
            if preDepth > 0 || preservingSpaces {
                byte == 0x0A ? writeNewline() : writeCharacter(byte)
            } else if HTMLTokenizer.isWhitespace(byte) {
                pendingSpace = true
            } else {
                writeCharacter(byte)
            }
        }
    }

    private mutating func flushPendingBreaks() {
        guard pendingBreaks > 0 else { return }
        let needed = min(pendingBreaks, 2) - min(trailingNewlines, 2)
        for _ in 0..<max(0, needed) { writeNewline(quoteDepth: pendingBreakQuoteDepth) }
        pendingBreaks = 0
    }

    private mutating func writeCharacter(_ byte: UInt8) {
        flushPendingBreaks()
        if trailingNewlines > 0 {
            output += Array(String(repeating: "> ", count: min(quoteDepth, Self.maximumMarkedDepth)).utf8)
            pendingSpace = false
        } else if pendingSpace {
            output.append(0x20)
        }
        pendingSpace = false
        trailingNewlines = 0
        output.append(byte)
    }
}
