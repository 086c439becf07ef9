import Foundation

extension WebApp {
    /// Renders the queue page: the sidebar of queues with counts and one page of the chosen queue.
    func consoleQueuePage(_ request: HTTPRequest, name: String) throws -> HTTPResponse {
        let viewer = try requireStaff(request)
        let generation = try renderGeneration()
        let queues = ConsoleQueue.all(settings: helpdesk.settings, viewer: viewer, now: helpdesk.now())
        guard let queue = queues.first(where: { $0.name == name }) else {
            throw HTTPError(status: 404, message: "There is no queue called '\(name)'.")
        }
        let options = ConsoleQueueOptions(query: request.query)
        let key = "queue\u{1F}\(viewer.email)\u{1F}\(viewer.role)\u{1F}\(queue.name)\u{1F}\(options.cacheKey)"
        let page = renderCache.page(key, in: generation) {
            RenderedPage(title: queue.title, body: queueView(queues, queue: queue, options: options))
        }
        return consolePage(page.title, request, page.body)
    }

    /// Renders the sidebar and one page of `queue`.
    private func queueView(_ queues: [ConsoleQueue], queue: ConsoleQueue, options: ConsoleQueueOptions) -> HTML {
        let query = options.applied(to: queue.query)
        let results = helpdesk.index.query(query)
        return """
            <div class="console-layout">
            \(queueSidebar(queues, current: queue.name))
            <section class="queue-view" id="queue" data-queue="\(queue.name)">
            <h1>\(queue.title) <span class="count">\(results.total)</span></h1>
            \(queueFilterForm(queue, options: options, query: query))
            \(queueTable(results, queue: queue, options: options, query: query))
            \(queuePager(results, queue: queue, options: options))
            </section>
            </div>
            """
    }

    /// Renders the list of queues with the number of tickets in each.
    func queueSidebar(_ queues: [ConsoleQueue], current: String?) -> HTML {
        let viewerKey = queues.first { $0.name == ConsoleQueue.defaultName }?.query.assignees?.first ?? ""
        let counts = queueCounts.counts(viewer: viewerKey, commit: helpdesk.index.indexedCommit) {
            let totals = helpdesk.index.counts(queues.map(\.query))
            return Dictionary(zip(queues.map(\.name), totals)) { first, _ in first }
        }
        let items = queues.map { queue -> HTML in
            let count = counts[queue.name] ?? 0
            let mark: HTML = queue.name == current ? " class=\"current\" aria-current=\"page\"" : .empty
            return """
                <li><a href="/console/queues/\(queue.name)" data-queue="\(queue.name)" data-count="\(count)"\(mark)>\
                <span class="title">\(queue.title)</span> <span class="count">\(count)</span></a></li>
                """
        }
        return """
            <nav class="queues" aria-label="Queues"><h2>Queues</h2><ul>\(items)</ul>\(ConsoleHelpOverlay.link)</nav>
            """
    }

    private func queueFilterForm(_ queue: ConsoleQueue, options: ConsoleQueueOptions, query: TicketQuery) -> HTML {
        let any = [ConsoleHTML.Choice(value: "", label: "Any")]
        let orderChoices = TicketQuery.Order.allCases.map {
            ConsoleHTML.Choice(value: $0.rawValue, label: Self.orderLabel($0))
        }
        let orders = ConsoleHTML.options(orderChoices, selected: query.order.rawValue)
        let descending: HTML = query.descending ? " checked" : .empty
        let priorities = ConsoleHTML.options(
            any + ConsoleHTML.priorityChoices(), selected: options.priority?.rawValue ?? "")
        let types = ConsoleHTML.options(any + ConsoleHTML.typeChoices(), selected: options.ticketType?.rawValue ?? "")
        return """
            <form class="queue-filters" method="get" action="/console/queues/\(queue.name)" role="search">
            <label class="grow">Filter <input type="search" id="queue-filter" name="q" value="\(options.text)" \
            placeholder="Subject or key  ( / )"></label>
            <label>Priority <select name="priority">\(priorities)</select></label>
            <label>Type <select name="type">\(types)</select></label>
            <label>Sort <select name="sort">\(orders)</select></label>
            <label class="inline"><input type="checkbox" name="desc" value="1"\(descending)> Descending</label>
            <button type="submit">Apply</button> <a class="clear" href="/console/queues/\(queue.name)">Clear</a>
            </form>
            """
    }

