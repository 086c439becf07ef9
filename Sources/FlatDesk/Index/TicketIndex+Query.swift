import Foundation

extension TicketIndex {
    /// Runs `query` over the index.
    public func query(_ query: TicketQuery) -> TicketPage {
        state.withLock { $0.run(query) }
    }

    /// Counts the tickets matching each of `queries` (their order, offset and limit aside) in one pass over
    /// the statuses they name, reading each ticket once however many queries test it.
    public func counts(_ queries: [TicketQuery]) -> [Int] {
        state.withLock { $0.counts(queries) }
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
        if query.limit <= 0, query.isStatusOnly {
            return TicketPage(total: lists.reduce(0) { $0 + $1.count }, tickets: [])
        }
        if query.order == .due, !query.descending {
            return mergedPage(lists, query)
        }
        return sortedPage(lists, query)
    }

    func counts(_ queries: [TicketQuery]) -> [Int] {
        var totals = Array(repeating: 0, count: queries.count)
        var scanned: [Int] = []
        for (position, query) in queries.enumerated() {
            guard query.isStatusOnly else {
                scanned.append(position)
                continue
            }
            let statuses = query.statuses.map(Array.init) ?? Array(buckets.keys)
            totals[position] = statuses.reduce(0) { $0 + (buckets[$1]?.count ?? 0) }
        }
        guard !scanned.isEmpty else { return totals }
        var statuses = Set<String>()
        for position in scanned {
            statuses.formUnion(queries[position].statuses ?? Set(buckets.keys))
        }
        for status in statuses {
            let testing = scanned.filter { queries[$0].statuses?.contains(status) ?? true }
            for key in buckets[status] ?? [] {
                guard let indexed = byID[key.id] else { continue }
                for position in testing where matches(indexed, queries[position]) { totals[position] += 1 }
            }
        }
        return totals
    }

    /// Sorts the matches by light keys (sort value, ticket number, position) rather than whole tickets,
    /// then copies only the tickets of the page.
    private func sortedPage(_ lists: [[BucketKey]], _ query: TicketQuery) -> TicketPage {
        var ids: [String] = []
        var keys: [(value: Double, number: Int, position: Int)] = []
        for key in lists.joined() {
            guard let indexed = byID[key.id], matches(indexed, query) else { continue }
            keys.append((sortValue(indexed, query.order), indexed.ticket.number ?? 0, ids.count))
            ids.append(key.id)
        }
        guard query.limit > 0 else { return TicketPage(total: keys.count, tickets: []) }
        let descending = query.descending
        keys.sort { lhs, rhs in
            guard lhs.value == rhs.value else { return (lhs.value < rhs.value) != descending }
            return lhs.number < rhs.number
        }
        let page = keys.dropFirst(query.offset).prefix(query.limit).compactMap { byID[ids[$0.position]] }
        return TicketPage(total: keys.count, tickets: page)
    }

    private func sortValue(_ indexed: IndexedTicket, _ order: TicketQuery.Order) -> Double {
        switch order {
        case .due: indexed.nextDueAt?.timeIntervalSince1970 ?? .infinity
        case .updated: indexed.ticket.updatedAt.timeIntervalSince1970
        case .created: indexed.ticket.createdAt.timeIntervalSince1970
        case .priority: Double(Priority.allCases.firstIndex(of: indexed.ticket.priority) ?? 0)
        case .id: Double(indexed.ticket.number ?? 0)
        }
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
