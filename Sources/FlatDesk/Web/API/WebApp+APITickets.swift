import Foundation

extension WebApp {
    /// Registers the ticket endpoints of the JSON API.
    func registerAPITickets(on router: Router) {
        router.get("/api/v1/tickets", apiHandler { [self] request in try apiListTickets(request) })
        router.post("/api/v1/tickets", apiHandler { [self] request in try apiCreateTicket(request) })
        router.get("/api/v1/tickets/:id", apiHandler { [self] request in try apiGetTicket(request) })
        router.patch("/api/v1/tickets/:id", apiHandler { [self] request in try apiUpdateTicket(request) })
        router.post("/api/v1/tickets/:id/replies", apiHandler { [self] request in try apiAddEntry(request, .reply) })
        router.post("/api/v1/tickets/:id/notes", apiHandler { [self] request in try apiAddEntry(request, .note) })
        router.get("/api/v1/tickets/:id/history", apiHandler { [self] request in try apiTicketHistory(request) })
    }

    /// `GET /api/v1/tickets`: one page of the tickets the viewer may see, header fields only.
    func apiListTickets(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let list = try APITicketListQuery(request.queryParameters, settings: helpdesk.settings, viewer: viewer)
        let page = apiTicketPage(list.query, viewer: viewer)
        let items = page.tickets.map { TicketJSON.value($0.ticket, version: $0.version, includeThread: false) }
        return APIResponse.json(
            .object([
                ("tickets", .array(items)), ("total", .number(String(page.total))),
                ("page", .number(String(list.page))),
                ("per_page", .number(String(list.perPage))),
            ]))
    }

    /// Runs `query` limited to what `viewer` may see.
    ///
    /// A customer who may also see their organization's tickets gets two restricted queries. Their matches are
    /// merged by walking the unrestricted result in its order and keeping the tickets that either query found.
    func apiTicketPage(_ query: TicketQuery, viewer: Viewer) -> TicketPage {
        let restricted = access.restrict(query, viewer: viewer)
        if restricted.count == 1 { return helpdesk.index.query(restricted[0]) }
        var visible = Set<String>()
        for var part in restricted {
            part.offset = 0
            part.limit = Int.max
            visible.formUnion(helpdesk.index.query(part).tickets.map(\.id))
        }
        var everything = query
        everything.offset = 0
        everything.limit = Int.max
        let matches = helpdesk.index.query(everything).tickets.filter { visible.contains($0.id) }
        return TicketPage(total: matches.count, tickets: Array(matches.dropFirst(query.offset).prefix(query.limit)))
    }

    /// `GET /api/v1/tickets/:id`: the ticket with its thread; customers get public entries only.
    func apiGetTicket(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let (ticket, version) = try apiViewableTicket(request, viewer: viewer)
        if let tag = request.header("If-None-Match"), APIResponse.version(fromEntityTag: tag) == version {
            return HTTPResponse(status: 304, headers: ["ETag": APIResponse.entityTag(version)])
        }
        return apiTicketResponse(ticket, version: version, viewer: viewer)
    }

    /// `GET /api/v1/tickets/:id/history`: the commits that changed the ticket, newest first; staff only.
    func apiTicketHistory(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let (ticket, _) = try apiViewableTicket(request, viewer: viewer)
        guard viewer.isStaff else { throw HTTPError(status: 403, message: "Only staff can read a ticket's history.") }
        let commits = try helpdesk.history(ticket.id).map(APIResourceJSON.commit)
        return APIResponse.json(.object([("ticket", .string(ticket.id)), ("commits", .array(commits))]))
    }

    /// Loads the ticket named by the `id` path parameter, with its version.
    /// - Throws: `HelpdeskError.ticketNotFound` when it does not exist or the viewer may not see it, so that
    ///   a customer cannot tell the two apart.
    func apiViewableTicket(_ request: HTTPRequest, viewer: Viewer) throws -> (ticket: Ticket, version: String) {
        let id = request.pathParameters["id"] ?? ""
        guard Self.isPlausibleTicketID(id) else { throw HelpdeskError.ticketNotFound(id: id) }
        let (ticket, version) = try helpdesk.ticket(id)
        guard access.canView(ticket, viewer: viewer) else { throw HelpdeskError.ticketNotFound(id: id) }
        return (ticket, version)
    }

    /// Renders the ticket as the viewer may see it, with its version as the `ETag`.
    func apiTicketResponse(_ ticket: Ticket, version: String, viewer: Viewer, status: Int = 200) -> HTTPResponse {
        let visible = access.visibleTicket(ticket, viewer: viewer)
        let value = TicketJSON.value(visible, version: version, publicOnly: !viewer.isStaff)
        return APIResponse.json(value, status: status).withHeader("ETag", APIResponse.entityTag(version))
    }

    /// Checks that `id` can name a ticket file: ASCII letters, digits and dashes, at most 64 characters.
    /// Other ids are not looked up, so no path outside `tickets/` is read.
    static func isPlausibleTicketID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }
}
