import Foundation

/// Turns user input into a safe FTS5 match expression.
enum FullTextQuery {
    /// Most terms used from one query; later terms are ignored to bound the cost of a search.
    static let maximumTerms = 32

    /// Quotes every whitespace-separated term as an FTS5 string (a `"` inside becomes `""`) and marks the last
    /// term as a prefix (`"ter"*`). FTS5 joins the quoted terms with an implicit AND.
    /// - Returns: nil when no term contains a letter or digit, since such a query cannot match anything.
    static func matchExpression(_ input: String) -> String? {
        let terms = input.split(whereSeparator: \.isWhitespace)
            .filter { $0.contains { $0.isLetter || $0.isNumber } }
            .prefix(maximumTerms)
        guard !terms.isEmpty else { return nil }
        let quoted = terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        return quoted.joined(separator: " ") + "*"
    }
}
