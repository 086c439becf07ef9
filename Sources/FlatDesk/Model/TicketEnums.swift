import Foundation

/// The four ITIL record types that share one ticket file.
public enum TicketType: String, CaseIterable, Sendable, Codable {
    case incident
    case serviceRequest = "service_request"
    case problem
    case change
}

/// Ticket priority, lowest first.
public enum Priority: String, CaseIterable, Sendable, Codable, Comparable {
    case low
    case medium
    case high
    case urgent

    private var rank: Int { Priority.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}

/// The channel through which a ticket reached the helpdesk.
public enum Channel: String, CaseIterable, Sendable, Codable {
    case email
    case portal
    case console
    case api
}

/// Built-in ticket statuses. Custom statuses from `settings/statuses.json` are plain strings.
public enum BuiltInStatus: String, CaseIterable, Sendable {
    case new
    case processing
    case open
    case inProgress = "in_progress"
    case escalated
    case resolved
    case closed

    /// The statuses that background triage jobs manage, which the console hides.
    public static let intakeStatuses: Set<String> = [BuiltInStatus.new.rawValue, BuiltInStatus.processing.rawValue]

    /// The name shown to people.
    public var displayName: String {
        switch self {
        case .new: "New"
        case .processing: "Processing"
        case .open: "Open"
        case .inProgress: "In progress"
        case .escalated: "Escalated"
        case .resolved: "Resolved"
        case .closed: "Closed"
        }
    }
}

/// The kind of a relation between a ticket and another record.
public enum LinkKind: String, CaseIterable, Sendable, Codable {
    case relatesTo = "relates_to"
    case duplicates
    case causedBy = "caused_by"
    case causes
    case blocks
    case blockedBy = "blocked_by"
    case parentOf = "parent_of"
    case childOf = "child_of"
    case asset

    /// The kind seen from the other end of the link.
    public var inverse: LinkKind {
        switch self {
        case .relatesTo, .duplicates, .asset: self
        case .causedBy: .causes
        case .causes: .causedBy
        case .blocks: .blockedBy
        case .blockedBy: .blocks
        case .parentOf: .childOf
        case .childOf: .parentOf
        }
    }
}

/// A link from a ticket to another ticket, problem, change or asset.
public struct TicketLink: Equatable, Hashable, Sendable, Codable {
    public var kind: LinkKind
    public var target: String

    public init(kind: LinkKind, target: String) {
        self.kind = kind
        self.target = target
    }
}

/// The requester's satisfaction rating.
public struct CSATRating: Equatable, Sendable, Codable {
    public var rating: Int
    public var comment: String?
    public var at: Date

    public init(rating: Int, comment: String?, at: Date) {
        self.rating = rating
        self.comment = comment
        self.at = at
    }
}
