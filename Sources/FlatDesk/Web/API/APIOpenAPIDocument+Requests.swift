extension APIOpenAPIDocument {
    private static let nonBlankTexts = Build.array(nonBlankText)
    private static let emails = Build.array(Build.string(format: "email"))
    private static let clearableText = Build.string(nullable: true, description: "null or \"\" clears the field.")
    private static let links = Build.array(
        Build.schema(
            [("kind", Build.string(choices: LinkKind.allCases.map(\.rawValue))), ("target", nonBlankText)],
            required: ["kind", "target"], closed: true))

    /// The body of `POST /api/v1/tickets`.
    static let newTicketSchema = Build.schema(
        [
            ("subject", nonBlankText), ("text", markdownText),
            (
                "requester",
                Build.string(
                    format: "email", description: "Defaults to the caller; customers may name only themselves.")
            ),
            ("ticketType", Build.string(choices: TicketType.allCases.map(\.rawValue))),
            ("priority", Build.string(choices: Priority.allCases.map(\.rawValue))),
            ("category", Build.string(nullable: true, description: "One of settings/categories.json.")),
            ("team", Build.string(nullable: true, description: "A team id; staff only.")),
            ("assignee", Build.string(format: "email", nullable: true, description: "An agent's email; staff only.")),
            ("tags", nonBlankTexts), ("followers", emails), ("customFields", Build.map(anyText)),
        ], required: ["subject", "text"], closed: true)

    /// Builds the schema of the `PATCH /api/v1/tickets/:id` body, whose statuses come from `settings`.
    static func ticketPatchSchema(settings: HelpdeskSettings) -> JSONValue {
        Build.schema(
            [
                ("version", Build.string(description: "The version the edits are based on, unless sent as If-Match.")),
                ("status", Build.string(choices: settings.allStatuses)),
                ("priority", Build.string(choices: Priority.allCases.map(\.rawValue))),
                ("ticketType", Build.string(choices: TicketType.allCases.map(\.rawValue))),
                ("subject", nonBlankText), ("category", clearableText), ("team", clearableText),
                (
                    "assignee",
                    Build.string(format: "email", nullable: true, description: "An agent's email; null clears it.")
                ),
                ("organizationId", clearableText), ("addTags", nonBlankTexts), ("removeTags", nonBlankTexts),
                ("addFollowers", emails), ("removeFollowers", nonBlankTexts),
                ("addLinks", links), ("removeLinks", links),
                ("customFields", Build.map(Build.string(nullable: true, description: "null removes the field."))),
            ], required: [], closed: true)
    }

    /// The body of `POST /api/v1/tickets/:id/replies` and `/notes`.
    static let newEntrySchema = Build.schema(
        [
            ("text", markdownText),
            ("version", Build.string(description: "When sent, a ticket changed since this version is a conflict.")),
        ], required: ["text"], closed: true)
}
