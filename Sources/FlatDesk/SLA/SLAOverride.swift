/// A rule of `settings/sla.json` that applies a policy other than the default to matching tickets.
public struct SLAOverride: Sendable, Hashable {
    /// Ticket type to match, or nil to match any.
    public let ticketType: String?
    /// Organization id to match, or nil to match any.
    public let organizationId: String?
    /// Priority to match, or nil to match any.
    public let priority: SLAPriority?
    /// Id of the policy applied to matching tickets.
    public let policyID: String

    /// Creates an override; the fields left nil match any ticket.
    public init(
        ticketType: String? = nil, organizationId: String? = nil, priority: SLAPriority? = nil, policyID: String
    ) {
        self.ticketType = ticketType
        self.organizationId = organizationId
        self.priority = priority
        self.policyID = policyID
    }

    /// Returns whether every field the override names equals the ticket's.
    public func matches(ticketType: String?, priority: SLAPriority, organizationId: String?) -> Bool {
        if let expected = self.ticketType, expected != ticketType { return false }
        if let expected = self.organizationId, expected != organizationId { return false }
        if let expected = self.priority, expected != priority { return false }
        return true
    }

    /// Rank among matching overrides: an organization outranks a ticket type, which outranks a priority.
    ///
    /// The weights 4, 2 and 1 make the comparison lexicographic, so an override naming only an organization
    /// beats one naming a ticket type and a priority.
    public var specificity: Int {
        (organizationId == nil ? 0 : 4) + (ticketType == nil ? 0 : 2) + (priority == nil ? 0 : 1)
    }
}
