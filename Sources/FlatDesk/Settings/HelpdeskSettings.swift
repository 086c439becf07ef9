import Foundation

/// The helpdesk's configuration, read from the JSON files under `settings/`.
public struct HelpdeskSettings: Sendable {
    public var profile: HelpdeskProfile
    public var customStatuses: [StatusDefinition]
    public var categories: [String]
    public var teams: [Team]
    public var organizations: [Organization]
    public var people: [Person] {
        didSet {
            peopleIndex = HelpdeskSettings.indexPeople(people)
            staffByName = HelpdeskSettings.sortedStaff(people)
        }
    }
    /// Positions in `people` by lowercased email, so lookups on every request stay cheap.
    private var peopleIndex: [String: Int] = [:]
    /// Agents, supervisors and admins in name order, as assignee pickers list them.
    public private(set) var staffByName: [Person] = []
    /// Raw contents of files that their own services parse (`sla.json`, `catalog.json`, `automations.json`, …).
    public var rawFiles: [String: [UInt8]]
    /// The SLA policies from `settings/sla.json`, or nil when the file is absent or invalid.
    public var sla: SLASettings?

    public init(
        profile: HelpdeskProfile = HelpdeskProfile(), customStatuses: [StatusDefinition] = [], categories: [String] = [],
        teams: [Team] = [], organizations: [Organization] = [], people: [Person] = [], rawFiles: [String: [UInt8]] = [:]
    ) {
        self.profile = profile
        self.customStatuses = customStatuses
        self.categories = categories
        self.teams = teams
        self.organizations = organizations
        self.people = people
        self.peopleIndex = HelpdeskSettings.indexPeople(people)
        self.staffByName = HelpdeskSettings.sortedStaff(people)
        self.rawFiles = rawFiles
    }

    /// Every status a ticket may have: the built-in ones, then the custom ones.
    public var allStatuses: [String] {
        BuiltInStatus.allCases.map(\.rawValue) + customStatuses.map(\.id)
    }

    /// Ids of statuses that pause SLA timers.
    public var onHoldStatuses: Set<String> {
        Set(customStatuses.filter(\.onHold).map(\.id))
    }

    /// The display name of a status.
    public func statusName(_ id: String) -> String {
        if let custom = customStatuses.first(where: { $0.id == id }) { return custom.name }
        if let builtIn = BuiltInStatus(rawValue: id) { return builtIn.displayName }
        return id.replacingOccurrences(of: "_", with: " ")
    }

    public func person(_ email: String) -> Person? {
        peopleIndex[email.lowercased()].map { people[$0] }
    }

    private static func indexPeople(_ people: [Person]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, person) in people.enumerated() where index[person.email.lowercased()] == nil {
            index[person.email.lowercased()] = position
        }
        return index
    }

    private static func sortedStaff(_ people: [Person]) -> [Person] {
        people.filter(\.role.isStaff).sorted { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
    }

    public func team(_ id: String) -> Team? {
        teams.first { $0.id == id }
    }

    public func organization(_ id: String) -> Organization? {
        organizations.first { $0.id == id }
    }

    /// The organization whose domains include the domain of `email`.
    public func organization(forEmail email: String) -> Organization? {
        guard let at = email.lastIndex(of: "@") else { return nil }
        let domain = email[email.index(after: at)...].lowercased()
        return organizations.first { $0.domains.contains { $0.lowercased() == domain } }
    }
}

/// `settings/helpdesk.json`.
public struct HelpdeskProfile: Codable, Sendable, Equatable {
    public var name: String = "FlatDesk"
    public var keyPrefix: String = "FD"
    public var supportAddress: String?
    /// The address people use to reach the web console, such as `https://help.example.com`; used in emailed links.
    public var publicURL: String?
    public var timeZone: String = "UTC"
    public var bot: BotIdentity = BotIdentity()
    public var portal: PortalOptions = PortalOptions()
    public var autoCloseResolvedAfterHours: Int?

    public init() {}

    public struct BotIdentity: Codable, Sendable, Equatable {
        public var name: String = "FlatDesk"
        public var email: String = "flatdesk@localhost"
    }

    public struct PortalOptions: Codable, Sendable, Equatable {
        public var allowSignup: Bool = false
        public var organizationTickets: Bool = false
    }
}

/// A custom status from `settings/statuses.json`.
public struct StatusDefinition: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var onHold: Bool = false
}

/// A team from `settings/teams.json`.
public struct Team: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var organizationId: String?
}

/// An organization from `settings/organizations.json`.
public struct Organization: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var domains: [String] = []
    public var mspClient: Bool = false
}

/// A person from `settings/people.json`. Credentials are never stored here.
public struct Person: Codable, Sendable, Equatable {
    public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
        case customer
        case agent
        case supervisor
        case admin

        public static func < (lhs: Role, rhs: Role) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }

        /// Whether this role works tickets in the agent console.
        public var isStaff: Bool { self != .customer }
    }

    public var email: String
    public var name: String
    public var role: Role
    public var team: String?
    public var organizationId: String?

    public init(email: String, name: String, role: Role, team: String? = nil, organizationId: String? = nil) {
        self.email = email
        self.name = name
        self.role = role
        self.team = team
        self.organizationId = organizationId
    }
}
