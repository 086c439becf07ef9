/// The person making a request, as authenticated by a session cookie or an API token.
public struct Viewer: Sendable {
    public enum Credential: Sendable {
        /// A browser session; state-changing requests must carry its CSRF token.
        case session(id: String, csrfToken: String)
        /// A bearer token, which browsers do not send on their own, so no CSRF check is needed.
        case token(name: String)
    }

    public var person: Person
    /// The role in effect: the person's, or lower for a token scoped down.
    public var role: Person.Role
    public var credential: Credential

    public var email: String { person.email.lowercased() }
    public var isStaff: Bool { role.isStaff }

    /// The actor recorded as the author of this viewer's changes.
    public var actor: Actor {
        Actor(email: email, name: person.name, role: role)
    }

    public var csrfToken: String? {
        if case .session(_, let token) = credential { return token }
        return nil
    }
}

extension HTTPRequest {
    /// The authenticated viewer, set by the web app's authentication middleware.
    public var viewer: Viewer? { attributes["viewer"] as? Viewer }
}
