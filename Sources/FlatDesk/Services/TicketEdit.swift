/// One change to a ticket's fields.
public enum TicketEdit: Equatable, Sendable {
    case status(String)
    case priority(Priority)
    case ticketType(TicketType)
    case subject(String)
    case category(String?)
    case team(String?)
    case assignee(String?)
    case organization(String?)
    case addTag(String)
    case removeTag(String)
    case addFollower(String)
    case removeFollower(String)
    case addLink(TicketLink)
    case removeLink(TicketLink)
    case customField(key: String, value: String?)

    /// The field name used in commit messages and errors.
    public var field: String {
        switch self {
        case .status: "status"
        case .priority: "priority"
        case .ticketType: "ticketType"
        case .subject: "subject"
        case .category: "category"
        case .team: "team"
        case .assignee: "assignee"
        case .organization: "organizationId"
        case .addTag, .removeTag: "tags"
        case .addFollower, .removeFollower: "followers"
        case .addLink, .removeLink: "links"
        case .customField: "customFields"
        }
    }

    /// Parses `field=value` as typed on the command line or sent by a form; an empty value clears a field.
    public static func parse(field: String, value: String) throws -> TicketEdit {
        let cleared: String? = value.isEmpty || value == "none" ? nil : value
        switch field {
        case "status": return .status(value)
        case "priority": return .priority(try parseEnum(field, value, Priority.self))
        case "type", "ticketType": return .ticketType(try parseEnum(field, value, TicketType.self))
        case "subject": return .subject(value)
        case "category": return .category(cleared)
        case "team": return .team(cleared)
        case "assignee": return .assignee(cleared)
        case "organization", "organizationId": return .organization(cleared)
        case "tag", "+tag": return .addTag(value)
        case "-tag": return .removeTag(value)
        case "follower", "+follower": return .addFollower(value)
        case "-follower": return .removeFollower(value)
        default:
            if field.hasPrefix("custom.") { return .customField(key: String(field.dropFirst(7)), value: cleared) }
            let fields = "status, priority, type, subject, category, team, assignee, organization, +tag, -tag, +follower, -follower or custom.NAME"
            throw HelpdeskError.invalidValue(field: "field", value: field, expected: fields)
        }
    }

    private static func parseEnum<T: RawRepresentable & CaseIterable>(_ field: String, _ value: String, _ type: T.Type)
        throws -> T where T.RawValue == String
    {
        guard let parsed = T(rawValue: value) else {
            let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw HelpdeskError.invalidValue(field: field, value: value, expected: "one of \(choices)")
        }
        return parsed
    }
}
