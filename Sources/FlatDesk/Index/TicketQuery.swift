import Foundation

/// A filter, order and page over the index. Nil filters match everything.
public struct TicketQuery: Sendable, Equatable {
    public enum Order: String, Sendable, CaseIterable {
        /// Next SLA due time first; tickets without one last.
        case due
        case updated
        case created
        case priority
        case id
    }

    public var statuses: Set<String>?
    public var teams: Set<String>?
    /// Assignee emails; the empty string matches unassigned tickets.
    public var assignees: Set<String>?
    public var priorities: Set<Priority>?
    public var types: Set<TicketType>?
    public var requester: String?
    /// Requesters whose tickets match, for a customer's organization view.
    public var organizationId: String?
    /// Matches tickets the person requested or follows.
    public var involving: String?
    public var breached: Bool?
    /// Only tickets whose next due time is at or before this instant.
    public var dueBefore: Date?
    public var updatedAfter: Date?
    /// Case-insensitive substring of the subject or id.
    public var text: String?
    public var order: Order = .due
    public var descending = false
    public var offset = 0
    public var limit = 50

    public init() {}
}

/// One page of query results and the number of matches in all pages.
public struct TicketPage: Sendable {
    public var total: Int
    public var tickets: [IndexedTicket]
}
