import Foundation

/// The SLA fields of a ticket, with the ticket fields that decide its policy.
///
/// Field names match the ticket file's front-matter. Times are whole seconds, as stored in the file.
public struct SLAState: Sendable, Hashable {
    /// When the ticket was created; every due time is derived from it.
    public var createdAt: Date
    /// The ticket's priority.
    public var priority: SLAPriority
    /// The ticket type, such as `incident`.
    public var ticketType: String
    /// The requester's organization, if any.
    public var organizationId: String?
    /// The ticket's current status id.
    public var status: String
    /// When the first public agent reply is due.
    public var firstResponseDueAt: Date?
    /// When resolution is due.
    public var resolutionDueAt: Date?
    /// When the first public agent reply was sent.
    public var firstRespondedAt: Date?
    /// When the ticket was resolved or closed; cleared when it reopens.
    public var resolvedAt: Date?
    /// Whether any target has been breached; once true it stays true.
    public var slaBreached: Bool
    /// When the running pause began, or nil when the SLA clocks run.
    public var slaPausedAt: Date?
    /// Minutes of the policy's clock spent paused or resolved, already added to both due times.
    public var slaPausedMinutes: Int

    /// Creates a state from the ticket's fields.
    public init(
        createdAt: Date, priority: SLAPriority, ticketType: String, organizationId: String? = nil,
        status: String, firstResponseDueAt: Date? = nil, resolutionDueAt: Date? = nil,
        firstRespondedAt: Date? = nil, resolvedAt: Date? = nil, slaBreached: Bool = false,
        slaPausedAt: Date? = nil, slaPausedMinutes: Int = 0
    ) {
        self.createdAt = createdAt
        self.priority = priority
        self.ticketType = ticketType
        self.organizationId = organizationId
        self.status = status
        self.firstResponseDueAt = firstResponseDueAt
        self.resolutionDueAt = resolutionDueAt
        self.firstRespondedAt = firstRespondedAt
        self.resolvedAt = resolvedAt
        self.slaBreached = slaBreached
        self.slaPausedAt = slaPausedAt
        self.slaPausedMinutes = slaPausedMinutes
    }

    /// Whether the SLA clocks are paused.
    public var isPaused: Bool { slaPausedAt != nil }

    /// Returns the due time of `target`.
    public func dueAt(_ target: SLATarget) -> Date? {
        switch target {
        case .firstResponse: firstResponseDueAt
        case .resolution: resolutionDueAt
        }
    }

    /// Returns when `target` was met, or nil while it is pending.
    ///
    /// Resolving a ticket also stops its first-response clock, so a ticket resolved without a public reply
    /// meets the first-response target at `resolvedAt`.
    public func metAt(_ target: SLATarget) -> Date? {
        switch target {
        case .firstResponse: firstRespondedAt ?? resolvedAt
        case .resolution: resolvedAt
        }
    }
}
