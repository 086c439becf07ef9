import Foundation

extension WebApp {
    /// Renders the form that opens a ticket on behalf of a caller, filled with `values` after a rejected post.
    func consoleNewTicketPage(
        _ request: HTTPRequest, values: [String: String] = [:], message: String? = nil,
        status: Int = 200
    ) throws -> HTTPResponse {
        let viewer = try requireStaff(request)
        let requesters = helpdesk.settings.people.filter { !$0.role.isStaff }.map { person -> HTML in
            "<option value=\"\(person.email)\">\(person.name)</option>"
        }
        let body: HTML = """
            <section class="new-ticket">
            <h1>New ticket on behalf of a caller</h1>
            \(ConsoleHTML.flash(message))
            <form id="new-ticket-form" method="post" action="/console/new">
            \(Layout.csrfField(viewer))
            <label>Requester email <input type="email" id="new-requester" name="requester" list="known-requesters" \
            required value="\(values["requester"] ?? "")" autofocus></label>
            <datalist id="known-requesters">\(requesters)</datalist>
            <label>Subject <input type="text" id="new-subject" name="subject" required maxlength="500" \
            value="\(values["subject"] ?? "")"></label>
            <label>Description <textarea id="new-description" name="description" rows="8" required>\
            \(values["description"] ?? "")</textarea></label>
            <div class="form-grid">\(newTicketSelects(viewer, values: values))</div>
            <button type="submit" id="create-ticket">Create ticket</button>
            </form>
            </section>
            """
        return consolePage("New ticket", request, body, status: status)
    }

    /// Renders the type, priority, category, team and assignee selects; the viewer's team and self are the defaults.
    private func newTicketSelects(_ viewer: Viewer, values: [String: String]) -> [HTML] {
        let settings = helpdesk.settings
        let none = ConsoleHTML.Choice(value: "", label: "None")
        let categories = [none] + settings.categories.map { ConsoleHTML.Choice(value: $0, label: $0) }
        let teams = [none] + settings.teams.map { ConsoleHTML.Choice(value: $0.id, label: $0.name) }
        let assignees = [ConsoleHTML.Choice(value: "", label: "Unassigned")] + ConsoleTicketView.staffChoices(settings)
        let selects: [(name: String, label: String, choices: [ConsoleHTML.Choice], fallback: String)] = [
            ("type", "Type", ConsoleHTML.typeChoices(), TicketType.incident.rawValue),
            ("priority", "Priority", ConsoleHTML.priorityChoices(), Priority.medium.rawValue),
            ("category", "Category", categories, ""),
            ("team", "Team", teams, viewer.person.team ?? ""),
            ("assignee", "Assignee", assignees, viewer.email),
        ]
        return selects.map { select in
            let options = ConsoleHTML.options(select.choices, selected: values[select.name] ?? select.fallback)
            return """
                <label>\(select.label) <select id="new-\(select.name)" name="\(select.name)">\(options)</select></label>
                """
        }
    }

    /// Opens the ticket from the new-ticket form and redirects to it.
    func consoleCreateTicket(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireStaff(request)
        let form = try formFields(request)
        let created: Ticket
        do {
            created = try helpdesk.createTicket(try Self.consoleNewTicket(form), actor: viewer.actor)
        } catch let error as HelpdeskError {
            guard case .invalidValue = error else { throw error }
            logger.info("new ticket rejected", ["request.id": request.requestID, "error": error.description])
            return try consoleNewTicketPage(
                request, values: form, message: "The ticket was not created: \(error.description).", status: 422)
        }
        logger.info("ticket opened on behalf of a caller", ["ticket.id": created.id, "user.email": viewer.email])
        return .redirect(to: "/console/tickets/\(created.id)")
    }

    /// Builds the draft that the form's fields describe. An empty select value leaves its field unset.
    static func consoleNewTicket(_ form: [String: String]) throws -> NewTicket {
        let requester = (form["requester"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard isPlausibleEmail(requester) else {
            throw HelpdeskError.invalidValue(field: "requester", value: requester, expected: "an email address")
        }
        let description = form["description"] ?? ""
        guard !TicketEntry.normalizedText(description).isEmpty else {
            throw HelpdeskError.invalidValue(field: "description", value: "", expected: "a description of the request")
        }
        var draft = NewTicket(subject: form["subject"] ?? "", text: description, requester: requester)
        draft.channel = .console
        if case .ticketType(let type) = try TicketEdit.parse(field: "type", value: form["type"] ?? "incident") {
            draft.ticketType = type
        }
        if case .priority(let priority) = try TicketEdit.parse(field: "priority", value: form["priority"] ?? "medium") {
            draft.priority = priority
        }
        draft.category = nonEmpty(form["category"])
        draft.team = nonEmpty(form["team"])
        draft.assignee = nonEmpty(form["assignee"])?.lowercased()
        return draft
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }
}
