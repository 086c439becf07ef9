/// The body of `PATCH /api/v1/tickets/:id`: the version it is based on and the field edits, in a fixed order.
///
/// `null` or `""` clears `category`, `team`, `assignee` and `organizationId`; a custom field set to `null`
/// is removed. Values are checked against the settings when the helpdesk applies the edits.
struct APITicketPatch {
    /// The members the body may have.
    static let fields = [
        "version", "status", "priority", "ticketType", "subject", "category", "team", "assignee", "organizationId",
        "addTags", "removeTags", "addFollowers", "removeFollowers", "addLinks", "removeLinks", "customFields",
    ]

    /// The `version` member, if sent.
    var version: String?
    var edits: [TicketEdit] = []

    /// Reads the edits from `body`.
    /// - Throws: `APIRequestError.invalidField` for a value of the wrong type or an unknown choice.
    init(_ body: APIRequestBody) throws(APIRequestError) {
        version = try body.string("version")
        try readScalars(body)
        try readClearable(body)
        for tag in try body.strings("addTags") ?? [] { edits.append(.addTag(tag)) }
        for tag in try body.strings("removeTags") ?? [] { edits.append(.removeTag(tag)) }
        for email in try body.emails("addFollowers") ?? [] { edits.append(.addFollower(email)) }
        for email in try body.strings("removeFollowers") ?? [] { edits.append(.removeFollower(email)) }
        for link in try Self.links(body, "addLinks") { edits.append(.addLink(link)) }
        for link in try Self.links(body, "removeLinks") { edits.append(.removeLink(link)) }
        for (key, value) in try body.stringMap("customFields") ?? [] {
            edits.append(.customField(key: key, value: value))
        }
    }

    private mutating func readScalars(_ body: APIRequestBody) throws(APIRequestError) {
        if let status = try body.string("status") { edits.append(.status(status)) }
        if let priority = try body.choice("priority", Priority.self) { edits.append(.priority(priority)) }
        if let type = try body.choice("ticketType", TicketType.self) { edits.append(.ticketType(type)) }
        if let subject = try body.string("subject") { edits.append(.subject(subject)) }
    }

    private mutating func readClearable(_ body: APIRequestBody) throws(APIRequestError) {
        if let category = try body.clearableString("category") { edits.append(.category(category)) }
        if let team = try body.clearableString("team") { edits.append(.team(team)) }
        if let assignee = try body.clearableEmail("assignee") { edits.append(.assignee(assignee)) }
        if let organization = try body.clearableString("organizationId") { edits.append(.organization(organization)) }
    }

    /// The links in the member `name`, each an object with exactly `kind` and `target`.
    private static func links(_ body: APIRequestBody, _ name: String) throws(APIRequestError) -> [TicketLink] {
        var links: [TicketLink] = []
        for pairs in try body.objects(name) ?? [] {
            let members = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
            let kindText = members["kind"]?.stringValue ?? ""
            guard members.count == 2, let kind = LinkKind(rawValue: kindText),
                let target = members["target"]?.stringValue, !target.isEmpty
            else {
                let kinds = LinkKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw APIRequestBody.invalid(
                    name, .object(pairs), "objects with exactly 'kind' (one of \(kinds)) and a non-empty 'target'")
            }
            links.append(TicketLink(kind: kind, target: target))
        }
        return links
    }
}
