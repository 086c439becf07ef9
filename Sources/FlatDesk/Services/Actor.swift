/// The author of a change: a person from settings, or the helpdesk's own automation.
public struct Actor: Equatable, Sendable {
    public var email: String
    public var name: String
    public var role: Person.Role
    /// True for automation (SLA timers, mail intake, AI jobs); automatic replies never count as a first response.
    public var isAutomation: Bool

    public init(email: String, name: String, role: Person.Role, isAutomation: Bool = false) {
        self.email = email
        self.name = name
        self.role = role
        self.isAutomation = isAutomation
    }

    public init(person: Person) {
        self.init(email: person.email, name: person.name, role: person.role)
    }

    /// Returns the helpdesk's bot identity from `settings/helpdesk.json`.
    public static func system(_ profile: HelpdeskProfile) -> Actor {
        Actor(email: profile.bot.email, name: profile.bot.name, role: .admin, isAutomation: true)
    }

    var isStaff: Bool { role.isStaff }
}
