import Foundation

extension IndexCacheWriter {
    /// Appends one indexed ticket: its path, version, entry count and every front-matter field.
    mutating func indexedTicket(_ indexed: IndexedTicket) {
        string(indexed.path)
        oid(indexed.blob)
        varint(indexed.entryCount)
        ticket(indexed.ticket)
    }

    private mutating func ticket(_ ticket: Ticket) {
        string(ticket.id)
        string(ticket.ticketType.rawValue)
        string(ticket.status)
        string(ticket.priority.rawValue)
        string(ticket.subject)
        optionalString(ticket.category)
        optionalString(ticket.team)
        optionalString(ticket.assignee)
        string(ticket.requester)
        optionalString(ticket.organizationId)
        strings(ticket.followers)
        string(ticket.channel.rawValue)
        links(ticket.links)
        strings(ticket.tags)
        customFields(ticket.customFields)
        times(ticket)
        csat(ticket.csat)
        extraFields(ticket.extraFields)
    }

    private mutating func links(_ links: [TicketLink]) {
        varint(links.count)
        for link in links {
            string(link.kind.rawValue)
            string(link.target)
        }
    }

    private mutating func customFields(_ fields: [String: String]) {
        varint(fields.count)
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            string(key)
            string(value)
        }
    }

    private mutating func times(_ ticket: Ticket) {
        date(ticket.createdAt)
        date(ticket.updatedAt)
        optionalDate(ticket.firstResponseDueAt)
        optionalDate(ticket.resolutionDueAt)
        optionalDate(ticket.firstRespondedAt)
        optionalDate(ticket.resolvedAt)
        optionalDate(ticket.closedAt)
        byte(ticket.slaBreached ? 1 : 0)
        optionalDate(ticket.slaPausedAt)
        varint(ticket.slaPausedMinutes)
    }

    private mutating func csat(_ rating: CSATRating?) {
        guard let rating else { return byte(0) }
        byte(1)
        varint(rating.rating)
        optionalString(rating.comment)
        date(rating.at)
    }

    /// Unknown front-matter keys, their values as compact JSON text.
    private mutating func extraFields(_ fields: [Ticket.ExtraField]) {
        varint(fields.count)
        for field in fields {
            string(field.key)
            string(TicketJSON.encode(field.value))
        }
    }

    /// Appends the problems of one unreadable file.
    mutating func problems(path: String, _ problems: [FileProblem]) {
        string(path)
        varint(problems.count)
        for problem in problems {
            string(problem.path)
            varint(problem.line ?? -1)
            string(problem.severity.rawValue)
            string(problem.message)
        }
    }
}
