import Foundation

extension WebApp {
    /// Returns the ticket id from the route, in capitals as keys are written.
    func consoleTicketID(_ request: HTTPRequest) -> String {
        (request.pathParameters["id"] ?? "").uppercased()
    }

    /// Renders the ticket page at its current version, with `message` in the flash box and `status` as the
    /// response code.
    func consoleTicketPage(_ request: HTTPRequest, message: String? = nil, status: Int = 200, draft: String = "")
        throws -> HTTPResponse
    {
        let viewer = try requireStaff(request)
        let generation = try renderGeneration(atHead: true)
        let id = consoleTicketID(request)
        guard message == nil, draft.isEmpty else {
            let view = try consoleTicketView(id, viewer: viewer, message: message, draft: draft)
            return consolePage(view.title, request, view.html, status: status)
        }
        // The forms carry the session's CSRF token, so each session has its own copy.
        let key = "ticket\u{1F}\(id)\u{1F}\(viewer.email)\u{1F}\(viewer.role)\u{1F}\(viewer.csrfToken ?? "")"
        let page = try renderCache.page(key, in: generation) {
            let view = try consoleTicketView(id, viewer: viewer, message: nil, draft: "")
            return RenderedPage(title: view.title, body: view.html)
        }
        return consolePage(page.title, request, page.body, status: status)
    }

    /// Builds the view of ticket `id` at the branch head.
    private func consoleTicketView(_ id: String, viewer: Viewer, message: String?, draft: String) throws
        -> ConsoleTicketView
    {
        let (ticket, version) = try helpdesk.ticket(id)
        var linked: [String: IndexedTicket] = [:]
        for link in ticket.links where link.kind != .asset {
            linked[link.target] = helpdesk.index.ticket(link.target)
        }
        return ConsoleTicketView(
            ticket: ticket, version: version, settings: helpdesk.settings, viewer: viewer,
            sla: consoleSLAStatus(ticket), linkedTickets: linked, suggestions: knowledgeSuggestions(for: ticket),
            message: message, draft: draft)
    }

    /// Returns the KB articles to suggest beside `ticket`; none when the articles cannot be read.
    private func knowledgeSuggestions(for ticket: Ticket) -> [KBArticle] {
        do {
            return ConsoleKnowledgeSuggester.suggestions(for: ticket, in: try helpdesk.knowledgeBase.allArticles())
        } catch {
            logger.warning("knowledge suggestions failed", ["ticket.id": ticket.id, "error": "\(error)"])
            return []
        }
    }

    /// Renders the commits that changed a ticket, newest first: who, when and the commit subject.
    func consoleHistoryPage(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireStaff(request)
        let id = consoleTicketID(request)
        let (ticket, _) = try helpdesk.ticket(id)
        let commits = try helpdesk.history(id)
        let settings = helpdesk.settings
        let items = commits.map { commit -> HTML in
            let subject = commit.message.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            let hex = commit.oid.hex
            let author = settings.person(commit.authorEmail)?.name ?? commit.authorName
            return """
                <li data-commit="\(hex)">\(ConsoleHTML.time(commit.time)) \
                <span class="person" title="\(commit.authorEmail)">\(author)</span> \
                <span class="commit-subject">\(subject)</span> <code class="oid">\(String(hex.prefix(10)))</code></li>
                """
        }
        let list: HTML =
            items.isEmpty ? "<p class=\"none\">No commits found.</p>" : "<ol class=\"history\">\(items)</ol>"
        let body: HTML = """
            <section class="history-view" data-ticket="\(ticket.id)">
            <p class="crumbs"><a href="/console">Queues</a> › \
            <a href="/console/tickets/\(ticket.id)">\(ticket.id)</a> › History</p>
            <h1>History of \(ticket.id) <span class="subject">\(ticket.subject)</span></h1>
            <p class="hint">Every change to the ticket file is one git commit, newest first.</p>
            \(list)
            </section>
            """
        return consolePage("History of \(ticket.id)", request, body)
    }
}
