extension WebApp {
    /// Serves the new request form, with the category from `?category=` preselected.
    func newRequestPage(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireViewer(request)
        var form = PortalRequestForm()
        form.category = request.query["category"] ?? ""
        return newRequestResponse(form, request: request)
    }

    /// Opens a ticket from the new request form, requested by the viewer, and shows it.
    func submitNewRequest(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let form = PortalRequestForm(fields: try formFields(request), categories: helpdesk.settings.categories)
        guard form.errors.isEmpty else {
            let fields = form.errors.keys.sorted().joined(separator: ",")
            logger.info("new request rejected", ["user.email": viewer.email, "form.invalid_fields": fields])
            return newRequestResponse(form, request: request, status: 422)
        }
        let ticket = try helpdesk.createTicket(form.newTicket(requester: viewer.email), actor: viewer.actor)
        return .redirect(to: "/portal/tickets/\(ticket.id)")
    }

    private func newRequestResponse(_ form: PortalRequestForm, request: HTTPRequest, status: Int = 200) -> HTTPResponse
    {
        let categories = helpdesk.settings.categories.map { (value: $0, text: $0) }
        let types = PortalRequestForm.offeredTypes.map { (value: $0.type.rawValue, text: $0.text) }
        let subject = PortalForms.Control(
            name: "subject", id: "request-subject", label: "Subject", value: form.subject, required: true,
            help: "A short summary, such as “Printer on the 2nd floor prints blank pages”.",
            error: form.errors["subject"])
        let description = PortalForms.Control(
            name: "description", id: "request-description", label: "Description", value: form.description,
            required: true, help: "What happened, since when, and what you have tried. Markdown is supported.",
            error: form.errors["description"])
        let type = PortalForms.Control(
            name: "type", id: "request-type", label: "Kind of request", value: form.ticketType.rawValue, required: true,
            error: form.errors["type"])
        let category = PortalForms.Control(
            name: "category", id: "request-category", label: "Category", value: form.category,
            error: form.errors["category"])
        let categoryField: HTML =
            categories.isEmpty ? .empty : PortalForms.select(category, choices: categories, blankText: "Not sure")
        let body: HTML = """
            <div class="portal-page portal-new"><h1>New request</h1>
            <p class="lead">Tell us what you need. For laptops, access and other standard requests, the \
            <a href="/portal/catalog">service catalog</a> has forms that ask the right questions.</p>
            \(PortalForms.errorSummary(form.orderedErrors))
            <form id="new-request" class="portal-form" method="post" action="/portal/new">\(Layout.csrfField(request.viewer))
            \(PortalForms.input(subject, maxLength: PortalRequestForm.maxSubjectLength))\
            \(PortalForms.select(type, choices: types, blankText: "Choose…"))\(categoryField)\
            \(PortalForms.textArea(description, rows: 10))
            <button type="submit">Send request</button></form></div>
            """
        return page("New request", request, body, status: status)
    }
}
