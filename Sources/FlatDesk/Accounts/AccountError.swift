/// Errors of the accounts layer.
public enum AccountError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownPerson(email: String)
    case weakPassword(reason: String)
    case invalidRole(String)
    case storage(String)

    public var description: String {
        switch self {
        case .unknownPerson(let email):
            "no person with email '\(email)' in settings/people.json; add them there first"
        case .weakPassword(let reason):
            "password rejected: \(reason)"
        case .invalidRole(let role):
            "invalid role '\(role)' (expected customer, agent, supervisor or admin)"
        case .storage(let detail):
            "cannot store account data: \(detail)"
        }
    }
}
