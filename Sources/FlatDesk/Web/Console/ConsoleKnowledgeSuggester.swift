import Foundation

/// Picks published KB articles that match the words of a ticket's subject.
///
/// Each subject word found in an article's title scores 3, in its tags 2 and in its category 1. An
/// article with a score gets 1 more when its category is the ticket's category. Words shorter than three
/// letters and common English words are ignored, and a plural `s` is dropped before comparing.
enum ConsoleKnowledgeSuggester {
    static let stopWords: Set<String> = [
        "the", "and", "for", "with", "not", "does", "doesn", "don", "can", "cannot", "after", "from", "into",
        "every", "our", "your", "you", "are", "was", "has", "have", "new", "again", "keep", "keeps", "this",
        "that", "when", "what", "why", "how", "all", "any", "only", "during", "since", "work", "working",
    ]

    /// Returns up to `limit` published articles with the highest scores, best first, ties by title.
    static func suggestions(for ticket: Ticket, in articles: [KBArticle], limit: Int = 5) -> [KBArticle] {
        let words = self.words(ticket.subject)
        guard !words.isEmpty else { return [] }
        let scored = articles.filter { $0.status == .published }.compactMap { article -> (KBArticle, Int)? in
            let value = score(article, words: words, category: ticket.category)
            return value > 0 ? (article, value) : nil
        }
        let ranked = scored.sorted { lhs, rhs in
            lhs.1 != rhs.1
                ? lhs.1 > rhs.1 : lhs.0.title.localizedCaseInsensitiveCompare(rhs.0.title) == .orderedAscending
        }
        return ranked.prefix(limit).map(\.0)
    }

    /// Returns the score of `article` for a subject's `words`.
    static func score(_ article: KBArticle, words: Set<String>, category: String?) -> Int {
        let tagWords = article.tags.reduce(into: Set<String>()) { $0.formUnion(self.words($1)) }
        var total = 3 * self.words(article.title).intersection(words).count
        total += 2 * tagWords.intersection(words).count
        total += self.words(article.category ?? "").intersection(words).count
        if total > 0, let category, article.category == category { total += 1 }
        return total
    }

    /// Returns the distinct comparable words of `text`: lowercased, without diacritics, stop words or a plural `s`.
    static func words(_ text: String) -> Set<String> {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let tokens = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        return Set(tokens.filter { $0.count >= 3 && !stopWords.contains($0) }.map(singular))
    }

    private static func singular(_ word: String) -> String {
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") else { return word }
        return String(word.dropLast())
    }
}
