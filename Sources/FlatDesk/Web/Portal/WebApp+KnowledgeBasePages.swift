import Foundation

extension WebApp {
    /// Serves the articles the reader may see, grouped by category. `?q=` keeps those that contain every
    /// search term, and `?category=` those of one category.
    func knowledgeBasePage(_ request: HTTPRequest) throws -> HTTPResponse {
        let query = (request.query["q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let category = request.query["category"].flatMap { $0.isEmpty ? nil : $0 }
        let articles = try visibleArticles(request.viewer).filter { article in
            KnowledgeBaseViews.matches(article, query: query)
                && (category == nil || (article.category ?? KnowledgeBaseViews.uncategorized) == category)
        }
        let views = KnowledgeBaseViews(viewer: request.viewer, timeZone: helpdesk.settings.profile.timeZone)
        return page(
            query.isEmpty ? "Knowledge base" : "Search: \(query)", request,
            views.indexPage(articles, query: query, category: category))
    }

    /// Serves one article. An article the reader may not see is 404, like one that does not exist.
    func knowledgeBaseArticlePage(_ request: HTTPRequest) throws -> HTTPResponse {
        let id = request.pathParameters["id"] ?? ""
        let viewer = request.viewer
        guard let article = try helpdesk.knowledgeBase.article(id),
            article.isVisible(to: viewer?.role, organization: viewer?.person.organizationId)
        else {
            throw HTTPError(status: 404, message: "There is no article '\(id)' that you can read.")
        }
        let views = KnowledgeBaseViews(viewer: viewer, timeZone: helpdesk.settings.profile.timeZone)
        return page(article.title, request, views.articlePage(article))
    }

    private func visibleArticles(_ viewer: Viewer?) throws -> [KBArticle] {
        try helpdesk.knowledgeBase.articles(for: viewer?.role, organization: viewer?.person.organizationId)
    }
}
