import Foundation

extension WebApp {
    /// Registers `/search` (a page for every reader) and `/api/v1/search`.
    func registerSearch(on router: Router) {
        router.get("/search") { [self] request in try searchPage(request) }
        router.get("/api/v1/search") { [self] request in try searchJSON(request) }
    }

    private func hits(_ request: HTTPRequest) throws -> [SearchHit] {
        guard let search else { throw HTTPError(status: 503, message: "Search is not available on this server.") }
        let query = (request.query["q"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !query.isEmpty else { return [] }
        let kind = request.query["kind"].flatMap(SearchDocumentKind.init(rawValue:))
        return try search.search(query, viewer: request.viewer, kind: kind, limit: 30)
    }

    private func searchPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let query = request.query["q"] ?? ""
        let results = try hits(request)
        let staff = request.viewer?.isStaff == true
        let rows: [HTML] = results.map { hit in
            let link = hit.kind == .kb ? (staff ? "/console/kb/" : "/kb/") + hit.id : (staff ? "/console/tickets/" : "/portal/tickets/") + hit.id
            return "<li class=\"search-hit \(hit.kind.rawValue)\"><a href=\"\(link)\">\(hit.title)</a><p>\(HTML(trusted: hit.snippetHTML))</p></li>"
        }
        let empty: HTML = query.isEmpty ? .empty : (results.isEmpty ? "<p>No results.</p>" : .empty)
        let body: HTML = """
            <h1>Search</h1>
            <form class="search" method="get" action="/search"><input type="search" name="q" value="\(query)" aria-label="Search" autofocus> <button type="submit">Search</button></form>
            \(empty)<ol class="search-results">\(rows)</ol>
            """
        return page("Search", request, body)
    }

    private func searchJSON(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireViewer(request)
        let results: [JSONValue] = try hits(request).map { hit in
            .object([("id", .string(hit.id)), ("kind", .string(hit.kind.rawValue)), ("title", .string(hit.title)), ("snippet", .string(hit.plainSnippet))])
        }
        var response = HTTPResponse(status: 200, body: Array(TicketJSON.encode(.object([("results", .array(results))])).utf8))
        response.headers.set("Content-Type", "application/json; charset=utf-8")
        return response
    }
}
