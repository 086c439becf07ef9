import Foundation

/// The console's ticket page: header fields, thread, reply form and the side panels.
struct ConsoleTicketView {
    var ticket: Ticket
    /// The version the page is rendered with; edits send it back to detect concurrent changes.
    var version: String
    var settings: HelpdeskSettings
    var viewer: Viewer
    var sla: ConsoleSLAStatus
    /// Tickets this one links to, by id, for their subjects and statuses.
    var linkedTickets: [String: IndexedTicket]
    var suggestions: [KBArticle]
    /// A message shown in the `#flash` box, such as a rejected change.
    var message: String?
    /// Text kept in the reply box after a rejected post.
    var draft: String = ""

    var path: String { "/console/tickets/\(ticket.id)" }

    /// The page title: the key and the subject.
    var title: String { "\(ticket.id) \(ticket.subject)" }

    var html: HTML {
        """
        <div class="console-layout ticket-layout">
        <article id="ticket" class="ticket" data-ticket="\(ticket.id)" data-version="\(version)">
        \(header)
        \(ConsoleHTML.flash(message))
        \(thread)
        \(composeForm)
        </article>
        <aside class="ticket-side">
        \(fieldForms)
        \(followersPanel)
        \(linksPanel)
        \(suggestionsPanel)
        <section id="history" class="panel"><h2>History</h2>\
        <p><a id="history-link" href="\(path)/history">Change history from git</a></p></section>
        <p>\(ConsoleHelpOverlay.link)</p>
        </aside>
        </div>
        """
    }

    private var header: HTML {
        var tags: HTML = "—"
        if !ticket.tags.isEmpty { tags = HTML.join(ticket.tags.map { "<span class=\"tag\">\($0)</span> " }) }
        let assignee = ConsoleHTML.personName(ticket.assignee, settings: settings)
        let requester = ConsoleHTML.person(ticket.requester, settings: settings)
        let organization = ticket.organizationId.map { settings.organization($0)?.name ?? $0 }
        return """
            <header class="ticket-header">
            <p class="crumbs"><a href="/console">Queues</a> › \(ticket.id)</p>
            <h1><span class="key">\(ticket.id)</span> <span class="subject">\(ticket.subject)</span></h1>
            <dl class="facts">
            \(fact("Status", field: "status", settings.statusName(ticket.status)))
            \(fact("Priority", field: "priority", ConsoleHTML.words(ticket.priority.rawValue)))
            \(fact("Type", field: "type", ConsoleHTML.words(ticket.ticketType.rawValue)))
            \(fact("Category", field: "category", ticket.category ?? "—"))
            \(fact("Team", field: "team", ticket.team.map { settings.team($0)?.name ?? $0 } ?? "—"))
            \(fact("Assignee", field: "assignee", assignee, empty: "Unassigned"))
            <div><dt>Requester</dt><dd>\(requester) <span class="email">\(ticket.requester)</span></dd></div>
            <div><dt>Organization</dt><dd>\(organization ?? "—")</dd></div>
            <div><dt>Channel</dt><dd>\(ConsoleHTML.words(ticket.channel.rawValue))</dd></div>
            <div><dt>SLA</dt><dd>\(ConsoleHTML.sla(sla))</dd></div>
            <div><dt>Created</dt><dd>\(ConsoleHTML.time(ticket.createdAt))</dd></div>
            <div><dt>Updated</dt><dd>\(ConsoleHTML.time(ticket.updatedAt))</dd></div>
            <div><dt>Tags</dt><dd>\(tags)</dd></div>
            </dl>
            </header>
            """
    }

    /// Renders a header fact whose value the script updates when the matching field select changes.
    private func fact(_ label: String, field: String, _ value: String, empty: String = "—") -> HTML {
        "<div><dt>\(label)</dt><dd data-field-display=\"\(field)\">\(value.isEmpty ? empty : value)</dd></div>"
    }

    private var thread: HTML {
        let entries = ticket.entries.map(entry)
        return """
            <section class="thread" aria-label="Thread">\
            <h2>Thread <span class="count">\(ticket.entries.count)</span></h2>
            <ol class="entries">\(entries)</ol></section>
            """
    }

    private func entry(_ entry: TicketEntry) -> HTML {
        let author = ConsoleHTML.person(entry.author, settings: settings)
        let side = authorSide(entry.author)
        let opening: HTML = """
            <li class="entry \(entry.kind.rawValue) \(side)" id="entry-\(entry.id)" data-entry="\(entry.id)" \
            data-kind="\(entry.kind.rawValue)">
            """
        guard entry.kind != .event else {
            return """
                \(opening)<span class="entry-label">Event</span> \(ConsoleHTML.time(entry.at)) · \(author) · \
                <span class="event-text">\(entry.text)</span></li>
                """
        }
        let attachments = AttachmentLinks.html(for: entry, ticketID: ticket.id, includeOriginal: true)
        return """
            \(opening)<div class="entry-head"><span class="entry-label">\(entry.kind.heading)</span> \(author) \
            \(ConsoleHTML.time(entry.at))</div>
            <div class="entry-body markdown">\(HTML(trusted: MarkdownRenderer.html(entry.text)))</div>\
            \(attachments)</li>
            """
    }

    /// Returns the CSS class for the side that wrote an entry: staff, the requester and followers, or anyone else.
    private func authorSide(_ author: String) -> String {
        let email = author.lowercased()
        if settings.person(email)?.role.isStaff == true { return "from-staff" }
        if email == ticket.requester.lowercased() || ticket.followers.contains(email) { return "from-requester" }
        return "from-other"
    }

    private var composeForm: HTML {
        """
        <section class="compose" aria-label="Reply or note">
        <form id="entry-form" method="post" action="\(path)/entries" data-mode="reply">
        \(Layout.csrfField(viewer))
        <label for="reply-text">Reply to the requester, or add an internal note for staff</label>
        <textarea id="reply-text" name="text" rows="6" required>\(draft)</textarea>
        <div class="compose-actions">
        <button type="submit" name="kind" value="reply" id="send-reply">Send public reply</button>
        <button type="submit" name="kind" value="note" id="add-note" class="note-button">Add internal note</button>
        <span class="hint"><kbd>r</kbd> reply · <kbd>n</kbd> note · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> send</span>
        </div>
        </form>
        </section>
        """
    }
}
