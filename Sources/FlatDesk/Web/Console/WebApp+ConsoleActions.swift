import Foundation

extension WebApp {
    /// Adds a public reply (`kind=reply`) or an internal note (`kind=note`) from the ticket page's form.
    func consoleAddEntry(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireStaff(request)
        let id = consoleTicketID(request)
        let form = try formFields(request)
        let text = form["text"] ?? ""
        let written: (ticket: Ticket, entry: TicketEntry)
        do {
            let kind = try Self.consoleEntryKind(form["kind"])
            written = try helpdesk.addEntry(id, kind: kind, text: text, actor: viewer.actor)
        } catch let error as HelpdeskError where !wantsJSON(request) {
            return try consoleRejected(request, error, draft: text)
        }
        guard wantsJSON(request) else { return .redirect(to: "/console/tickets/\(id)") }
        let version = helpdesk.index.ticket(id)?.version ?? ""
        return consoleJSON(
            .object([("id", .string(id)), ("version", .string(version)), ("entry", .string(written.entry.id))]))
    }

    static func consoleEntryKind(_ value: String?) throws -> TicketEntry.Kind {
        switch value {
        case "reply": return .reply
        case "note": return .note
        default: throw HelpdeskError.invalidValue(field: "kind", value: value ?? "", expected: "reply or note")
        }
    }

    /// Changes one field (`field`, `value`) if the ticket is still at `version`.
    ///
    /// JSON clients get `{"id", "version", "field", "value"}`, or `{"error", "status"}` with 409 for a stale
    /// version. Browsers without the script are sent back to the ticket page.
    func consoleChangeField(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireStaff(request)
        let form = try formFields(request)
        let field = form["field"] ?? ""
        return try consoleApply(request, version: form["version"]) {
            guard ConsoleTicketView.editableFields.contains(field) else {
                let fields = ConsoleTicketView.editableFields.joined(separator: ", ")
                throw HelpdeskError.invalidValue(field: "field", value: field, expected: "one of \(fields)")
            }
            return [try TicketEdit.parse(field: field, value: form["value"] ?? "")]
        } json: { ticket in
            [("field", .string(field)), ("value", Self.consoleFieldValue(ticket, field))]
        }
    }

    /// Returns the value of an editable field for the JSON response, or null for an unset field.
    static func consoleFieldValue(_ ticket: Ticket, _ field: String) -> JSONValue {
        let value: String? =
            switch field {
            case "status": ticket.status
            case "priority": ticket.priority.rawValue
            case "type": ticket.ticketType.rawValue
            case "category": ticket.category
            case "team": ticket.team
            case "assignee": ticket.assignee
            default: nil
            }
        return value.map { .string($0) } ?? .null
    }

    /// Adds (`op=add`) or removes (`op=remove`) the follower `email`.
    func consoleChangeFollowers(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireStaff(request)
        let form = try formFields(request)
        return try consoleApply(request, version: form["version"]) {
            let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
            switch form["op"] {
            case "add": return [.addFollower(email)]
            case "remove": return [.removeFollower(email)]
            default: throw HelpdeskError.invalidValue(field: "op", value: form["op"] ?? "", expected: "add or remove")
            }
        } json: { _ in
            []
        }
    }

    /// Adds (`op=add`) or removes (`op=remove`) a link of `kind` to `target`; the other ticket gets the inverse.
    func consoleChangeLinks(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireStaff(request)
        let form = try formFields(request)
        let id = consoleTicketID(request)
        return try consoleApply(request, version: form["version"]) {
            let link = try Self.consoleLink(kind: form["kind"], target: form["target"], from: id)
            switch form["op"] {
            case "add": return [.addLink(link)]
            case "remove": return [.removeLink(link)]
            default: throw HelpdeskError.invalidValue(field: "op", value: form["op"] ?? "", expected: "add or remove")
            }
        } json: { _ in
            []
        }
    }

    static func consoleLink(kind: String?, target: String?, from id: String) throws -> TicketLink {
        guard let kind = LinkKind(rawValue: kind ?? "") else {
            let kinds = LinkKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw HelpdeskError.invalidValue(field: "kind", value: kind ?? "", expected: "one of \(kinds)")
        }
        var value = (target ?? "").trimmingCharacters(in: .whitespaces)
        if kind != .asset { value = value.uppercased() }
        guard !value.isEmpty, value != id else {
            throw HelpdeskError.invalidValue(
                field: "target", value: value, expected: "another ticket's key or an asset id")
        }
        return TicketLink(kind: kind, target: value)
    }

    /// Applies the edits that `makeEdits` returns and responds with JSON or a redirect to the ticket page.
    ///
    /// For a browser, a stale version or an invalid value shows the ticket page again with the reason.
    private func consoleApply(
        _ request: HTTPRequest, version: String?, edits makeEdits: () throws -> [TicketEdit],
        json extra: (Ticket) -> [(key: String, value: JSONValue)]
    ) throws -> HTTPResponse {
        let viewer = try requireStaff(request)
        let id = consoleTicketID(request)
        let expected = version.flatMap { $0.isEmpty ? nil : $0 }
        let result: (ticket: Ticket, version: String)
        do {
            result = try helpdesk.update(id, edits: try makeEdits(), expectedVersion: expected, actor: viewer.actor)
        } catch let error as HelpdeskError where !wantsJSON(request) {
            return try consoleRejected(request, error)
        }
        guard wantsJSON(request) else { return .redirect(to: "/console/tickets/\(id)") }
        let pairs: [(key: String, value: JSONValue)] = [("id", .string(id)), ("version", .string(result.version))]
        return consoleJSON(.object(pairs + extra(result.ticket)))
    }

    /// Renders the ticket page with the reason a change was rejected, or rethrows an error that is not about
    /// the change.
    private func consoleRejected(_ request: HTTPRequest, _ error: HelpdeskError, draft: String = "") throws
        -> HTTPResponse
    {
        logger.info(
            "console change rejected",
            ["request.id": request.requestID, "ticket.id": consoleTicketID(request), "error": error.description])
        switch error {
        case .versionConflict(let id, _, _):
            let message =
                "\(id) was changed by someone else after you opened it, so your change was not saved. "
                + "The page now shows the current ticket; make the change again if it is still needed."
            return try consoleTicketPage(request, message: message, status: 409, draft: draft)
        case .invalidValue:
            let message = "The change was not saved: \(error.description)."
            return try consoleTicketPage(request, message: message, status: 422, draft: draft)
        default:
            throw error
        }
    }
}
