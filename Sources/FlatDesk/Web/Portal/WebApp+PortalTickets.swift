import Foundation

extension WebApp {
    /// Open tickets per page of the portal home page.
    static let portalOpenLimit = 50
    /// Closed tickets per page under "Recent" on the portal home page.
    static let portalRecentLimit = 20

    /// Serves the portal home page: the viewer's open requests, their organization's other open requests
    /// (when the settings share them), then the viewer's closed requests. Each list is paged on its own.
    func portalHome(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let settings = helpdesk.settings
        let views = PortalTicketViews(settings: settings, viewer: viewer)
        let closed = BuiltInStatus.closed.rawValue
        let openStatuses = Set(settings.allStatuses).subtracting([closed])
        let pages = PortalHomePages(query: request.query)
        let open = portalTickets(for: viewer, statuses: openStatuses, page: pages.open, pageSize: Self.portalOpenLimit)
        let recent = portalTickets(
            for: viewer, statuses: [closed], page: pages.closed, pageSize: Self.portalRecentLimit)
        var organizationSection = HTML.empty
        if let colleagues = organizationTickets(
            for: viewer, statuses: openStatuses, page: pages.organization, pageSize: Self.portalOpenLimit)
        {
            let pager = pages.pager(.organization, hasMore: colleagues.hasMore)
            organizationSection = """
                <section class="portal-section" id="organization-requests"><h2>Your organization</h2>\
                <p class="list-note">Open requests of your colleagues, which your organization shares.</p>\
                \(views.ticketTable(colleagues.tickets, id: "organization-tickets", emptyText: "No other open requests."))\
                \(pager)</section>
                """
        }
        let body: HTML = """
            <div class="portal-page portal-home"><header class="page-head"><h1>My requests</h1>\
            <a class="button-link" href="/portal/new">New request</a></header>
            <section class="portal-section" id="open-requests"><h2>Open</h2>\
            \(views.ticketTable(open.tickets, id: "open-tickets", emptyText: "You have no open requests."))\
            \(pages.pager(.open, hasMore: open.hasMore))</section>
            \(organizationSection)
            <section class="portal-section" id="recent-requests"><h2>Recent</h2>\
            \(views.ticketTable(recent.tickets, id: "recent-tickets", emptyText: "No closed requests yet."))\
            \(pages.pager(.closed, hasMore: recent.hasMore))</section>
            \(portalHelpLinks)</div>
            """
        return page("My requests", request, body)
    }

    /// Returns the page number in a query value, 1 when it is missing or invalid.
    static func pageNumber(_ value: String?) -> Int {
        min(max(1, Int(value ?? "") ?? 1), 10_000)
    }

    private var portalHelpLinks: HTML {
        """
        <aside class="portal-help"><h2>Find help yourself</h2><p>The <a href="/kb">knowledge base</a> answers common \
        questions, and the <a href="/portal/catalog">service catalog</a> has forms for laptops, access and more.</p></aside>
        """
    }

    /// Finds one page of the tickets the viewer requested or follows with a status in `statuses`, most
    /// recently updated first (ties to the lower number, as the index orders them).
    /// - Returns: at most `pageSize` tickets of page `page` (from 1), and whether a later page has more.
    func portalTickets(for viewer: Viewer, statuses: Set<String>, page: Int, pageSize: Int)
        -> (tickets: [Ticket], hasMore: Bool)
    {
        var query = TicketQuery()
        query.statuses = statuses
        query.order = .updated
        query.descending = true
        query.involving = viewer.email
        query.offset = (page - 1) * pageSize
        query.limit = pageSize
        let found = helpdesk.index.query(query)
        return (found.tickets.map(\.ticket), found.total > page * pageSize)
    }

    /// Finds one page of the tickets of the viewer's organization that the viewer neither requested nor
    /// follows, or nil when the viewer is staff, has no organization or the settings do not share them.
    func organizationTickets(for viewer: Viewer, statuses: Set<String>, page: Int, pageSize: Int)
        -> (tickets: [Ticket], hasMore: Bool)?
    {
        guard !viewer.isStaff, helpdesk.settings.profile.portal.organizationTickets,
            let organization = viewer.person.organizationId
        else { return nil }
        var query = TicketQuery()
        query.statuses = statuses
        query.order = .updated
        query.descending = true
        query.organizationId = organization
        // NOTE: an organization's open tickets are read whole and filtered here, which assumes thousands, not millions.
        query.limit = 100_000
        let email = viewer.email
        let others = helpdesk.index.query(query).tickets.map(\.ticket).filter { ticket in
            ticket.requester.lowercased() != email && !ticket.followers.contains { $0.lowercased() == email }
        }
        let start = min((page - 1) * pageSize, others.count)
        return (Array(others[start..<min(page * pageSize, others.count)]), others.count > page * pageSize)
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
