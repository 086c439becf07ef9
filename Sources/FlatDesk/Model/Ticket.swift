import Foundation

/// A ticket: the front-matter fields and the thread of one file under `tickets/`.
public struct Ticket: Equatable, Sendable {
    public var id: String
    public var ticketType: TicketType
    public var status: String
    public var priority: Priority
    public var subject: String
    public var category: String?
    public var team: String?
    public var assignee: String?
    public var requester: String
    public var organizationId: String?
    public var followers: [String]
    public var channel: Channel
    public var links: [TicketLink]
    public var tags: [String]
    public var customFields: [String: String]
    public var createdAt: Date
    public var updatedAt: Date
    public var firstResponseDueAt: Date?
    public var resolutionDueAt: Date?
    public var firstRespondedAt: Date?
    public var resolvedAt: Date?
    public var closedAt: Date?
    public var slaBreached: Bool
    public var slaPausedAt: Date?
    public var slaPausedMinutes: Int
    public var csat: CSATRating?
    /// Front-matter keys FlatDesk does not know, kept in their original order.
    public var extraFields: [ExtraField]
    public var entries: [TicketEntry]

    /// A front-matter key FlatDesk does not know, kept so that rewriting the file loses nothing.
    public struct ExtraField: Equatable, Sendable {
        public var key: String
        public var value: JSONValue
    }

    /// Creates a ticket with the request as its first entry; times are truncated to whole seconds.
    public init(
        id: String, ticketType: TicketType = .incident, status: String = BuiltInStatus.new.rawValue,
        priority: Priority = .medium, subject: String, requester: String, channel: Channel, createdAt: Date,
        requestText: String
    ) {
        let created = Date(timeIntervalSince1970: createdAt.timeIntervalSince1970.rounded(.down))
        self.id = id
        self.ticketType = ticketType
        self.status = status
        self.priority = priority
        self.subject = subject
        self.requester = requester
        self.followers = []
        self.channel = channel
        self.links = []
        self.tags = []
        self.customFields = [:]
        self.createdAt = created
        self.updatedAt = created
        self.slaBreached = false
        self.slaPausedMinutes = 0
        self.extraFields = []
        let request = TicketEntry(
            id: "E1", kind: .request, author: requester, at: created, attributes: [("via", channel.rawValue)],
            text: requestText)
        self.entries = [request]
    }

    /// Id for the next entry appended to the thread.
    public var nextEntryID: String {
        let highest = entries.compactMap { Int($0.id.dropFirst()) }.max() ?? 0
        return "E\(highest + 1)"
    }

    /// The ticket number, the digits after the prefix; nil when the id has no number.
    public var number: Int? { Ticket.number(of: id) }

    /// Returns the number in a ticket id such as `FD-1042`.
    public static func number(of id: String) -> Int? {
        guard let dash = id.lastIndex(of: "-") else { return nil }
        return Int(id[id.index(after: dash)...])
    }

    /// Returns the ticket's path inside the repository: `tickets/<number / 1000, three digits>/<id>.md`.
    public static func path(for id: String) -> String {
        let shard = (number(of: id) ?? 0) / 1000
        let text = String(shard)
        let padded = text.count >= 3 ? text : String(repeating: "0", count: 3 - text.count) + text
        return "tickets/\(padded)/\(id).md"
    }
}
