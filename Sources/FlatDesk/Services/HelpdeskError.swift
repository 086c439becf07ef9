/// Errors of the helpdesk services, each naming the value at fault.
public enum HelpdeskError: Error, Equatable, Sendable, CustomStringConvertible {
    case ticketNotFound(id: String)
    /// The edit was based on `expected`, but the ticket is now at `current`.
    case versionConflict(id: String, expected: String, current: String)
    case invalidValue(field: String, value: String, expected: String)
    case forbidden(action: String)
    case unreadableTicket(id: String, problems: [FileProblem])
    case invalidSettings(problems: [FileProblem])
    case missingHelpdesk(path: String)

    public var description: String {
        switch self {
        case .ticketNotFound(let id):
            "ticket \(id) not found"
        case .versionConflict(let id, let expected, let current):
            "ticket \(id) changed since version \(expected.prefix(12)) (now \(current.prefix(12))); reload it and try again"
        case .invalidValue(let field, let value, let expected):
            "invalid \(field) '\(value)' (expected \(expected))"
        case .forbidden(let action):
            "not allowed: \(action)"
        case .unreadableTicket(let id, let problems):
            "ticket \(id) cannot be read:\n" + problems.map(\.description).joined(separator: "\n")
        case .invalidSettings(let problems):
            "invalid settings:\n" + problems.map(\.description).joined(separator: "\n")
        case .missingHelpdesk(let path):
            "\(path) is not a FlatDesk helpdesk; run 'flatdesk init \(path)' to create one"
        }
    }
}
