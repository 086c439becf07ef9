/// Kind of a searchable document.
public enum SearchDocumentKind: String, Sendable, Equatable, CaseIterable {
    case ticket
    case kb
}

/// A ticket or KB article as the full-text index stores it.
public struct SearchDocument: Sendable, Equatable {
    /// Ticket id (`FD-1042`) or KB slug; unique across kinds.
    public var id: String
    /// Ticket or KB article.
    public var kind: SearchDocumentKind
    /// Ticket subject or article title.
    public var title: String
    /// Plain or Markdown text; markup characters are ignored by the tokenizer.
    public var body: String
    /// Audience tags such as `public`, `customers`, `internal` or `org:northwind`. A search restricted to some
    /// audiences returns only documents that share at least one tag with them.
    public var audience: [String]

    /// Creates a document.
    public init(id: String, kind: SearchDocumentKind, title: String, body: String, audience: [String]) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.audience = audience
    }
}

/// One search result, best first.
public struct SearchHit: Sendable, Equatable {
    /// Marks the start of a matched term in `snippet`; a private-use character that indexed text never contains.
    public static let highlightStart: Character = "\u{E000}"
    /// Marks the end of a matched term in `snippet`.
    public static let highlightEnd: Character = "\u{E001}"

    /// Ticket id or KB slug of the document.
    public let id: String
    /// Kind of the document.
    public let kind: SearchDocumentKind
    /// Title of the document.
    public let title: String
    /// Up to 16 tokens around the best match from FTS5's `snippet()`, matched terms between `highlightStart` and
    /// `highlightEnd`, and `…` where text was cut.
    public let snippet: String
    /// FTS5 `bm25()` score with title matches weighted 4 to 1 over body matches; lower is better, and scores are
    /// negative.
    public let rank: Double

    /// The snippet without highlight markers.
    public var plainSnippet: String {
        snippet.filter { $0 != Self.highlightStart && $0 != Self.highlightEnd }
    }

    /// The snippet HTML-escaped, with matched terms wrapped in `<mark>` elements.
    public var snippetHTML: String {
        HTMLEscaping.escape(snippet)
            .replacingOccurrences(of: String(Self.highlightStart), with: "<mark>")
            .replacingOccurrences(of: String(Self.highlightEnd), with: "</mark>")
    }
}
