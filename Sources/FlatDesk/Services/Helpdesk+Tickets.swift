import Foundation

extension Helpdesk {
    /// Reads the whole ticket (with its thread) at the branch head, and its version.
    public func ticket(_ id: String) throws -> (ticket: Ticket, version: String) {
        let path = index.ticket(id)?.path ?? Ticket.path(for: id)
        return try store.read { snapshot in try readTicket(id, path: path, snapshot: snapshot) }
    }

    func readTicket(_ id: String, path: String, snapshot: StoreSnapshot) throws -> (ticket: Ticket, version: String) {
        guard let blob = try snapshot.blobID(path) else { throw HelpdeskError.ticketNotFound(id: id) }
        let ticket = try decodedTicket(id, path: path, blob: blob, snapshot: snapshot)
        guard ticket.id == id else { throw HelpdeskError.ticketNotFound(id: id) }
        return (ticket, blob.hex)
    }

    /// Decodes the ticket file `blob` at `path`, or returns it from the cache of recent decodings.
    private func decodedTicket(_ id: String, path: String, blob: GitOID, snapshot: StoreSnapshot) throws -> Ticket {
        if let cached = decodedTickets.ticket(blob: blob, path: path) { return cached }
        let bytes = try snapshot.read(blob: blob)
        let ticket: Ticket
        do {
            ticket = try TicketCodec.decode(bytes, path: path)
        } catch {
            throw HelpdeskError.unreadableTicket(id: id, problems: error.problems)
        }
        decodedTickets.insert(ticket, blob: blob, path: path)
        return ticket
    }

    /// Opens a ticket and commits it.
    /// - Returns: the ticket as written.
    /// - Throws: `HelpdeskError.invalidValue` for a value the settings do not allow.
    @discardableResult
    public func createTicket(_ draft: NewTicket, actor: Actor) throws -> Ticket {
        let time = now()
        let base = try validatedTicket(draft, at: time)
        var created = base
        try store.commit(author: identity(actor, at: time), committer: committer(at: time)) { snapshot in
            var number = reserveNumber(above: 0)
            while try snapshot.blobID(Ticket.path(for: key(number))) != nil {
                number = reserveNumber(above: number)
            }
            created = base
            created.id = key(number)
            created.entries[0].id = "E1"
            lifecycle.ticketCreated(&created, at: time)
            let message = "\(created.id): new \(created.ticketType.rawValue) \"\(created.subject)\""
            return CommitPlan(message: message, changes: [FileChange(path: Ticket.path(for: created.id), contents: TicketCodec.encode(created))])
        }
        try refresh()
        notify(.ticketCreated(created, actor: actor))
        logger.info("ticket created", ["ticket.id": created.id, "actor": actor.email])
        return created
    }

    private func key(_ number: Int) -> String {
        "\(settings.profile.keyPrefix)-\(number)"
    }

    private func validatedTicket(_ draft: NewTicket, at time: Date) throws -> Ticket {
        let subject = draft.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty else { throw HelpdeskError.invalidValue(field: "subject", value: "", expected: "a non-empty subject") }
        for (field, text) in [("subject", draft.subject), ("text", draft.text)] where text.contains("\u{0}") {
            throw HelpdeskError.invalidValue(field: field, value: "NUL", expected: "text without NUL characters")
        }
        let requester = draft.requester.trimmingCharacters(in: .whitespaces).lowercased()
        guard requester.contains("@") else {
            throw HelpdeskError.invalidValue(field: "requester", value: draft.requester, expected: "an email address")
        }
        var ticket = Ticket(
            id: "\(settings.profile.keyPrefix)-0", ticketType: draft.ticketType, status: draft.status,
            priority: draft.priority, subject: String(subject.prefix(500)), requester: requester, channel: draft.channel,
            createdAt: time, requestText: draft.text)
        ticket.entries[0].attributes += draft.entryAttributes
        ticket.category = draft.category
        ticket.team = draft.team
        ticket.assignee = draft.assignee
        ticket.organizationId = draft.organizationId ?? settings.person(requester)?.organizationId
            ?? settings.organization(forEmail: requester)?.id
        ticket.followers = uniqueEmails(draft.followers.filter { $0.lowercased() != requester })
        ticket.tags = draft.tags
        ticket.customFields = draft.customFields
        try validate(ticket)
        return ticket
    }

    func uniqueEmails(_ emails: [String]) -> [String] {
        var seen = Set<String>()
        return emails.map { $0.lowercased() }.filter { seen.insert($0).inserted }
    }

    /// Checks the fields that must match the settings.
    func validate(_ ticket: Ticket) throws {
        let current = settings
        if !current.allStatuses.contains(ticket.status) {
            throw HelpdeskError.invalidValue(field: "status", value: ticket.status, expected: "one of " + current.allStatuses.joined(separator: ", "))
        }
        if let category = ticket.category, !current.categories.isEmpty, !current.categories.contains(category) {
            throw HelpdeskError.invalidValue(field: "category", value: category, expected: "one of " + current.categories.joined(separator: ", "))
        }
        if let team = ticket.team, !current.teams.isEmpty, current.team(team) == nil {
            throw HelpdeskError.invalidValue(field: "team", value: team, expected: "one of " + current.teams.map(\.id).joined(separator: ", "))
        }
        if let assignee = ticket.assignee, !current.people.isEmpty, current.person(assignee)?.role.isStaff != true {
            throw HelpdeskError.invalidValue(field: "assignee", value: assignee, expected: "the email of an agent in settings/people.json")
        }
        if let organization = ticket.organizationId, !current.organizations.isEmpty, current.organization(organization) == nil {
            throw HelpdeskError.invalidValue(field: "organizationId", value: organization, expected: "one of " + current.organizations.map(\.id).joined(separator: ", "))
        }
    }

    /// Lists the commits that changed a ticket, newest first.
    public func history(_ id: String, limit: Int = 200) throws -> [GitCommitInfo] {
        guard let indexed = index.ticket(id) else { throw HelpdeskError.ticketNotFound(id: id) }
        return try store.history(of: indexed.path, limit: limit)
    }
}
