/// The HTML of the portal's ticket list and ticket page.
///
/// Every view here shows public entries only. Callers also pass tickets through `TicketAccess.visibleTicket`,
/// so an internal note does not reach a customer even if a view is reused elsewhere.
struct PortalTicketViews {
    let settings: HelpdeskSettings
    let viewer: Viewer

    private var timeZone: String { settings.profile.timeZone }

    /// Renders a table of tickets with key, subject, status and last update, or `emptyText` when there are none.
    func ticketTable(_ tickets: [Ticket], id: String, emptyText: String) -> HTML {
        guard !tickets.isEmpty else { return "<p class=\"empty\" id=\"\(id)-empty\">\(emptyText)</p>" }
        let rows = tickets.map(ticketRow)
        return """
            <table class="ticket-list" id="\(id)"><thead><tr><th scope="col">Key</th><th scope="col">Subject</th>\
            <th scope="col">Status</th><th scope="col">Last update</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    private func ticketRow(_ ticket: Ticket) -> HTML {
        let link = "/portal/tickets/" + ticket.id
        let requester: HTML =
            ticket.requester == viewer.email
            ? .empty : "<span class=\"requested-by\">Requested by \(personName(ticket.requester))</span>"
        return """
            <tr class="ticket-row" data-ticket="\(ticket.id)"><td class="ticket-key"><a href="\(link)">\(ticket.id)</a></td>\
            <td class="ticket-subject"><a href="\(link)">\(ticket.subject)</a>\(requester)</td>\
            <td>\(statusBadge(ticket.status))</td><td>\(PortalDates.html(ticket.updatedAt, timeZone: timeZone))</td></tr>
            """
    }

    /// Renders the status as a badge with its display name from `settings/statuses.json`.
    func statusBadge(_ status: String) -> HTML {
        "<span class=\"status-badge status-\(status)\">\(settings.statusName(status))</span>"
    }

    /// Renders the page heading and the facts a requester cares about: status, type, category and times.
    func ticketHeader(_ ticket: Ticket) -> HTML {
        var facts: [HTML] = [
            fact("Status", statusBadge(ticket.status), id: "ticket-status"),
            fact("Type", "\(Self.typeName(ticket.ticketType))"),
        ]
        if let category = ticket.category { facts.append(fact("Category", "\(category)")) }
        facts += [
            fact("Requester", "\(personName(ticket.requester))"),
            fact("Opened", PortalDates.html(ticket.createdAt, timeZone: timeZone)),
            fact("Last update", PortalDates.html(ticket.updatedAt, timeZone: timeZone)),
        ]
        return """
            <header class="ticket-head"><p class="ticket-key">\(ticket.id)</p><h1 id="ticket-subject">\(ticket.subject)</h1>
            <dl class="ticket-facts">\(facts)</dl></header>
            """
    }

    private func fact(_ name: String, _ value: HTML, id: String? = nil) -> HTML {
        let idAttribute: HTML = id.map { " id=\"\($0)\"" } ?? .empty
        return "<div><dt>\(name)</dt><dd\(idAttribute)>\(value)</dd></div>"
    }

    /// Renders the request and public replies, oldest first, with Markdown rendered by cmark-gfm in safe mode.
    func thread(_ ticket: Ticket) -> HTML {
        let entries = ticket.entries.filter { $0.kind.isPublic }.map { entry($0, ticketID: ticket.id) }
        return "<ol class=\"thread\" id=\"thread\">\(entries)</ol>"
    }

    private func entry(_ entry: TicketEntry, ticketID: String) -> HTML {
        let fromStaff = settings.person(entry.author)?.role.isStaff == true
        let side: HTML = fromStaff ? "from-staff" : "from-requester"
        let kind: HTML = entry.kind == .request ? "entry-request" : "entry-reply"
        let label = entry.kind == .request ? "Request" : "Reply"
        let body = HTML(trusted: MarkdownRenderer.html(entry.text))
        let attachments = AttachmentLinks.html(for: entry, ticketID: ticketID, includeOriginal: false)
        return """
            <li class="entry \(kind) \(side)" id="entry-\(entry.id)"><header class="entry-head">\
            <span class="entry-author">\(personName(entry.author))</span> <span class="entry-kind">\(label)</span> \
            \(PortalDates.html(entry.at, timeZone: timeZone))</header><div class="entry-body markdown">\(body)</div>\
            \(attachments)</li>
            """
    }

    /// Renders the reply form, or a notice in its place for a closed ticket.
    /// - Parameters:
    ///   - text: the text to keep in the box after a rejected reply.
    ///   - error: the message shown when the last reply was rejected.
    func replyBox(_ ticket: Ticket, canReply: Bool, text: String = "", error: String? = nil) -> HTML {
        guard canReply else {
            return """
                <section class="reply-closed notice" id="reply-closed"><p>This request is closed and takes no more replies. \
                If you still need help, <a href="/portal/new">open a new request</a> and mention \(ticket.id).</p></section>
                """
        }
        let resolved: HTML =
            ticket.status == BuiltInStatus.resolved.rawValue
            ? "<p class=\"notice\">We marked this request as resolved. If the problem continues, reply here and it reopens.</p>"
            : .empty
        let control = PortalForms.Control(
            name: "text", id: "reply-text", label: "Your reply", value: text, required: true, error: error)
        return """
            <section class="reply-box"><h2>Reply</h2>\(resolved)
            <form id="reply-form" method="post" action="/portal/tickets/\(ticket.id)/replies">\(Layout.csrfField(viewer))
            \(PortalForms.textArea(control))<button type="submit">Send reply</button></form></section>
            """
    }

    /// Returns the name of a person in `settings/people.json`, else the email address.
    func personName(_ email: String) -> String {
        settings.person(email)?.name ?? email
    }

    /// Returns a requester-friendly name of a ticket type.
    static func typeName(_ type: TicketType) -> String {
        switch type {
        case .incident: "Incident"
        case .serviceRequest: "Service request"
        case .problem: "Problem"
        case .change: "Change"
        }
    }
}