    static func orderLabel(_ order: TicketQuery.Order) -> String {
        switch order {
        case .due: "SLA due"
        case .updated: "Updated"
        case .created: "Created"
        case .priority: "Priority"
        case .id: "Key"
        }
    }

    private func queueTable(
        _ results: TicketPage, queue: ConsoleQueue, options: ConsoleQueueOptions, query: TicketQuery
    )
        -> HTML
    {
        guard !results.tickets.isEmpty else {
            let filtered = options != ConsoleQueueOptions()
            return "<p class=\"empty\">No tickets in this queue\(filtered ? " match the filter" : "").</p>"
        }
        func header(_ label: String, _ order: TicketQuery.Order?) -> HTML {
            guard let order else { return "<th>\(label)</th>" }
            let link = "/console/queues/\(queue.name)" + options.sorted(by: order, current: query).queryString
            var state = "none"
            if query.order == order { state = query.descending ? "descending" : "ascending" }
            return "<th data-sort=\"\(order.rawValue)\" aria-sort=\"\(state)\"><a href=\"\(link)\">\(label)</a></th>"
        }
        let headers = [
            header("Key", .id), header("Subject", nil), header("Requester", nil), header("Status", nil),
            header("Priority", .priority), header("Assignee", nil), header("SLA", .due), header("Updated", .updated),
        ]
        let rows = queueRows(results.tickets)
        return """
            <table class="queue" data-queue="\(queue.name)"><thead><tr>\(headers)</tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }

    private func queueRows(_ tickets: [IndexedTicket]) -> [HTML] {
        let settings = helpdesk.settings
        let engine = helpdesk.slaEngine
        let now = helpdesk.now()
        return tickets.map { indexed in
            let ticket = indexed.ticket
            let sla = ConsoleSLAStatus(engine?.countdown(ticket.slaState, at: now))
            let link = "/console/tickets/\(ticket.id)"
            let priority = ticket.priority.rawValue
            let assignee = ConsoleHTML.person(ticket.assignee, settings: settings, empty: "Unassigned")
            return """
                <tr data-ticket="\(ticket.id)" data-href="\(link)" \
                class="priority-\(priority) sla-row-\(sla.state.rawValue)">\
                <td class="key"><a href="\(link)">\(ticket.id)</a></td>\
                <td class="subject"><a href="\(link)" tabindex="-1">\(ticket.subject)</a></td>\
                <td class="requester">\(ConsoleHTML.person(ticket.requester, settings: settings))</td>\
                <td class="status" data-status="\(ticket.status)">\(settings.statusName(ticket.status))</td>\
                <td class="priority" data-priority="\(priority)">\(ConsoleHTML.words(priority))</td>\
                <td class="assignee">\(assignee)</td>\
                <td class="sla-cell">\(ConsoleHTML.sla(sla))</td>\
                <td class="updated">\(ConsoleHTML.time(ticket.updatedAt))</td></tr>
                """
        }
    }

    private func queuePager(_ results: TicketPage, queue: ConsoleQueue, options: ConsoleQueueOptions) -> HTML {
        let size = ConsoleQueueOptions.pageSize
        let pages = max(1, (results.total + size - 1) / size)
        guard results.total > 0 else { return .empty }
        let base = "/console/queues/\(queue.name)"
        let first = (options.page - 1) * size + 1
        let last = min(results.total, options.page * size)
        var previous = HTML.empty
        if options.page > 1 {
            let link = base + options.onPage(options.page - 1).queryString
            previous = "<a rel=\"prev\" href=\"\(link)\">← Previous</a>"
        }
        var next = HTML.empty
        if options.page < pages {
            next = "<a rel=\"next\" href=\"\(base + options.onPage(options.page + 1).queryString)\">Next →</a>"
        }
        let range = results.tickets.isEmpty ? "none" : "\(first)–\(last)"
        return """
            <nav class="pager" aria-label="Pages" data-page="\(options.page)" data-pages="\(pages)">\(previous)\
            <span class="position">Page \(options.page) of \(pages) · \(range) of \(results.total)</span>\(next)</nav>
            """
    }
}
