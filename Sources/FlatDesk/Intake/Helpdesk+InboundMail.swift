import Foundation

/// The entry text and attributes an inbound message adds to a ticket, and the files stored beside it.
struct InboundEntryContent {
    var text: String
    var attributes: [(key: String, value: String)]
    var files: [InboundFilePlan.File]
}

// NOTE: these two functions repeat `createTicket` and `addEntry`, whose commits cannot carry extra files;
// a change to the ticket rules there must be made here too.
extension Helpdesk {
    /// Opens a ticket from an inbound message and commits it together with the message's files.
    ///
    /// This is `createTicket` plus the files, which must land in the same commit as the ticket.
    /// - Parameters:
    ///   - related: a closed ticket the message replied to; both tickets get a `relates_to` link.
    ///   - content: the request entry (`E1`) and its files.
    /// - Returns: the ticket as written.
    /// - Throws: `HelpdeskError.invalidValue` for a value the settings do not allow, or a storage error.
    func createInboundTicket(_ draft: NewTicket, related: String?, actor: Actor, content: InboundEntryContent) throws
        -> Ticket
    {
        let time = now()
        let base = try inboundTicket(draft, content: content, related: related, at: time)
        var created = base
        try store.commit(author: identity(actor, at: time), committer: committer(at: time)) { snapshot in
            var number = reserveNumber(above: 0)
            while try snapshot.blobID(Ticket.path(for: inboundKey(number))) != nil {
                number = reserveNumber(above: number)
            }
            created = base
            created.id = inboundKey(number)
            lifecycle.ticketCreated(&created, at: time)
            let path = Ticket.path(for: created.id)
            var changes = [FileChange(path: path, contents: TicketCodec.encode(created))]
            changes += Self.fileChanges(content.files, ticketPath: path)
            if let related {
                changes += try inverseRelatedLink(from: created.id, to: related, snapshot: snapshot, at: time)
            }
            let message = "\(created.id): new \(created.ticketType.rawValue) \"\(created.subject)\" by email"
            return CommitPlan(message: message, changes: changes)
        }
        try refresh()
        notify(.ticketCreated(created, actor: actor))
        logger.info("ticket created from email", ["ticket.id": created.id, "actor": actor.email])
        return created
    }

    /// Appends an entry from an inbound message to a ticket and commits it together with the message's files.
    ///
    /// This is `addEntry` plus the files. The entry is not added when the ticket already has an entry with
    /// the same `message-id`, which catches a message delivered twice at once.
    /// - Parameters:
    ///   - content: builds the entry text, attributes and files for the new entry's id.
    /// - Returns: the ticket and the new entry, or nil when the ticket already has the message.
    /// - Throws: `HelpdeskError.ticketNotFound`, or a storage error.
    func addInboundEntry(
        _ id: String, kind: TicketEntry.Kind, actor: Actor, messageID: String,
        content: (_ entryID: String) -> InboundEntryContent
    ) throws -> (ticket: Ticket, entry: TicketEntry)? {
        let time = now()
        var written: (Ticket, TicketEntry)?
        try store.commit(author: identity(actor, at: time), committer: committer(at: time)) { snapshot in
            written = nil
            let path = index.ticket(id)?.path ?? Ticket.path(for: id)
            var (ticket, _) = try readTicket(id, path: path, snapshot: snapshot)
            guard !ticket.entries.contains(where: { $0.attribute("message-id") == messageID }) else { return nil }
            let entryID = ticket.nextEntryID
            let built = content(entryID)
            let entry = TicketEntry(
                id: entryID, kind: kind, author: actor.email.lowercased(), at: time, attributes: built.attributes,
                text: built.text)
            ticket.entries.append(entry)
            applyInboundReplyRules(&ticket, entry: entry, actor: actor, at: time)
            ticket.updatedAt = time
            written = (ticket, entry)
            let changes =
                [FileChange(path: path, contents: TicketCodec.encode(ticket))]
                + Self.fileChanges(built.files, ticketPath: path)
            let word = kind == .event ? "event" : "reply"
            return CommitPlan(message: "\(id): \(word) by email from \(actor.email)", changes: changes)
        }
        guard let written else { return nil }
        try refresh()
        notify(.entryAdded(written.0, entry: written.1, actor: actor))
        return written
    }

    private func inboundKey(_ number: Int) -> String {
        "\(settings.profile.keyPrefix)-\(number)"
    }

    /// Builds the ticket before it gets its number and checks it against the settings like any new ticket.
    private func inboundTicket(_ draft: NewTicket, content: InboundEntryContent, related: String?, at time: Date) throws
        -> Ticket
    {
        let subject = draft.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let requester = draft.requester.lowercased()
        var ticket = Ticket(
            id: "\(settings.profile.keyPrefix)-0", ticketType: draft.ticketType, status: draft.status,
            priority: draft.priority, subject: String(subject.prefix(500)), requester: requester, channel: .email,
            createdAt: time, requestText: content.text)
        ticket.entries[0].attributes += content.attributes
        ticket.organizationId = draft.organizationId
        ticket.followers = uniqueEmails(draft.followers.filter { $0.lowercased() != requester })
        if let related { ticket.links = [TicketLink(kind: .relatesTo, target: related)] }
        try validate(ticket)
        return ticket
    }

    /// Returns the change that links a closed ticket back to the ticket a late reply to it opened.
    private func inverseRelatedLink(from newID: String, to related: String, snapshot: StoreSnapshot, at time: Date)
        throws -> [FileChange]
    {
        let path = index.ticket(related)?.path ?? Ticket.path(for: related)
        guard var other = try? readTicket(related, path: path, snapshot: snapshot).ticket else { return [] }
        let link = TicketLink(kind: .relatesTo, target: newID)
        guard !other.links.contains(link) else { return [] }
        other.links.append(link)
        other.updatedAt = time
        return [FileChange(path: path, contents: TicketCodec.encode(other))]
    }

    /// Applies the rules of `addEntry`: a staff reply is the first response, and a reply from the requester's
    /// side reopens a resolved or waiting ticket.
    private func applyInboundReplyRules(_ ticket: inout Ticket, entry: TicketEntry, actor: Actor, at time: Date) {
        guard entry.kind == .reply else { return }
        if actor.isStaff, !actor.isAutomation {
            lifecycle.publicAgentReply(&ticket, at: time)
            return
        }
        let email = actor.email.lowercased()
        let fromRequesterSide = email == ticket.requester || ticket.followers.contains(email)
        let waiting =
            settings.onHoldStatuses.contains(ticket.status) || ticket.status == BuiltInStatus.resolved.rawValue
        guard fromRequesterSide, waiting else { return }
        let previous = ticket.status
        ticket.status = BuiltInStatus.open.rawValue
        lifecycle.statusChanged(&ticket, from: previous, at: time)
        appendEvent(
            &ticket, "Status changed from \(previous) to open after a reply from the requester.", actor: actor, at: time
        )
    }

    private static func fileChanges(_ files: [InboundFilePlan.File], ticketPath: String) -> [FileChange] {
        let folder = InboundFilePlan.folder(ofTicketAt: ticketPath)
        return files.map { FileChange(path: folder + "/" + $0.name, contents: $0.bytes) }
    }
}
