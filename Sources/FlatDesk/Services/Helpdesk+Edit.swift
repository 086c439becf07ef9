import Foundation

extension Helpdesk {
    /// Applies field edits to a ticket in one commit.
    /// - Parameters:
    ///   - expectedVersion: the version the edits were based on; a ticket changed since then is a conflict.
    /// - Returns: the ticket as written and its new version.
    /// - Throws: `HelpdeskError.versionConflict`, `.ticketNotFound` or `.invalidValue`.
    @discardableResult
    public func update(_ id: String, edits: [TicketEdit], expectedVersion: String? = nil, actor: Actor) throws
        -> (ticket: Ticket, version: String)
    {
        let time = now()
        var before: Ticket?
        var after: Ticket?
        let result = try store.commit(author: identity(actor, at: time), committer: committer(at: time)) { snapshot in
            let path = index.ticket(id)?.path ?? Ticket.path(for: id)
            let (ticket, version) = try readTicket(id, path: path, snapshot: snapshot)
            try checkVersion(id, expected: expectedVersion, current: version)
            var changed = ticket
            let summary = try apply(edits, to: &changed, actor: actor, at: time)
            guard !summary.isEmpty else { return nil }
            var changes = [FileChange(path: path, contents: TicketCodec.encode(changed))]
            changes += try inverseLinkChanges(from: ticket, to: changed, snapshot: snapshot, at: time)
            before = ticket
            after = changed
            return CommitPlan(message: "\(id): " + summary.joined(separator: ", "), changes: changes)
        }
        try refresh()
        guard let before, let after, result != nil else { return try ticket(id) }
        notify(.ticketUpdated(old: before, new: after, actor: actor))
        return (after, index.ticket(id)?.version ?? "")
    }

    func checkVersion(_ id: String, expected: String?, current: String) throws {
        guard let expected, !expected.isEmpty, !current.hasPrefix(expected) else { return }
        throw HelpdeskError.versionConflict(id: id, expected: expected, current: current)
    }

    /// Applies edits and lifecycle rules; returns one `field old → new` phrase per real change.
    private func apply(_ edits: [TicketEdit], to ticket: inout Ticket, actor: Actor, at time: Date) throws -> [String] {
        let original = ticket
        for edit in edits { try applyOne(edit, to: &ticket) }
        try validate(ticket)
        var summary: [String] = []
        for field in TicketCodec.knownKeys {
            let old = TicketCodec.headerValue(original, field)
            let new = TicketCodec.headerValue(ticket, field)
            guard old != new else { continue }
            summary.append("\(field) \(Self.shortText(old)) → \(Self.shortText(new))")
        }
        guard !summary.isEmpty else { return [] }
        if original.status != ticket.status {
            lifecycle.statusChanged(&ticket, from: original.status, at: time)
            appendEvent(&ticket, "Status changed from \(original.status) to \(ticket.status).", actor: actor, at: time)
        }
        if original.priority != ticket.priority { lifecycle.priorityChanged(&ticket, from: original.priority, at: time) }
        if original.ticketType != ticket.ticketType || original.organizationId != ticket.organizationId {
            lifecycle.policyInputsChanged(&ticket)
        }
        ticket.updatedAt = time
        return summary
    }

    static func shortText(_ value: JSONValue) -> String {
        let text = value.stringValue ?? JSONWriter.string(value)
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    func appendEvent(_ ticket: inout Ticket, _ text: String, actor: Actor, at time: Date) {
        ticket.entries.append(TicketEntry(id: ticket.nextEntryID, kind: .event, author: actor.email, at: time, text: text))
    }

    private func applyOne(_ edit: TicketEdit, to ticket: inout Ticket) throws {
        switch edit {
        case .status(let status): ticket.status = status
        case .priority(let priority): ticket.priority = priority
        case .ticketType(let type): ticket.ticketType = type
        case .subject(let subject):
            let trimmed = subject.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw HelpdeskError.invalidValue(field: "subject", value: "", expected: "a non-empty subject") }
            ticket.subject = trimmed
        case .category(let category): ticket.category = category
        case .team(let team): ticket.team = team
        case .assignee(let assignee): ticket.assignee = assignee?.lowercased()
        case .organization(let organization): ticket.organizationId = organization
        case .addTag(let tag): if !ticket.tags.contains(tag) { ticket.tags.append(tag) }
        case .removeTag(let tag): ticket.tags.removeAll { $0 == tag }
        case .addFollower(let email): try addFollower(email, to: &ticket)
        case .removeFollower(let email): ticket.followers.removeAll { $0 == email.lowercased() }
        case .addLink(let link): if !ticket.links.contains(link) { ticket.links.append(link) }
        case .removeLink(let link): ticket.links.removeAll { $0 == link }
        case .customField(let key, let value): ticket.customFields[key] = value
        }
    }

    private func addFollower(_ email: String, to ticket: inout Ticket) throws {
        let address = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard address.contains("@") else {
            throw HelpdeskError.invalidValue(field: "followers", value: email, expected: "an email address")
        }
        if !ticket.followers.contains(address) { ticket.followers.append(address) }
    }

    /// Mirrors added and removed ticket links onto the other ticket, so both directions are in the files.
    private func inverseLinkChanges(from old: Ticket, to new: Ticket, snapshot: StoreSnapshot, at time: Date) throws
        -> [FileChange]
    {
        let added = Set(new.links).subtracting(old.links).filter { $0.kind != .asset }
        let removed = Set(old.links).subtracting(new.links).filter { $0.kind != .asset }
        var changes: [FileChange] = []
        for target in Set(added.map(\.target) + removed.map(\.target)) where target != new.id {
            let path = index.ticket(target)?.path ?? Ticket.path(for: target)
            guard var other = try? readTicket(target, path: path, snapshot: snapshot).ticket else {
                if added.contains(where: { $0.target == target }) {
                    throw HelpdeskError.invalidValue(field: "links", value: target, expected: "an existing ticket id")
                }
                continue
            }
            for link in added where link.target == target {
                let inverse = TicketLink(kind: link.kind.inverse, target: new.id)
                if !other.links.contains(inverse) { other.links.append(inverse) }
            }
            for link in removed where link.target == target {
                other.links.removeAll { $0 == TicketLink(kind: link.kind.inverse, target: new.id) }
            }
            other.updatedAt = time
            changes.append(FileChange(path: path, contents: TicketCodec.encode(other)))
        }
        return changes
    }
}
