import Foundation

/// Reads and writes ticket files (see docs/file-format.md).
public enum TicketCodec {
    /// Front-matter keys in the order they are written.
    static let knownKeys: [String] = [
        "formatVersion", "id", "ticketType", "status", "priority", "subject", "category", "team", "assignee",
        "requester", "organizationId", "followers", "channel", "links", "tags", "customFields", "createdAt",
        "updatedAt", "firstResponseDueAt", "resolutionDueAt", "firstRespondedAt", "resolvedAt", "closedAt",
        "slaBreached", "slaPausedAt", "slaPausedMinutes", "csat",
    ]
    private static let knownKeySet = Set(knownKeys)
    private static let knownKeyPositions = Dictionary(uniqueKeysWithValues: knownKeys.enumerated().map { ($1, $0) })
    /// A ticket whose fields `decodeHeader` overwrites; copying it is cheaper than `Ticket.init`, which
    /// normalizes the text of an empty request on every call.
    private static let blank = Ticket(
        id: "", subject: "", requester: "", channel: .console, createdAt: Date(timeIntervalSince1970: 0),
        requestText: "")

    /// Parses a ticket file.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: the file's path, used in problems.
    ///   - statuses: the status ids allowed in this helpdesk, or nil to accept any status.
    ///   - includeThread: false to skip parsing the body, which is all an index needs.
    /// - Throws: `FileFormatError` listing every problem found.
    public static func decode(
        _ bytes: [UInt8], path: String, statuses: Set<String>? = nil, includeThread: Bool = true
    ) throws(FileFormatError) -> Ticket {
        let frontMatter = try FrontMatter.split(bytes, path: path)
        try frontMatter.checkVersion(path: path)
        var decoder = FieldDecoder(
            path: path, frontMatter: frontMatter, knownKeys: knownKeys, positions: knownKeyPositions)
        let ticket = decodeHeader(&decoder, statuses: statuses)
        guard decoder.problems.isEmpty, var ticket else { throw FileFormatError(decoder.problems) }
        if includeThread {
            ticket.entries = TicketBodyCodec.decode(frontMatter.body, firstLine: frontMatter.bodyLine, ticket: ticket)
        }
        return ticket
    }

    /// Returns the canonical bytes of `ticket`.
    public static func encode(_ ticket: Ticket) -> [UInt8] {
        var writer = FrontMatterWriter()
        for key in knownKeys {
            writer.field(key, headerValue(ticket, key))
        }
        for extra in ticket.extraFields {
            writer.field(extra.key, extra.value)
        }
        var text = writer.finished()
        TicketBodyCodec.encode(ticket.entries, into: &text)
        return Array(text.utf8)
    }

    private static func decodeHeader(_ decoder: inout FieldDecoder, statuses: Set<String>?) -> Ticket? {
        let id = decoder.requiredString("id")
        let type = decoder.enumValue("ticketType", fallback: nil as TicketType?)
        let status = decodeStatus(&decoder, statuses: statuses)
        let priority = decoder.enumValue("priority", fallback: Priority.medium) ?? .medium
        let subject = decoder.requiredString("subject")
        let requester = decoder.requiredString("requester")
        let channel = decoder.enumValue("channel", fallback: Channel.console) ?? .console
        guard let createdAt = decoder.requiredDate("createdAt") else { return nil }
        // The same values `Ticket.init` would set, without its request entry.
        var ticket = blank
        ticket.id = id
        ticket.ticketType = type ?? .incident
        ticket.status = status
        ticket.priority = priority
        ticket.subject = subject
        ticket.requester = requester
        ticket.channel = channel
        ticket.createdAt = Date(timeIntervalSince1970: createdAt.timeIntervalSince1970.rounded(.down))
        ticket.updatedAt = ticket.createdAt
        ticket.entries = []
        decodeOptionalFields(&decoder, into: &ticket)
        return ticket
    }

    private static func decodeStatus(_ decoder: inout FieldDecoder, statuses: Set<String>?) -> String {
        let status = decoder.requiredString("status")
        guard let statuses, !status.isEmpty, !statuses.contains(status) else { return status }
        let choices = FieldDecoder.alternatives(statuses.sorted())
        decoder.report("status", "invalid status '\(status)' (expected \(choices))")
        return status
    }

    private static func decodeOptionalFields(_ decoder: inout FieldDecoder, into ticket: inout Ticket) {
        ticket.category = decoder.optionalString("category")
        ticket.team = decoder.optionalString("team")
        ticket.assignee = decoder.optionalString("assignee")
        ticket.organizationId = decoder.optionalString("organizationId")
        ticket.followers = decoder.stringArray("followers")
        ticket.tags = decoder.stringArray("tags")
        ticket.links = decodeLinks(&decoder)
        ticket.customFields = decodeCustomFields(&decoder)
        ticket.updatedAt = decoder.optionalDate("updatedAt") ?? ticket.createdAt
        ticket.firstResponseDueAt = decoder.optionalDate("firstResponseDueAt")
        ticket.resolutionDueAt = decoder.optionalDate("resolutionDueAt")
        ticket.firstRespondedAt = decoder.optionalDate("firstRespondedAt")
        ticket.resolvedAt = decoder.optionalDate("resolvedAt")
        ticket.closedAt = decoder.optionalDate("closedAt")
        ticket.slaBreached = decoder.bool("slaBreached")
        ticket.slaPausedAt = decoder.optionalDate("slaPausedAt")
        ticket.slaPausedMinutes = decoder.nonNegativeInt("slaPausedMinutes")
        ticket.csat = decodeCSAT(&decoder)
        ticket.extraFields = decoder.unknownFields(knownKeySet).map { Ticket.ExtraField(key: $0.key, value: $0.value) }
    }

    private static func decodeLinks(_ decoder: inout FieldDecoder) -> [TicketLink] {
        guard let value = decoder.value("links"), !value.isNull else { return [] }
        var links: [TicketLink] = []
        for item in value.arrayValue ?? [value] {
            let kindText = item["kind"]?.stringValue ?? ""
            guard let kind = LinkKind(rawValue: kindText), let target = item["target"]?.stringValue, !target.isEmpty
            else {
                let kinds = FieldDecoder.alternatives(LinkKind.allCases.map(\.rawValue))
                decoder.report(
                    "links", "invalid link \(JSONWriter.string(item)) (expected {\"kind\": K, \"target\": ID} with K one of \(kinds))")
                continue
            }
            links.append(TicketLink(kind: kind, target: target))
        }
        return links
    }

    private static func decodeCustomFields(_ decoder: inout FieldDecoder) -> [String: String] {
        guard let value = decoder.value("customFields"), !value.isNull else { return [:] }
        guard let pairs = value.objectValue, pairs.allSatisfy({ $0.value.stringValue != nil }) else {
            decoder.report("customFields", "invalid customFields \(JSONWriter.string(value)) (expected an object of strings)")
            return [:]
        }
        return Dictionary(pairs.map { ($0.key, $0.value.stringValue ?? "") }) { _, last in last }
    }

    private static func decodeCSAT(_ decoder: inout FieldDecoder) -> CSATRating? {
        guard let value = decoder.value("csat"), !value.isNull else { return nil }
        guard let rating = value["rating"]?.intValue, (1...5).contains(rating),
            let at = value["at"]?.stringValue.flatMap(Timestamp.parse)
        else {
            decoder.report("csat", "invalid csat \(JSONWriter.string(value)) (expected {\"at\": TIME, \"comment\": TEXT, \"rating\": 1-5})")
            return nil
        }
        return CSATRating(rating: rating, comment: value["comment"]?.stringValue, at: at)
    }
}
