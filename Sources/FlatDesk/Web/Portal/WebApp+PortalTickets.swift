import Foundation

extension WebApp {
    /// Open tickets per page of the portal home page.
    static let portalOpenLimit = 50
    /// Closed tickets per page under "Recent" on the portal home page.
    static let portalRecentLimit = 20

    /// Serves the portal home page: the viewer's open tickets, then recently closed ones.
    func portalHome(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let settings = helpdesk.settings
        let views = PortalTicketViews(settings: settings, viewer: viewer)
        let closed = BuiltInStatus.closed.rawValue
        let openPage = Self.pageNumber(request.query["open_page"])
        let closedPage = Self.pageNumber(request.query["closed_page"])
        let open = portalTickets(
            for: viewer, statuses: Set(settings.allStatuses).subtracting([closed]), page: openPage,
            pageSize: Self.portalOpenLimit)
        let recent = portalTickets(for: viewer, statuses: [closed], page: closedPage, pageSize: Self.portalRecentLimit)
        let openPager = portalPager(
            "open_page", page: openPage, hasMore: open.hasMore, other: ("closed_page", closedPage), anchor: "open-requests")
        let closedPager = portalPager(
            "closed_page", page: closedPage, hasMore: recent.hasMore, other: ("open_page", openPage),
            anchor: "recent-requests")
        let body: HTML = """
            <div class="portal-page portal-home"><header class="page-head"><h1>My requests</h1>\
            <a class="button-link" href="/portal/new">New request</a></header>
            <section class="portal-section" id="open-requests"><h2>Open</h2>\
            \(views.ticketTable(open.tickets, id: "open-tickets", emptyText: "You have no open requests."))\(openPager)</section>
            <section class="portal-section" id="recent-requests"><h2>Recent</h2>\
            \(views.ticketTable(recent.tickets, id: "recent-tickets", emptyText: "No closed requests yet."))\(closedPager)</section>
            \(portalHelpLinks)</div>
            """
        return page("My requests", request, body)
    }

    /// Returns the page number in a query value, 1 when it is missing or invalid.
    static func pageNumber(_ value: String?) -> Int {
        min(max(1, Int(value ?? "") ?? 1), 10_000)
    }

    /// Renders the previous and next links of one list on the home page, keeping the other list's page.
    private func portalPager(
        _ parameter: String, page: Int, hasMore: Bool, other: (name: String, page: Int), anchor: String
    ) -> HTML {
        guard page > 1 || hasMore else { return .empty }
        func link(_ target: Int) -> String {
            var pairs: [String] = []
            if target > 1 { pairs.append("\(parameter)=\(target)") }
            if other.page > 1 { pairs.append("\(other.name)=\(other.page)") }
            return "/portal" + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")) + "#" + anchor
        }
        let previous: HTML = page > 1 ? "<a rel=\"prev\" href=\"\(link(page - 1))\">← Newer</a>" : .empty
        let next: HTML = hasMore ? "<a rel=\"next\" href=\"\(link(page + 1))\">Older →</a>" : .empty
        return "<nav class=\"pager\" aria-label=\"Pages\" data-page=\"\(page)\">\(previous) <span>Page \(page)</span> \(next)</nav>"
    }

    private var portalHelpLinks: HTML {
        """
        <aside class="portal-help"><h2>Find help yourself</h2><p>The <a href="/kb">knowledge base</a> answers common \
        questions, and the <a href="/portal/catalog">service catalog</a> has forms for laptops, access and more.</p></aside>
        """
    }

