import Foundation

extension IndexCacheReader {
    /// Reads what `IndexCacheWriter.indexedTicket` wrote.
    mutating func indexedTicket() throws(IndexCacheFormatError) -> IndexedTicket {
        let path = try string()
        let blob = try oid()
        let entryCount = try varint()
        return IndexedTicket(ticket: try ticket(), path: path, blob: blob, entryCount: entryCount)
    }

    /// A ticket whose fields `ticket()` overwrites; copying it avoids `Ticket.init` normalizing an empty request.
    private static let blank: Ticket = {
        var ticket = Ticket(
            id: "", subject: "", requester: "", channel: .console, createdAt: Date(timeIntervalSince1970: 0),
            requestText: "")
        ticket.entries = []
        return ticket
    }()

    private mutating func ticket() throws(IndexCacheFormatError) -> Ticket {
        var ticket = IndexCacheReader.blank
        ticket.id = try string()
        ticket.ticketType = try enumValue(TicketType.self)
        ticket.status = try string()
        ticket.priority = try enumValue(Priority.self)
        ticket.subject = try string()
        ticket.category = try optionalString()
        ticket.team = try optionalString()
        ticket.assignee = try optionalString()
        ticket.requester = try string()
        ticket.organizationId = try optionalString()
        ticket.followers = try strings()
        ticket.channel = try enumValue(Channel.self)
        ticket.links = try links()
        ticket.tags = try strings()
        ticket.customFields = try customFields()
        try times(&ticket)
        ticket.csat = try csat()
        ticket.extraFields = try extraFields()
        return ticket
    }

    private mutating func links() throws(IndexCacheFormatError) -> [TicketLink] {
        let count = try varint()
        guard count >= 0, !isAtEnd || count == 0 else { throw failure("invalid link count") }
        var links: [TicketLink] = []
        for _ in 0..<count {
            let kind = try enumValue(LinkKind.self)
            links.append(TicketLink(kind: kind, target: try string()))
        }
        return links
    }

    private mutating func customFields() throws(IndexCacheFormatError) -> [String: String] {
        let count = try varint()
        guard count >= 0, !isAtEnd || count == 0 else { throw failure("invalid custom field count") }
        var fields: [String: String] = [:]
        for _ in 0..<count {
            let key = try string()
            fields[key] = try string()
        }
        return fields
    }

    private mutating func times(_ ticket: inout Ticket) throws(IndexCacheFormatError) {
        ticket.createdAt = try date()
        ticket.updatedAt = try date()
        ticket.firstResponseDueAt = try optionalDate()
        ticket.resolutionDueAt = try optionalDate()
        ticket.firstRespondedAt = try optionalDate()
        ticket.resolvedAt = try optionalDate()
        ticket.closedAt = try optionalDate()
        ticket.slaBreached = try flag()
        ticket.slaPausedAt = try optionalDate()
        ticket.slaPausedMinutes = try varint()
    }

    private mutating func csat() throws(IndexCacheFormatError) -> CSATRating? {
        guard try flag() else { return nil }
        let rating = try varint()
        let comment = try optionalString()
        return CSATRating(rating: rating, comment: comment, at: try date())
    }

    private mutating func extraFields() throws(IndexCacheFormatError) -> [Ticket.ExtraField] {
        let count = try varint()
        guard count >= 0, !isAtEnd || count == 0 else { throw failure("invalid field count") }
        var fields: [Ticket.ExtraField] = []
        for _ in 0..<count {
            let key = try string()
            var reader = JSONReader(bytes: Array(try string().utf8))
            guard let value = try? reader.readDocument() else { throw failure("invalid JSON in field '\(key)'") }
            fields.append(Ticket.ExtraField(key: key, value: value))
        }
        return fields
    }

    /// Reads what `IndexCacheWriter.problems` wrote.
    mutating func problems() throws(IndexCacheFormatError) -> (path: String, problems: [FileProblem]) {
        let path = try string()
        let count = try varint()
        guard count >= 0, !isAtEnd || count == 0 else { throw failure("invalid problem count") }
        var problems: [FileProblem] = []
        for _ in 0..<count {
            let problemPath = try string()
            let line = try varint()
            let severity = try enumValue(FileProblem.Severity.self)
            problems.append(
                FileProblem(path: problemPath, line: line < 0 ? nil : line, severity: severity, message: try string()))
        }
        return (path, problems)
    }
}
