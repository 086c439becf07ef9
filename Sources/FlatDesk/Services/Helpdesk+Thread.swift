import Foundation

extension Helpdesk {
    /// Appends a public reply, internal note or event to a ticket in one commit.
    /// - Parameters:
    ///   - attributes: extra marker attributes, such as `message-id` or `via`.
    ///   - expectedVersion: when given, a ticket changed since that version is a conflict.
    /// - Returns: the ticket as written and the new entry.
    @discardableResult
    public func addEntry(
        _ id: String, kind: TicketEntry.Kind, text: String, actor: Actor,
        attributes: [(key: String, value: String)] = [], expectedVersion: String? = nil
    ) throws -> (ticket: Ticket, entry: TicketEntry) {
        let body = TicketEntry.normalizedText(text)
        guard !body.isEmpty else { throw HelpdeskError.invalidValue(field: "text", value: "", expected: "a non-empty message") }
        guard !body.contains("\u{0}") else { throw HelpdeskError.invalidValue(field: "text", value: "NUL", expected: "text without NUL characters") }
        guard kind != .request else { throw HelpdeskError.invalidValue(field: "kind", value: "request", expected: "reply, note or event") }
        let time = now()
        var written: (Ticket, TicketEntry)?
        try store.commit(author: identity(actor, at: time), committer: committer(at: time)) { snapshot in
            let path = index.ticket(id)?.path ?? Ticket.path(for: id)
            var (ticket, version) = try readTicket(id, path: path, snapshot: snapshot)
            try checkVersion(id, expected: expectedVersion, current: version)
            let entry = TicketEntry(
                id: ticket.nextEntryID, kind: kind, author: actor.email.lowercased(), at: time, attributes: attributes, text: body)
            ticket.entries.append(entry)
            applyEntryRules(&ticket, entry: entry, actor: actor, at: time)
            ticket.updatedAt = time
            written = (ticket, entry)
            let word = kind == .note ? "note" : kind.rawValue
            return CommitPlan(message: "\(id): \(word) by \(actor.email)", changes: [FileChange(path: path, contents: TicketCodec.encode(ticket))])
        }
        try refresh()
        guard let written else { throw HelpdeskError.ticketNotFound(id: id) }
        notify(.entryAdded(written.0, entry: written.1, actor: actor))
        return written
    }

    /// First public agent reply sets the first response; a requester's reply reopens a waiting or resolved ticket.
    private func applyEntryRules(_ ticket: inout Ticket, entry: TicketEntry, actor: Actor, at time: Date) {
        guard entry.kind == .reply else { return }
        if actor.isStaff, !actor.isAutomation {
            lifecycle.publicAgentReply(&ticket, at: time)
            return
        }
        let fromRequesterSide = actor.email.lowercased() == ticket.requester || ticket.followers.contains(actor.email.lowercased())
        let waiting = settings.onHoldStatuses.contains(ticket.status) || ticket.status == BuiltInStatus.resolved.rawValue
        guard fromRequesterSide, waiting else { return }
        let previous = ticket.status
        ticket.status = BuiltInStatus.open.rawValue
        lifecycle.statusChanged(&ticket, from: previous, at: time)
        appendEvent(&ticket, "Status changed from \(previous) to open after a reply from the requester.", actor: actor, at: time)
    }
}
