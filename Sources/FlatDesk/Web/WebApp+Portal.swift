extension WebApp {
    /// Registers the customer portal under `/portal` and the knowledge base under `/kb`.
    ///
    /// Portal pages need a signed-in viewer: customers, or staff who want the customer's view. The
    /// knowledge base is open to anonymous readers, who see public articles only.
    func registerPortal(on router: Router) {
        router.get("/portal") { [self] request in try portalHome(request) }
        router.get("/portal/new") { [self] request in try newRequestPage(request) }
        router.post("/portal/new") { [self] request in try submitNewRequest(request) }
        router.get("/portal/tickets/:id") { [self] request in try portalTicketPage(request) }
        router.post("/portal/tickets/:id/replies") { [self] request in try submitPortalReply(request) }
        router.get("/portal/catalog") { [self] request in try catalogPage(request) }
        router.get("/portal/catalog/:id") { [self] request in try catalogItemPage(request) }
        router.post("/portal/catalog/:id") { [self] request in try submitCatalogItem(request) }
        router.get("/kb") { [self] request in try knowledgeBasePage(request) }
        router.get("/kb/:id") { [self] request in try knowledgeBaseArticlePage(request) }
        logCatalogProblems()
    }

    /// Logs the problems of `settings/catalog.json` once at start-up; items with errors are not offered.
    private func logCatalogProblems() {
        for problem in ServiceCatalog.load(helpdesk.settings).problems {
            logger.warning("service catalog problem", ["file.problem": problem.description])
        }
    }
}
