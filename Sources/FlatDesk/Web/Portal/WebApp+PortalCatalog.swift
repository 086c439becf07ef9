extension WebApp {
    /// The valid items of `settings/catalog.json`; items with errors are left out.
    var serviceCatalog: ServiceCatalog {
        ServiceCatalog.load(helpdesk.settings).catalog
    }

    /// Serves the list of catalog items with their descriptions.
    func catalogPage(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireViewer(request)
        let items = serviceCatalog.items.map { item -> HTML in
            """
            <li class="catalog-item" data-item="\(item.id)"><a class="catalog-link" href="/portal/catalog/\(item.id)">\
            <span class="catalog-name">\(item.name)</span><span class="catalog-description">\(item.description)</span></a></li>
            """
        }
        let list: HTML =
            items.isEmpty
            ? "<p class=\"empty\" id=\"catalog-empty\">The service catalog is empty. <a href=\"/portal/new\">Open a request</a> instead.</p>"
            : "<ul class=\"catalog-list\" id=\"catalog\">\(items)</ul>"
        let body: HTML = """
            <div class="portal-page portal-catalog"><h1>Service catalog</h1>
            <p class="lead">Choose what you need. Each form asks what we need to know, so we can start straight away.</p>
            \(list)<p class="catalog-other">Something else? <a href="/portal/new">Open a general request</a>.</p></div>
            """
        return page("Service catalog", request, body)
    }

    /// Serves the form of one catalog item.
    func catalogItemPage(_ request: HTTPRequest) throws -> HTTPResponse {
        _ = try requireViewer(request)
        let item = try catalogItem(request)
        return catalogFormResponse(PortalCatalogSubmission(item: item), request: request)
    }

    /// Creates a service request from a catalog form, or shows the form again with messages (422).
    func submitCatalogItem(_ request: HTTPRequest) throws -> HTTPResponse {
        let viewer = try requireViewer(request)
        let item = try catalogItem(request)
        let submission = PortalCatalogSubmission(item: item, fields: try formFields(request))
        guard submission.errors.isEmpty else {
            let fields = submission.errors.keys.sorted().joined(separator: ",")
            logger.info(
                "catalog request rejected",
                ["catalog.item": item.id, "user.email": viewer.email, "form.invalid_fields": fields])
            return catalogFormResponse(submission, request: request, status: 422)
        }
        let ticket = try helpdesk.createTicket(submission.newTicket(requester: viewer.email), actor: viewer.actor)
        logger.info(
            "catalog request created", ["ticket.id": ticket.id, "catalog.item": item.id, "user.email": viewer.email])
        return .redirect(to: "/portal/tickets/\(ticket.id)")
    }

    private func catalogItem(_ request: HTTPRequest) throws -> ServiceCatalog.Item {
        let id = request.pathParameters["id"] ?? ""
        guard let item = serviceCatalog.item(id) else {
            throw HTTPError(status: 404, message: "The service catalog has no item '\(id)'.")
        }
        return item
    }

    private func catalogFormResponse(_ submission: PortalCatalogSubmission, request: HTTPRequest, status: Int = 200)
        -> HTTPResponse
    {
        let item = submission.item
        let fields = item.fields.map { catalogControl($0, submission: submission) }
        let body: HTML = """
            <div class="portal-page portal-catalog-item" data-item="\(item.id)"><p class="breadcrumb">\
            <a href="/portal/catalog">Service catalog</a> › \(item.name)</p><h1>\(item.name)</h1>
            <p class="lead">\(item.description)</p>\(PortalForms.errorSummary(submission.orderedErrors))
            <form id="catalog-form" class="portal-form" data-item="\(item.id)" method="post" action="/portal/catalog/\(item.id)">\
            \(Layout.csrfField(request.viewer))\(fields)<button type="submit">Send request</button></form></div>
            """
        return page(item.name, request, body, status: status)
    }

    private func catalogControl(_ field: ServiceCatalog.Field, submission: PortalCatalogSubmission) -> HTML {
        let control = PortalForms.Control(
            name: PortalCatalogSubmission.formName(field), id: PortalCatalogSubmission.formName(field),
            label: field.label,
            value: submission.answers[field.id] ?? "", required: field.required, help: field.help,
            error: submission.errors[field.id])
        switch field.kind {
        case .text: return PortalForms.input(control, maxLength: PortalCatalogSubmission.maxTextLength)
        case .textarea: return PortalForms.textArea(control)
        case .date: return PortalForms.input(control, type: "date")
        case .select: return PortalForms.select(control, choices: field.options.map { (value: $0, text: $0) })
        }
    }
}
