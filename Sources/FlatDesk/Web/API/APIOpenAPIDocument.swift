/// The OpenAPI 3.0 description of the JSON API, served without authentication at `/api/v1/openapi.json`.
///
/// Status values come from the helpdesk's settings; no other helpdesk data (teams, people, categories)
/// appears in the document, since anyone may read it.
enum APIOpenAPIDocument {
    /// Builds the whole document for a helpdesk with `settings`.
    static func document(settings: HelpdeskSettings) -> JSONValue {
        Build.object([
            "openapi": .string("3.0.3"),
            "info": Build.object([
                "title": .string("FlatDesk API"), "version": .string("1"),
                "description": .string(
                    "Tickets, knowledge base, people and queues of a FlatDesk helpdesk. Authenticate with a bearer "
                        + "token (`flatdesk user token`) or a browser session; session writes need the X-CSRF-Token "
                        + "header. Request bodies are application/json."),
            ]),
            "paths": paths(settings: settings),
            "components": Build.object([
                "schemas": schemas(settings: settings), "responses": errorResponses, "headers": headers,
                "securitySchemes": securitySchemes,
            ]),
            "security": .array([Build.object(["bearer": .array([])]), Build.object(["session": .array([])])]),
        ])
    }

    /// The error statuses the API sends, each a response component named after its code.
    static let errorStatuses: [(code: String, description: String)] = [
        ("400", "The path, query string or body cannot be read."),
        ("401", "No valid bearer token or session."),
        ("403", "The caller may not do this, or a browser session sent no valid X-CSRF-Token."),
        ("404", "Not found, or not visible to the caller."),
        ("409", "The ticket changed since the version sent; the body has the current version."),
        ("415", "The body is not application/json."),
        ("422", "A field is unknown, missing or has an invalid value; `field` names it."),
        ("428", "A change to a ticket needs its version, in the body or If-Match."),
    ]

    private static let errorResponses: JSONValue = .object(
        errorStatuses.map { status in
            (
                status.code,
                Build.object([
                    "description": .string(status.description), "content": Build.jsonContent(Build.reference("Error")),
                ])
            )
        })

    private static let headers = Build.object([
        "ETag": Build.object([
            "description": .string("The ticket's version, quoted."), "schema": Build.string(),
        ]),
        "Location": Build.object([
            "description": .string("The URL of the created ticket."), "schema": Build.string(),
        ]),
    ])

    private static let securitySchemes = Build.object([
        "bearer": Build.object([
            "type": .string("http"), "scheme": .string("bearer"),
            "description": .string("An API token starting with fdt_, from 'flatdesk user token'."),
        ]),
        "session": Build.object([
            "type": .string("apiKey"), "in": .string("cookie"), "name": .string(WebApp.sessionCookie),
            "description": .string("A browser session; writes need the X-CSRF-Token header."),
        ]),
    ])
}
