extension WebApp {
    /// Registers the knowledge base, people and queue endpoints of the JSON API.
    func registerAPIDirectory(on router: Router) {
        router.get("/api/v1/kb", apiHandler { [self] request in try apiListArticles(request) })
        router.get("/api/v1/kb/:id", apiHandler { [self] request in try apiGetArticle(request) })
        router.get("/api/v1/people", apiHandler { [self] request in try apiListPeople(request) })
        router.get("/api/v1/queues", apiHandler { [self] request in try apiListQueues(request) })
    }

    /// `GET /api/v1/kb`: the articles the viewer may read, without their bodies, sorted by title.
    func apiListArticles(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let articles = try helpdesk.knowledgeBase.articles(for: viewer.role, organization: viewer.person.organizationId)
        let items = articles.map { APIResourceJSON.article($0, includeBody: false) }
        return APIResponse.json(.object([("articles", .array(items))]))
    }

    /// `GET /api/v1/kb/:id`: one article with its Markdown body; 404 when the viewer may not read it.
    func apiGetArticle(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let id = request.pathParameters["id"] ?? ""
        guard let article = try helpdesk.knowledgeBase.article(id),
            article.isVisible(to: viewer.role, organization: viewer.person.organizationId)
        else {
            throw HTTPError(status: 404, message: "KB article '\(id)' not found.")
        }
        return APIResponse.json(APIResourceJSON.article(article, includeBody: true))
    }

    /// `GET /api/v1/people`: everyone in `settings/people.json` for staff, only themselves for customers.
    func apiListPeople(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let people = viewer.isStaff ? helpdesk.settings.people : [viewer.person]
        return APIResponse.json(.object([("people", .array(people.map(APIResourceJSON.person)))]))
    }

    /// `GET /api/v1/queues`: the agent console's queues with their ticket counts; staff only.
    func apiListQueues(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        guard viewer.isStaff else { throw HTTPError(status: 403, message: "Only staff can read the queues.") }
        let counter = APIQueueCounter(
            index: helpdesk.index, settings: helpdesk.settings, engine: helpdesk.slaEngine, now: helpdesk.now())
        let queues = counter.queues(for: viewer).map(APIResourceJSON.queue)
        return APIResponse.json(.object([("queues", .array(queues))]))
    }
}