    /// Finds one page of the tickets the viewer may see with a status in `statuses`, most recently updated first.
    ///
    /// Customers get the union of `TicketAccess.restrict` (their own and, when enabled, their organization's
    /// tickets). Staff, who may see everything, get the tickets they requested or follow.
    /// - Returns: at most `pageSize` tickets of page `page` (from 1), and whether a later page has more.
    func portalTickets(for viewer: Viewer, statuses: Set<String>, page: Int, pageSize: Int)
        -> (tickets: [Ticket], hasMore: Bool)
    {
        let end = page * pageSize
        var base = TicketQuery()
        base.statuses = statuses
        base.order = .updated
        base.descending = true
        base.limit = end
        if viewer.isStaff { base.involving = viewer.email }
        var byID: [String: Ticket] = [:]
        var hasMore = false
        for query in access.restrict(base, viewer: viewer) {
            let found = helpdesk.index.query(query)
            hasMore = hasMore || found.total > end
            for indexed in found.tickets { byID[indexed.id] = indexed.ticket }
        }
        // Ties go to the lower number, as in the index, so that every query's first `end` rows hold the union's.
        let sorted = byID.values.sorted { lhs, rhs in
            lhs.updatedAt != rhs.updatedAt ? lhs.updatedAt > rhs.updatedAt : (lhs.number ?? 0) < (rhs.number ?? 0)
        }
        let start = min((page - 1) * pageSize, sorted.count)
        return (Array(sorted[start..<min(end, sorted.count)]), hasMore || sorted.count > end)
    }

    /// Serves the ticket page: facts, public thread and reply box.
    func portalTicketPage(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let ticket = try portalTicket(request.pathParameters["id"] ?? "", viewer: viewer)
        return portalTicketResponse(ticket, request: request, viewer: viewer)
    }

    private func portalTicketResponse(
        _ ticket: Ticket, request: HTTPRequest, viewer: Viewer, replyText: String = "", replyError: String? = nil,
        status: Int = 200
    ) -> HTTPResponse {
        let views = PortalTicketViews(settings: helpdesk.settings, viewer: viewer)
        let canReply = access.canReply(ticket, viewer: viewer)
        let body: HTML = """
            <div class="portal-page portal-ticket" data-ticket="\(ticket.id)"><p class="breadcrumb">\
            <a href="/portal">My requests</a> › \(ticket.id)</p>
            \(views.ticketHeader(ticket))\(views.thread(ticket))\
            \(views.replyBox(ticket, canReply: canReply, text: replyText, error: replyError))</div>
            """
        return page("\(ticket.id) · \(ticket.subject)", request, body, status: status)
    }

    /// Adds the viewer's public reply and returns to the ticket page.
    ///
    /// A reply from the requester or a follower to a ticket that is awaiting the customer or resolved
    /// reopens it (see `Helpdesk.addEntry`). A closed ticket takes no replies.
    func submitPortalReply(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let ticket = try portalTicket(request.pathParameters["id"] ?? "", viewer: viewer)
        guard access.canReply(ticket, viewer: viewer) else {
            throw HTTPError(
                status: 409,
                message: "Request \(ticket.id) is closed and takes no more replies. Open a new request instead.")
        }
        let text = try formFields(request)["text"] ?? ""
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            logger.info("portal reply rejected: empty text", ["ticket.id": ticket.id, "user.email": viewer.email])
            return portalTicketResponse(
                ticket, request: request, viewer: viewer, replyText: text,
                replyError: "Write a reply before sending it.", status: 422)
        }
        let (_, entry) = try helpdesk.addEntry(
            ticket.id, kind: .reply, text: text, actor: viewer.actor, attributes: [("via", Channel.portal.rawValue)])
        logger.info("portal reply added", ["ticket.id": ticket.id, "entry.id": entry.id, "user.email": viewer.email])
        return .redirect(to: "/portal/tickets/\(ticket.id)#entry-\(entry.id)")
    }

    /// Reads ticket `id` with its public entries only, when `viewer` may see it.
    /// - Throws: the same 404 for a ticket that does not exist and one the viewer may not see, so that
    ///   the response does not reveal which tickets exist.
    func portalTicket(_ id: String, viewer: Viewer) throws -> Ticket {
        let notFound = HTTPError(status: 404, message: "There is no request \(id) that you can see.")
        guard helpdesk.index.ticket(id) != nil else { throw notFound }
        let ticket: Ticket
        do {
            ticket = try helpdesk.ticket(id).ticket
        } catch HelpdeskError.ticketNotFound {
            throw notFound
        }
        guard access.canView(ticket, viewer: viewer) else { throw notFound }
        var visible = access.visibleTicket(ticket, viewer: viewer)
        visible.entries = visible.entries.filter { $0.kind.isPublic }
        return visible
    }
}
