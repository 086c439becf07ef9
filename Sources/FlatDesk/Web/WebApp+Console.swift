extension WebApp {
    /// Registers the agent console under `/console`; every route is for staff only (403 for customers).
    ///
    /// Queues: `GET /console` (My open) and `GET /console/queues/:name`. Tickets: `GET /console/tickets/:id`,
    /// `GET /console/tickets/:id/history`, and `POST` to `/console/tickets/:id/entries`, `…/fields`,
    /// `…/followers` and `…/links`. New ticket: `GET` and `POST /console/new`. Knowledge base:
    /// `GET /console/kb` and `GET /console/kb/:id`.
    func registerConsole(on router: Router) {
        router.get("/console") { [self] request in
            try consoleQueuePage(request, name: ConsoleQueue.defaultName)
        }
        router.get("/console/queues/:name") { [self] request in
            try consoleQueuePage(request, name: request.pathParameters["name"] ?? "")
        }
        router.get("/console/tickets/:id") { [self] request in try consoleTicketPage(request) }
        router.get("/console/tickets/:id/history") { [self] request in try consoleHistoryPage(request) }
        router.post("/console/tickets/:id/entries") { [self] request in try consoleAddEntry(request) }
        router.post("/console/tickets/:id/fields") { [self] request in try consoleChangeField(request) }
        router.post("/console/tickets/:id/followers") { [self] request in try consoleChangeFollowers(request) }
        router.post("/console/tickets/:id/links") { [self] request in try consoleChangeLinks(request) }
        router.get("/console/new") { [self] request in try consoleNewTicketPage(request) }
        router.post("/console/new") { [self] request in try consoleCreateTicket(request) }
        router.get("/console/kb") { [self] request in try consoleKnowledgeList(request) }
        router.get("/console/kb/:id") { [self] request in try consoleKnowledgeArticle(request) }
    }
}
