import Foundation

/// The body of `POST /api/v1/tickets`, read into a `NewTicket` that arrives through the `api` channel.
enum APINewTicketRequest {
    /// The members the body may have; `subject` and `text` are required.
    static let fields = [
        "subject", "text", "requester", "ticketType", "priority", "category", "team", "assignee", "tags", "followers",
        "customFields",
    ]

    /// Reads the ticket to open from `body`.
    ///
    /// The requester defaults to the viewer. Customers may open tickets only for themselves and may not
    /// route them: a `requester` other than their own email, a `team` or an `assignee` is refused.
    /// - Throws: `APIRequestError` for a missing or mistyped field (422), `HTTPError` 403 for a field the
    ///   viewer may not set.
    static func draft(_ body: APIRequestBody, viewer: Viewer) throws -> NewTicket {
        let subject = try body.requiredString("subject")
        let text = try body.markdownText("text")
        let requester = try body.email("requester")
        var draft = NewTicket(subject: subject, text: text, requester: requester ?? viewer.email)
        draft.channel = .api
        draft.ticketType = try body.choice("ticketType", TicketType.self) ?? draft.ticketType
        draft.priority = try body.choice("priority", Priority.self) ?? draft.priority
        draft.category = try body.clearableString("category") ?? nil
        draft.team = try body.clearableString("team") ?? nil
        draft.assignee = try body.clearableEmail("assignee") ?? nil
        draft.tags = try body.strings("tags") ?? []
        draft.followers = try body.emails("followers") ?? []
        draft.customFields = try customFields(body)
        if !viewer.isStaff { try checkCustomerDraft(draft, viewer: viewer) }
        return draft
    }

    private static func customFields(_ body: APIRequestBody) throws(APIRequestError) -> [String: String] {
        var fields: [String: String] = [:]
        for (key, value) in try body.stringMap("customFields") ?? [] {
            guard let value else {
                throw .invalidField(name: "customFields.\(key)", value: "null", expected: "a string")
            }
            fields[key] = value
        }
        return fields
    }

    private static func checkCustomerDraft(_ draft: NewTicket, viewer: Viewer) throws {
        guard draft.requester == viewer.email else {
            throw HTTPError(
                status: 403,
                message: "Customers can open tickets only for themselves; leave out 'requester' or send your own email."
            )
        }
        guard draft.team == nil, draft.assignee == nil else {
            throw HTTPError(status: 403, message: "Only staff can set 'team' or 'assignee'; leave them out.")
        }
    }
}
