import Foundation

extension TicketIndex {
    /// Runs `query` over the index.
    public func query(_ query: TicketQuery) -> TicketPage {
        state.withLock { $0.run(query) }
    }

    /// Number of tickets per status.
    public func countsByStatus() -> [String: Int] {
        state.withLock { $0.buckets.mapValues(\.count) }
    }

    /// Number of tickets per value of `field` among tickets whose status is in `statuses` (all when nil).
    public func counts(by field: KeyPath<Ticket, String?>, statuses: Set<String>? = nil) -> [String: Int] {
        state.withLock { state in
            var counts: [String: Int] = [:]
            for (status, bucket) in state.buckets where statuses?.contains(status) ?? true {
                for key in bucket {
                    guard let ticket = state.byID[key.id] else { continue }
                    counts[ticket.ticket[keyPath: field] ?? "", default: 0] += 1
                }
            }
            return counts
        }
    }
}

extension IndexState {
    func run(_ query: TicketQuery) -> TicketPage {
        let statuses = query.statuses.map { Array($0) } ?? Array(buckets.keys)
        let lists = statuses.compactMap { buckets[$0] }
        if query.order == .due, !query.descending {
            return mergedPage(lists, query)
        }
        var found = lists.joined().compactMap { byID[$0.id] }.filter { matches($0, query) }
        found.sort { lhs, rhs in
            guard same(lhs, rhs, query.order) else { return before(lhs, rhs, query.order) != query.descending }
            return (lhs.ticket.number ?? 0) < (rhs.ticket.number ?? 0)
        }
        let page = found.dropFirst(query.offset).prefix(query.limit)
        return TicketPage(total: found.count, tickets: Array(page))
    }

    /// Walks the sorted status buckets in due order, counting every match but keeping only the page.
    private func mergedPage(_ lists: [[BucketKey]], _ query: TicketQuery) -> TicketPage {
        let onlyStatusFilter = query.isStatusOnly
        var positions = Array(repeating: 0, count: lists.count)
        var page: [IndexedTicket] = []
        var total = 0
        let wanted = query.offset + query.limit
        while true {
            var best = -1
            for list in 0..<lists.count where positions[list] < lists[list].count {
                if best < 0 || lists[list][positions[list]] < lists[best][positions[best]] { best = list }
            }
            guard best >= 0 else { break }
            let key = lists[best][positions[best]]
            positions[best] += 1
            if onlyStatusFilter, total >= wanted {
                total = lists.reduce(0) { $0 + $1.count }
                break
            }
            guard let ticket = byID[key.id], onlyStatusFilter || matches(ticket, query) else { continue }
            if total >= query.offset, total < wanted { page.append(ticket) }
            total += 1
        }
        return TicketPage(total: total, tickets: page)
    }

    private func before(_ lhs: IndexedTicket, _ rhs: IndexedTicket, _ order: TicketQuery.Order) -> Bool {
        switch order {
        case .due: BucketKey(lhs) < BucketKey(rhs)
        case .updated: lhs.ticket.updatedAt < rhs.ticket.updatedAt
        case .created: lhs.ticket.createdAt < rhs.ticket.createdAt
        case .priority: lhs.ticket.priority < rhs.ticket.priority
        case .id: (lhs.ticket.number ?? 0) < (rhs.ticket.number ?? 0)
        }
    }

    private func same(_ lhs: IndexedTicket, _ rhs: IndexedTicket, _ order: TicketQuery.Order) -> Bool {
        !before(lhs, rhs, order) && !before(rhs, lhs, order)
    }

    func matches(_ indexed: IndexedTicket, _ query: TicketQuery) -> Bool {
        let ticket = indexed.ticket
        if let teams = query.teams, !teams.contains(ticket.team ?? "") { return false }
        if let assignees = query.assignees, !assignees.contains(ticket.assignee ?? "") { return false }
        if let priorities = query.priorities, !priorities.contains(ticket.priority) { return false }
        if let types = query.types, !types.contains(ticket.ticketType) { return false }
        if let requester = query.requester, ticket.requester.lowercased() != requester.lowercased() { return false }
        if let organization = query.organizationId, ticket.organizationId != organization { return false }
        if let person = query.involving, !involves(ticket, person) { return false }
        if let breached = query.breached, ticket.slaBreached != breached { return false }
        if let limit = query.dueBefore, (indexed.nextDueAt ?? .distantFuture) > limit { return false }
        if let after = query.updatedAfter, ticket.updatedAt <= after { return false }
        if let text = query.text, !text.isEmpty, !matchesText(ticket, text) { return false }
        return true
    }

    private func involves(_ ticket: Ticket, _ person: String) -> Bool {
        let email = person.lowercased()
        return ticket.requester.lowercased() == email || ticket.followers.contains { $0.lowercased() == email }
    }

    private func matchesText(_ ticket: Ticket, _ text: String) -> Bool {
        ticket.subject.localizedCaseInsensitiveContains(text) || ticket.id.localizedCaseInsensitiveContains(text)
    }
}

extension TicketQuery {
    /// Whether only the status filter is set, so bucket sizes give the total without a scan.
    var isStatusOnly: Bool {
        teams == nil && assignees == nil && priorities == nil && types == nil && requester == nil
            && organizationId == nil && involving == nil && breached == nil && dueBefore == nil && updatedAfter == nil
            && (text ?? "").isEmpty
    }
}
