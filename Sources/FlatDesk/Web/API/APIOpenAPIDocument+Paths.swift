extension APIOpenAPIDocument {
    /// Returns every route of the API with its operations.
    static func paths(settings: HelpdeskSettings) -> JSONValue {
        let ticket = "/api/v1/tickets/{id}"
        return .object([
            ("/api/v1/me", Build.object(["get": meOperation])),
            ("/api/v1/openapi.json", Build.object(["get": documentOperation])),
            ("/api/v1/tickets", Build.object(["get": listOperation(settings: settings), "post": createOperation])),
            (ticket, Build.object(["get": getTicketOperation, "patch": patchOperation])),
            (ticket + "/replies", Build.object(["post": entryOperation(.reply)])),
            (ticket + "/notes", Build.object(["post": entryOperation(.note)])),
            (ticket + "/history", Build.object(["get": historyOperation])),
            ("/api/v1/kb", Build.object(["get": listArticlesOperation])),
            ("/api/v1/kb/{id}", Build.object(["get": getArticleOperation])),
            ("/api/v1/people", Build.object(["get": peopleOperation])),
            ("/api/v1/queues", Build.object(["get": queuesOperation])),
        ])
    }

    /// Builds an operation whose responses are `success`, `other` and the error response components in `errors`.
    private static func operation(
        _ id: String, _ summary: String, tag: String, parameters: [JSONValue] = [], body: String? = nil,
        success: (code: String, response: JSONValue), errors: [String],
        other: [(code: String, response: JSONValue)] = [], secured: Bool = true
    ) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("operationId", .string(id)), ("summary", .string(summary)), ("tags", Build.strings([tag])),
        ]
        if !parameters.isEmpty { pairs.append(("parameters", .array(parameters))) }
        if let body {
            let content = Build.jsonContent(Build.reference(body))
            pairs.append(("requestBody", Build.object(["required": .bool(true), "content": content])))
        }
        var responses = [success] + other
        responses += errors.map { ($0, Build.reference($0, in: "responses")) }
        pairs.append(("responses", .object(responses.map { (key: $0.code, value: $0.response) })))
        if !secured { pairs.append(("security", .array([]))) }
        return .object(pairs)
    }

    private static let ticketID = Build.parameter(
        "id", in: "path", Build.string(pattern: "^[A-Za-z0-9-]{1,64}$"), description: "The ticket id, such as FD-1042.")

    private static let ifMatch = Build.parameter(
        "If-Match", in: "header", anyText, description: "The quoted version the change is based on, or * for any.")

    private static let meOperation = operation(
        "getMe", "The caller's email and role", tag: "people",
        success: ("200", Build.response("The caller.", schema: "Me")), errors: ["401"])

    private static let documentOperation = operation(
        "getOpenAPIDocument", "This OpenAPI document", tag: "meta",
        success: (
            "200",
            Build.object([
                "description": .string("The document."),
                "content": Build.jsonContent(Build.object(["type": .string("object")])),
            ])
        ),
        errors: [], secured: false)

    private static func listOperation(settings: HelpdeskSettings) -> JSONValue {
        let statuses = Build.array(Build.string(choices: settings.allStatuses), minimumCount: 1)
        let priorities = Build.array(Build.string(choices: Priority.allCases.map(\.rawValue)), minimumCount: 1)
        let types = Build.array(Build.string(choices: TicketType.allCases.map(\.rawValue)), minimumCount: 1)
        let names = Build.array(Build.string(pattern: "^[^,]+$"), minimumCount: 1)
        let orders = TicketQuery.Order.allCases.map(\.rawValue)
        let parameters = [
            Build.parameter("status", in: "query", statuses, description: "Statuses, comma-separated.", list: true),
            Build.parameter(
                "team", in: "query", names, description: "Team ids, comma-separated.", list: true),
            Build.parameter(
                "assignee", in: "query", names,
                description: "Agent emails, `me` for the caller or `none` for unassigned, comma-separated.",
                list: true),
            Build.parameter(
                "priority", in: "query", priorities, description: "Priorities, comma-separated.", list: true),
            Build.parameter("type", in: "query", types, description: "Ticket types, comma-separated.", list: true),
            Build.parameter("requester", in: "query", anyText, description: "The requester's email."),
            Build.parameter("breached", in: "query", Build.boolean, description: "Whether an SLA target was missed."),
            Build.parameter("q", in: "query", anyText, description: "Text in the subject or id, ignoring case."),
            Build.parameter(
                "sort", in: "query", Build.string(choices: orders), description: "The sort key; default due."),
            Build.parameter(
                "order", in: "query", Build.string(choices: ["asc", "desc"]),
                description: "Default asc for due and id, desc for updated, created and priority."),
            Build.parameter(
                "page", in: "query", Build.integer(minimum: 1, maximum: APITicketListQuery.maximumPage),
                description: "The page, from 1."),
            Build.parameter(
                "per_page", in: "query", Build.integer(minimum: 1, maximum: APITicketListQuery.maximumPerPage),
                description: "Tickets per page; default \(APITicketListQuery.defaultPerPage)."),
        ]
        return operation(
            "listTickets", "Tickets the caller may see, header fields only", tag: "tickets", parameters: parameters,
            success: ("200", Build.response("One page of tickets.", schema: "TicketList")), errors: ["400", "401"])
    }

    private static let createOperation = operation(
        "createTicket", "Open a ticket through the api channel", tag: "tickets", body: "NewTicket",
        success: ("201", Build.response("The new ticket.", schema: "Ticket", headers: ["Location", "ETag"])),
        errors: ["400", "401", "403", "415", "422"])

    private static let getTicketOperation = operation(
        "getTicket", "A ticket with its thread; customers see public entries only", tag: "tickets",
        parameters: [
            ticketID,
            Build.parameter("If-None-Match", in: "header", anyText, description: "A version the caller already has."),
        ],
        success: ("200", Build.response("The ticket.", schema: "Ticket", headers: ["ETag"])),
        errors: ["400", "401", "404"], other: [("304", notModified)])

    private static let notModified = Build.object([
        "description": .string("The ticket still has the version in If-None-Match."),
        "headers": Build.object(["ETag": Build.reference("ETag", in: "headers")]),
    ])

    private static let patchOperation = operation(
        "updateTicket", "Change a ticket's fields (staff only)", tag: "tickets", parameters: [ticketID, ifMatch],
        body: "TicketPatch",
        success: ("200", Build.response("The changed ticket.", schema: "Ticket", headers: ["ETag"])),
        errors: ["400", "401", "403", "404", "409", "415", "422", "428"])

    private static func entryOperation(_ kind: TicketEntry.Kind) -> JSONValue {
        let isNote = kind == .note
        return operation(
            isNote ? "addNote" : "addReply",
            isNote ? "Add an internal note (staff only)" : "Add a public reply", tag: "tickets",
            parameters: [ticketID, ifMatch], body: "NewEntry",
            success: ("201", Build.response("The new entry.", schema: "Entry", headers: ["ETag"])),
            errors: ["400", "401", "403", "404", "409", "415", "422"])
    }

    private static let historyOperation = operation(
        "getTicketHistory", "The commits that changed a ticket, newest first (staff only)", tag: "tickets",
        parameters: [ticketID], success: ("200", Build.response("The commits.", schema: "History")),
        errors: ["400", "401", "403", "404"])

    private static let listArticlesOperation = operation(
        "listArticles", "KB articles the caller may read, without bodies", tag: "knowledge base",
        success: ("200", Build.response("The articles, by title.", schema: "ArticleList")), errors: ["401"])

    private static let getArticleOperation = operation(
        "getArticle", "A KB article with its Markdown body", tag: "knowledge base",
        parameters: [
            Build.parameter("id", in: "path", anyText, description: "The article id, its file name without .md.")
        ],
        success: ("200", Build.response("The article.", schema: "Article")), errors: ["400", "401", "404"])

    private static let peopleOperation = operation(
        "listPeople", "Everyone for staff; only the caller for customers", tag: "people",
        success: ("200", Build.response("The people.", schema: "PeopleList")), errors: ["401"])

    private static let queuesOperation = operation(
        "listQueues", "The console queues with ticket counts (staff only)", tag: "queues",
        success: ("200", Build.response("The queues.", schema: "QueueList")), errors: ["401", "403"])
}
