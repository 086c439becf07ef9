/// One of the two targets an SLA policy sets for a ticket.
public enum SLATarget: String, Sendable, CaseIterable, Hashable {
    /// The first public reply by an agent.
    case firstResponse
    /// Resolving the ticket.
    case resolution
}
