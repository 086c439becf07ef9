extension APIOpenAPIDocument {
    typealias Build = APIOpenAPIBuilder

    /// Builds the component schemas: responses first, then request bodies.
    static func schemas(settings: HelpdeskSettings) -> JSONValue {
        let ticketFields = ticketProperties(settings: settings)
        let ticketRequired = ticketFields.map(\.key)
        let entries: (key: String, value: JSONValue) = ("entries", Build.array(Build.reference("Entry")))
        return .object([
            ("Error", errorSchema),
            ("Me", Build.schema([("email", anyText), ("role", roleSchema)], required: ["email", "role"])),
            ("TicketSummary", Build.schema(ticketFields, required: ticketRequired)),
            ("Ticket", Build.schema(ticketFields + [entries], required: ticketRequired + ["entries"])),
            ("Entry", entrySchema),
            ("TicketList", ticketListSchema),
            ("History", historySchema),
            ("ArticleSummary", Build.schema(articleProperties, required: articleProperties.map(\.key))),
            ("Article", articleSchema),
            ("ArticleList", listSchema("articles", of: "ArticleSummary")),
            ("Person", personSchema),
            ("PeopleList", listSchema("people", of: "Person")),
            ("Queue", queueSchema),
            ("QueueList", listSchema("queues", of: "Queue")),
            ("NewTicket", newTicketSchema),
            ("TicketPatch", ticketPatchSchema(settings: settings)),
            ("NewEntry", newEntrySchema),
        ])
    }

    private static let errorSchema = Build.schema(
        [
            ("error", Build.string(description: "What failed and what to do.")),
            ("status", Build.integer(minimum: 400, maximum: 599)),
            ("field", Build.string(description: "The body field, parameter or header at fault.")),
            ("version", Build.string(description: "The ticket's current version, after a version conflict.")),
        ], required: ["error", "status"])

    /// The schema of any string.
    static let anyText = Build.string()
    private static let roleSchema = Build.string(choices: Person.Role.allCases.map(\.rawValue))
    private static let time = Build.string(format: "date-time")
    private static let nullableTime = Build.string(format: "date-time", nullable: true)
    private static let nullableText = Build.string(nullable: true)
    private static let texts = Build.array(anyText)
    /// Text with at least one character that is not white space, as the API requires of subjects and names.
    static let nonBlankText = Build.string(pattern: "\\S")
    /// The Markdown text of a thread entry: not blank, and without NUL, which a ticket file cannot contain.
    static let markdownText = Build.string(
        pattern: "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$", description: "Markdown, without NUL characters.")

    private static let linkSchema = Build.schema(
        [("kind", Build.string(choices: LinkKind.allCases.map(\.rawValue))), ("target", Build.string(pattern: "\\S"))],
        required: ["kind", "target"], closed: true)

    /// The ticket's header fields as `TicketJSON` writes them, with its version.
    private static func ticketProperties(settings: HelpdeskSettings) -> [(key: String, value: JSONValue)] {
        let csat = Build.schema(
            [("at", time), ("comment", nullableText), ("rating", Build.integer(minimum: 1, maximum: 5))],
            required: ["at", "comment", "rating"], nullable: true)
        return [
            ("id", anyText), ("ticketType", Build.string(choices: TicketType.allCases.map(\.rawValue))),
            ("status", Build.string(choices: settings.allStatuses)),
            ("priority", Build.string(choices: Priority.allCases.map(\.rawValue))), ("subject", anyText),
            ("category", nullableText), ("team", nullableText), ("assignee", nullableText), ("requester", anyText),
            ("organizationId", nullableText), ("followers", texts),
            ("channel", Build.string(choices: Channel.allCases.map(\.rawValue))), ("links", Build.array(linkSchema)),
            ("tags", texts), ("customFields", Build.map(anyText)), ("createdAt", time), ("updatedAt", time),
            ("firstResponseDueAt", nullableTime), ("resolutionDueAt", nullableTime),
            ("firstRespondedAt", nullableTime), ("resolvedAt", nullableTime), ("closedAt", nullableTime),
            ("slaBreached", Build.boolean), ("slaPausedAt", nullableTime),
            ("slaPausedMinutes", Build.integer(minimum: 0)), ("csat", csat),
            (
                "version",
                Build.string(description: "The git blob id of the ticket file; send it back when changing the ticket.")
            ),
        ]
    }

    private static let entrySchema = Build.schema(
        [
            ("id", anyText), ("kind", Build.string(choices: TicketEntry.Kind.allCases.map(\.rawValue))),
            ("author", anyText), ("at", time), ("text", Build.string(description: "Markdown.")),
            ("attributes", Build.map(anyText)),
        ], required: ["id", "kind", "author", "at", "text"])

    private static let ticketListSchema = Build.schema(
        [
            ("tickets", Build.array(Build.reference("TicketSummary"))), ("total", Build.integer(minimum: 0)),
            ("page", Build.integer(minimum: 1)), ("per_page", Build.integer(minimum: 1, maximum: 200)),
        ], required: ["tickets", "total", "page", "per_page"])

    private static let historySchema: JSONValue = {
        let commit = Build.schema(
            [
                ("commit", anyText), ("authorName", anyText), ("authorEmail", anyText), ("time", time),
                ("message", anyText),
            ], required: ["commit", "authorName", "authorEmail", "time", "message"])
        return Build.schema([("ticket", anyText), ("commits", Build.array(commit))], required: ["ticket", "commits"])
    }()

    private static let articleProperties: [(key: String, value: JSONValue)] = [
        ("id", anyText), ("title", anyText),
        ("status", Build.string(choices: KBArticle.Status.allCases.map(\.rawValue))),
        ("visibility", Build.string(choices: KBArticle.Visibility.allCases.map(\.rawValue))),
        ("organizations", texts), ("category", nullableText), ("tags", texts), ("author", nullableText),
        ("createdAt", time), ("updatedAt", time),
    ]

    private static let articleSchema: JSONValue = {
        let properties = articleProperties + [("body", Build.string(description: "Markdown."))]
        return Build.schema(properties, required: properties.map(\.key))
    }()

    private static let personSchema = Build.schema(
        [
            ("email", anyText), ("name", anyText), ("role", roleSchema), ("team", nullableText),
            ("organizationId", nullableText),
        ], required: ["email", "name", "role", "team", "organizationId"])

    private static let queueSchema = Build.schema(
        [
            (
                "id",
                Build.string(
                    description: "mine, unassigned, team:<team id>, escalated, on_hold, breaching_soon or all_open")
            ),
            ("name", anyText), ("count", Build.integer(minimum: 0)), ("team", anyText),
        ], required: ["id", "name", "count"])

    private static func listSchema(_ member: String, of item: String) -> JSONValue {
        Build.schema([(member, Build.array(Build.reference(item)))], required: [member])
    }
}
