import Foundation

extension TicketCodec {
    /// The front-matter value of one known key.
    static func headerValue(_ ticket: Ticket, _ key: String) -> JSONValue {
        switch key {
        case "formatVersion": .number(String(FrontMatter.formatVersion))
        case "id": .string(ticket.id)
        case "ticketType": .string(ticket.ticketType.rawValue)
        case "status": .string(ticket.status)
        case "priority": .string(ticket.priority.rawValue)
        case "subject": .string(ticket.subject)
        case "category": optional(ticket.category)
        case "team": optional(ticket.team)
        case "assignee": optional(ticket.assignee)
        case "requester": .string(ticket.requester)
        case "organizationId": optional(ticket.organizationId)
        case "followers": .array(ticket.followers.map(JSONValue.string))
        case "channel": .string(ticket.channel.rawValue)
        case "links": .array(ticket.links.map(linkValue))
        case "tags": .array(ticket.tags.map(JSONValue.string))
        case "customFields": .object(ticket.customFields.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        default: timeOrStateValue(ticket, key)
        }
    }

    private static func timeOrStateValue(_ ticket: Ticket, _ key: String) -> JSONValue {
        switch key {
        case "createdAt": time(ticket.createdAt)
        case "updatedAt": time(ticket.updatedAt)
        case "firstResponseDueAt": time(ticket.firstResponseDueAt)
        case "resolutionDueAt": time(ticket.resolutionDueAt)
        case "firstRespondedAt": time(ticket.firstRespondedAt)
        case "resolvedAt": time(ticket.resolvedAt)
        case "closedAt": time(ticket.closedAt)
        case "slaBreached": .bool(ticket.slaBreached)
        case "slaPausedAt": time(ticket.slaPausedAt)
        case "slaPausedMinutes": .number(String(ticket.slaPausedMinutes))
        case "csat": ticket.csat.map(csatValue) ?? .null
        default: .null
        }
    }

    private static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    private static func time(_ date: Date?) -> JSONValue {
        date.map { .string(Timestamp.format($0)) } ?? .null
    }

    private static func linkValue(_ link: TicketLink) -> JSONValue {
        .object([("kind", .string(link.kind.rawValue)), ("target", .string(link.target))])
    }

    private static func csatValue(_ csat: CSATRating) -> JSONValue {
        .object([("at", time(csat.at)), ("comment", optional(csat.comment)), ("rating", .number(String(csat.rating)))])
    }
}
