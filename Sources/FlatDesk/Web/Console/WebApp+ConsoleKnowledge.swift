import Foundation

extension WebApp {
    /// Renders the list of every KB article for staff, drafts included and marked.
    func consoleKnowledgeList(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireStaff(request)
        let articles = try helpdesk.knowledgeBase.allArticles()
        let rows = articles.map { article -> HTML in
            let tags = HTML.join(article.tags.map { "<span class=\"tag\">\($0)</span> " })
            return """
                <tr data-article="\(article.id)" class="\(article.status.rawValue)">\
                <td><a href="/console/kb/\(article.id)">\(article.title)</a></td>\
                <td>\(Self.articleStatusBadge(article))</td>\
                <td>\(ConsoleHTML.words(article.visibility.rawValue))</td>\
                <td>\(article.category ?? "—")</td><td>\(tags)</td>\
                <td>\(ConsoleHTML.time(article.updatedAt))</td></tr>
                """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p class=\"empty\">No articles yet. Add Markdown files under kb/ to the repository.</p>"
            : """
            <table class="kb-list"><thead><tr><th>Title</th><th>Status</th><th>Visibility</th><th>Category</th>\
            <th>Tags</th><th>Updated</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
            <section class="kb-view"><h1>Knowledge base <span class="count">\(articles.count)</span></h1>
            \(table)</section>
            """
        return consolePage("Knowledge base", request, body)
    }

    /// Renders one KB article from its Markdown.
    func consoleKnowledgeArticle(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireStaff(request)
        let id = request.pathParameters["id"] ?? ""
        guard let article = try helpdesk.knowledgeBase.article(id) else {
            throw HTTPError(status: 404, message: "There is no article '\(id)' in the knowledge base.")
        }
        let settings = helpdesk.settings
        let organizations = article.organizations.map { settings.organization($0)?.name ?? $0 }
        let audience = organizations.isEmpty ? "" : " (" + organizations.joined(separator: ", ") + ")"
        let visibility = ConsoleHTML.words(article.visibility.rawValue) + audience
        let body: HTML = """
            <article class="kb-article" data-article="\(article.id)">
            <p class="crumbs"><a href="/console/kb">Knowledge base</a> › \(article.id)</p>
            <p class="meta">\(Self.articleStatusBadge(article)) · \(visibility) \
            · \(article.category ?? "No category") · by \(ConsoleHTML.person(article.author, settings: settings)) \
            · updated \(ConsoleHTML.time(article.updatedAt))</p>
            <div class="markdown">\(HTML(trusted: MarkdownRenderer.html(article.body)))</div>
            </article>
            """
        return consolePage(article.title, request, body)
    }

    static func articleStatusBadge(_ article: KBArticle) -> HTML {
        article.status == .draft
            ? "<span class=\"badge draft\">Draft</span>" : "<span class=\"badge published\">Published</span>"
    }
}
