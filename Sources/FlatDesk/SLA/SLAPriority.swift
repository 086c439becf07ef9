/// Ticket priority as written in the ticket file and used as a key of an SLA policy's targets.
public enum SLAPriority: String, Sendable, CaseIterable, Codable, Hashable {
    case low
    case medium
    case high
    case urgent
}
