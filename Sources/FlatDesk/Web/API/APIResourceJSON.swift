/// JSON renderings of the API's resources other than tickets.
enum APIResourceJSON {
    /// Renders a commit of a ticket's history.
    static func commit(_ info: GitCommitInfo) -> JSONValue {
        let message = info.message.hasSuffix("\n") ? String(info.message.dropLast()) : info.message
        return .object([
            ("commit", .string(info.oid.hex)), ("authorName", .string(info.authorName)),
            ("authorEmail", .string(info.authorEmail)), ("time", .string(Timestamp.format(info.time))),
            ("message", .string(message)),
        ])
    }

    /// Renders a KB article's front-matter and, when `includeBody`, its Markdown body.
    static func article(_ article: KBArticle, includeBody: Bool) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("id", .string(article.id)), ("title", .string(article.title)),
            ("status", .string(article.status.rawValue)),
            ("visibility", .string(article.visibility.rawValue)),
            ("organizations", .array(article.organizations.map(JSONValue.string))),
            ("category", optional(article.category)), ("tags", .array(article.tags.map(JSONValue.string))),
            ("author", optional(article.author)), ("createdAt", .string(Timestamp.format(article.createdAt))),
            ("updatedAt", .string(Timestamp.format(article.updatedAt))),
        ]
        if includeBody { pairs.append(("body", .string(article.body))) }
        return .object(pairs)
    }

    /// Renders a person from `settings/people.json`. Passwords and tokens are kept elsewhere, so none appear here.
    static func person(_ person: Person) -> JSONValue {
        .object([
            ("email", .string(person.email)), ("name", .string(person.name)), ("role", .string(person.role.rawValue)),
            ("team", optional(person.team)), ("organizationId", optional(person.organizationId)),
        ])
    }

    /// Renders a console queue and the number of tickets in it.
    static func queue(_ queue: APIQueueCount) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("id", .string(queue.id)), ("name", .string(queue.name)), ("count", .number(String(queue.count))),
        ]
        if let team = queue.team { pairs.append(("team", .string(team))) }
        return .object(pairs)
    }

    private static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
