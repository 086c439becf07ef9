import Foundation

extension WebApp {
    /// `POST /api/v1/tickets`: opens a ticket through the `api` channel; 201 with `Location` and the ticket.
    func apiCreateTicket(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let body = try APIRequestBody(request, allowed: APINewTicketRequest.fields)
        let draft = try APINewTicketRequest.draft(body, viewer: viewer)
        let ticket = try helpdesk.createTicket(draft, actor: viewer.actor)
        let version = helpdesk.index.ticket(ticket.id)?.version ?? ""
        return apiTicketResponse(ticket, version: version, viewer: viewer, status: 201)
            .withHeader("Location", "/api/v1/tickets/\(ticket.id)")
    }

    /// `PATCH /api/v1/tickets/:id`: applies field edits in one commit; staff only, based on a known version.
    func apiUpdateTicket(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let (current, currentVersion) = try apiViewableTicket(request, viewer: viewer)
        guard access.canEdit(current, viewer: viewer) else {
            throw HTTPError(status: 403, message: "Only staff can change ticket fields; add a reply instead.")
        }
        let patch = try APITicketPatch(try APIRequestBody(request, allowed: APITicketPatch.fields))
        let expected = try apiExpectedVersion(
            request, field: patch.version, ticket: current.id, current: currentVersion, required: true)
        let (ticket, version) = try helpdesk.update(
            current.id, edits: patch.edits, expectedVersion: expected, actor: viewer.actor)
        return apiTicketResponse(ticket, version: version, viewer: viewer)
    }

    /// `POST /api/v1/tickets/:id/replies` and `/notes`: appends an entry; 201 with the entry and the new `ETag`.
    func apiAddEntry(_ request: HTTPRequest, _ kind: TicketEntry.Kind) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let (current, currentVersion) = try apiViewableTicket(request, viewer: viewer)
        try checkMayAdd(kind, to: current, viewer: viewer)
        let body = try APIRequestBody(request, allowed: ["text", "version"])
        let text = try body.markdownText("text")
        let expected = try apiExpectedVersion(
            request, field: body.string("version"), ticket: current.id, current: currentVersion, required: false)
        let (_, entry) = try helpdesk.addEntry(
            current.id, kind: kind, text: text, actor: viewer.actor, attributes: [("via", Channel.api.rawValue)],
            expectedVersion: expected)
        var response = APIResponse.json(TicketJSON.entryValue(entry), status: 201)
        if let version = helpdesk.index.ticket(current.id)?.version {
            response.headers.set("ETag", APIResponse.entityTag(version))
        }
        return response
    }

    private func checkMayAdd(_ kind: TicketEntry.Kind, to ticket: Ticket, viewer: Viewer) throws {
        if kind == .note, !access.canEdit(ticket, viewer: viewer) {
            throw HTTPError(status: 403, message: "Only staff can add internal notes; add a reply instead.")
        }
        if kind == .reply, !access.canReply(ticket, viewer: viewer) {
            throw HTTPError(
                status: 403, message: "Ticket \(ticket.id) is closed and takes no replies; open a new ticket.")
        }
    }

    /// Returns the version a change is based on: the body's `version` member or the `If-Match` header.
    ///
    /// `If-Match: *` explicitly applies the change to whatever version is current. When the member and the
    /// header name different versions, at least one of them is stale, so the change is a version conflict.
    /// - Parameter current: the ticket's version now, reported in that conflict.
    /// - Throws: `APIRequestError.versionRequired` when `required` and neither is sent,
    ///   `HelpdeskError.versionConflict` when both are sent and differ.
    func apiExpectedVersion(
        _ request: HTTPRequest, field: String?, ticket id: String, current: String, required: Bool
    ) throws -> String? {
        let header = request.header("If-Match")
        let headerVersion = header.flatMap(APIResponse.version(fromEntityTag:))
        let fieldVersion = field.flatMap { $0.isEmpty ? nil : $0 }
        if let fieldVersion, let headerVersion, !fieldVersion.hasPrefix(headerVersion),
            !headerVersion.hasPrefix(fieldVersion)
        {
            let stale = current.hasPrefix(fieldVersion) ? headerVersion : fieldVersion
            throw HelpdeskError.versionConflict(id: id, expected: stale, current: current)
        }
        if let version = fieldVersion ?? headerVersion { return version }
        let anyVersion = header?.trimmingCharacters(in: .whitespaces) == "*"
        guard !required || anyVersion else { throw APIRequestError.versionRequired(ticket: id) }
        return nil
    }
}
