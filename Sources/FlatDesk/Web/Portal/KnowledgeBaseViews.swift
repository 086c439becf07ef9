import Foundation

/// The HTML of the knowledge base index, search results and article pages.
struct KnowledgeBaseViews {
    /// The heading of articles without a category.
    static let uncategorized = "General"

    let viewer: Viewer?
    let timeZone: String

    /// Checks that every whitespace-separated term of `query` is in the title, body or tags, ignoring case.
    static func matches(_ article: KBArticle, query: String) -> Bool {
        let terms = query.split(whereSeparator: \.isWhitespace)
        return terms.allSatisfy { term in
            article.title.localizedCaseInsensitiveContains(term) || article.body.localizedCaseInsensitiveContains(term)
                || article.tags.contains { $0.localizedCaseInsensitiveContains(term) }
        }
    }

    /// Renders the search form and the articles grouped by category, categories in alphabetical order.
    /// - Parameters:
    ///   - query: the search terms, empty when not searching.
    ///   - category: the category the list is limited to, or nil for all.
    func indexPage(_ articles: [KBArticle], query: String, category: String?) -> HTML {
        let title: HTML = category.map { "Knowledge base: \($0)" } ?? "Knowledge base"
        let heading: HTML = query.isEmpty ? "<h1>\(title)</h1>" : "<h1>Search results for “\(query)”</h1>"
        let allLink: HTML =
            category == nil && query.isEmpty ? .empty : "<p class=\"kb-all\"><a href=\"/kb\">All articles</a></p>"
        let results: HTML =
            query.isEmpty
            ? .empty : "<p class=\"result-count\" id=\"kb-result-count\">\(Self.countText(articles.count))</p>"
        return """
            <div class="kb-page kb-index">\(heading)\(searchForm(query, category: category))\(allLink)\(results)\
            \(groups(articles, query: query))</div>
            """
    }

    private func searchForm(_ query: String, category: String?) -> HTML {
        let scope: HTML = category.map { "<input type=\"hidden\" name=\"category\" value=\"\($0)\">" } ?? .empty
        return """
            <form id="kb-search" class="kb-search" method="get" action="/kb" role="search">\(scope)\
            <label for="kb-q" class="visually-hidden">Search the knowledge base</label>\
            <input type="search" id="kb-q" name="q" value="\(query)" placeholder="Search articles, such as “VPN” or “password”">\
            <button type="submit">Search</button></form>
            """
    }

    private static func countText(_ count: Int) -> String {
        count == 1 ? "1 article found." : "\(count) articles found."
    }

    private func groups(_ articles: [KBArticle], query: String) -> HTML {
        guard !articles.isEmpty else {
            let text =
                query.isEmpty
                ? "There are no articles yet." : "No article matches your search. Try fewer or other words."
            return "<p class=\"empty\" id=\"kb-empty\">\(text)</p>"
        }
        let grouped = Dictionary(grouping: articles) { $0.category ?? Self.uncategorized }
        let names = grouped.keys.sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }
        let sections = names.map { name -> HTML in
            let items = (grouped[name] ?? []).map(listItem)
            return
                "<section class=\"kb-category\" data-category=\"\(name)\"><h2><a href=\"/kb?category=\(Self.queryEncoded(name))\">\(name)</a></h2><ul class=\"kb-list\">\(items)</ul></section>"
        }
        return "<div class=\"kb-categories\" id=\"kb-articles\">\(sections)</div>"
    }

    private func listItem(_ article: KBArticle) -> HTML {
        """
        <li class="kb-article-link" data-article="\(article.id)"><a href="/kb/\(article.id)">\(article.title)</a>\(badges(article))</li>
        """
    }

    /// Draft and audience badges; only staff see articles for which these matter.
    private func badges(_ article: KBArticle) -> HTML {
        guard viewer?.isStaff == true else { return .empty }
        var badges: [HTML] = []
        if article.status == .draft { badges.append("<span class=\"badge badge-draft\">Draft</span>") }
        switch article.visibility {
        case .internal: badges.append("<span class=\"badge badge-internal\">Internal</span>")
        case .customers where !article.organizations.isEmpty:
            badges.append("<span class=\"badge\">\(article.organizations.joined(separator: ", ")) only</span>")
        default: break
        }
        return HTML.join(badges)
    }

    /// Renders one article: title, facts and the body rendered with cmark-gfm in safe mode.
    func articlePage(_ article: KBArticle) -> HTML {
        let category: HTML =
            article.category.map { " › <a href=\"/kb?category=\(Self.queryEncoded($0))\">\($0)</a>" } ?? .empty
        let tags = article.tags.map { tag -> HTML in "<li><a href=\"/kb?q=\(Self.queryEncoded(tag))\">\(tag)</a></li>" }
        let tagList: HTML = tags.isEmpty ? .empty : "<ul class=\"kb-tags\">\(tags)</ul>"
        let body = HTML(trusted: MarkdownRenderer.html(Self.bodyWithoutTitle(article)))
        return """
            <article class="kb-page kb-article" data-article="\(article.id)"><p class="breadcrumb">\
            <a href="/kb">Knowledge base</a>\(category)</p><h1>\(article.title)</h1>\(badges(article))
            <p class="kb-updated">Updated \(PortalDates.html(article.updatedAt, timeZone: timeZone))</p>
            <div class="kb-body markdown">\(body)</div>\(tagList)
            \(feedbackNote)</article>
            """
    }

    private var feedbackNote: HTML {
        guard viewer != nil else {
            return
                "<aside class=\"kb-more-help\"><p>Still stuck? <a href=\"/login\">Sign in</a> to ask the service desk.</p></aside>"
        }
        return
            "<aside class=\"kb-more-help\"><p>Still stuck? <a href=\"/portal/new\">Open a request</a> and we will help.</p></aside>"
    }

    /// Removes a leading `# Title` line that repeats the article title, because the page shows the title already.
    static func bodyWithoutTitle(_ article: KBArticle) -> String {
        let lines = article.body.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
            lines[first].trimmingCharacters(in: .whitespaces) == "# " + article.title
        else { return article.body }
        return lines[(first + 1)...].joined(separator: "\n")
    }

    /// `text` percent-encoded for a query string value.
    static func queryEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
