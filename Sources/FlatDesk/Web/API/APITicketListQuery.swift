import Foundation

/// The filters, order and page of `GET /api/v1/tickets`, read from the query string.
///
/// Filters that take several values accept them repeated (`status=open&status=new`) or comma-separated
/// (`status=open,new`), and an empty value is rejected. The order defaults to ascending for `due` and `id`
/// and descending for `updated`, `created` and `priority`, so that the most pressing tickets come first.
struct APITicketListQuery {
    static let defaultPerPage = 50
    static let maximumPerPage = 200
    /// Keeps `(page - 1) * per_page` far from overflowing.
    static let maximumPage = 1_000_000

    /// The index query for the requested page.
    var query = TicketQuery()
    var page = 1
    var perPage = defaultPerPage

    /// Reads the query string of a list request.
    /// - Parameters:
    ///   - settings: the statuses in these settings are the valid `status` values.
    ///   - viewer: `assignee=me` stands for this person.
    /// - Throws: `APIRequestError.invalidParameter` naming the first parameter with a value not accepted.
    init(_ parameters: HTTPParameters, settings: HelpdeskSettings, viewer: Viewer) throws(APIRequestError) {
        try readFilters(parameters, settings: settings, viewer: viewer)
        try readOrder(parameters)
        page = try Self.integer(parameters, "page", in: 1...Self.maximumPage) ?? 1
        perPage = try Self.integer(parameters, "per_page", in: 1...Self.maximumPerPage) ?? Self.defaultPerPage
        query.offset = (page - 1) * perPage
        query.limit = perPage
    }

    private mutating func readFilters(_ parameters: HTTPParameters, settings: HelpdeskSettings, viewer: Viewer)
        throws(APIRequestError)
    {
        query.statuses = try Self.values(parameters, "status", choices: settings.allStatuses).map { Set($0) }
        query.teams = try Self.values(parameters, "team").map { Set($0) }
        query.assignees = try Self.values(parameters, "assignee").map { names in
            Set(names.map { Self.assigneeKey($0, viewer: viewer) })
        }
        query.priorities = try Self.values(parameters, "priority", choices: Priority.allCases.map(\.rawValue))
            .map { Set($0.compactMap(Priority.init(rawValue:))) }
        query.types = try Self.values(parameters, "type", choices: TicketType.allCases.map(\.rawValue))
            .map { Set($0.compactMap(TicketType.init(rawValue:))) }
        query.requester = parameters["requester"].flatMap { $0.isEmpty ? nil : $0.lowercased() }
        query.breached = try Self.boolean(parameters, "breached")
        query.text = parameters["q"]
    }

    private mutating func readOrder(_ parameters: HTTPParameters) throws(APIRequestError) {
        if let sort = parameters["sort"] {
            guard let order = TicketQuery.Order(rawValue: sort) else {
                throw Self.invalid("sort", sort, TicketQuery.Order.allCases.map(\.rawValue))
            }
            query.order = order
        }
        query.descending = [.updated, .created, .priority].contains(query.order)
        if let direction = parameters["order"] {
            guard direction == "asc" || direction == "desc" else {
                throw Self.invalid("order", direction, ["asc", "desc"])
            }
            query.descending = direction == "desc"
        }
    }

    /// The index's key for an `assignee` value: "" for `none`, the viewer's email for `me`.
    private static func assigneeKey(_ value: String, viewer: Viewer) -> String {
        switch value {
        case "none": return ""
        case "me": return viewer.email
        default: return value.lowercased()
        }
    }

    /// Splits every value of `name` at commas, keeping the parts exactly as sent; nil when the parameter is absent.
    /// - Throws: `APIRequestError.invalidParameter` for an empty part, as in `team=` or `team=a,,b`.
    private static func values(_ parameters: HTTPParameters, _ name: String) throws(APIRequestError) -> [String]? {
        let raw = parameters.values(for: name)
        guard !raw.isEmpty else { return nil }
        let texts = raw.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map(String.init)
        if texts.contains("") {
            throw .invalidParameter(name: name, value: raw.joined(separator: ","), expected: "non-empty values")
        }
        return texts
    }

    /// Splits every value of `name` at commas and checks that each part is one of `choices`.
    /// Returns nil when the parameter is absent.
    private static func values(_ parameters: HTTPParameters, _ name: String, choices: [String])
        throws(APIRequestError) -> [String]?
    {
        guard let texts = try values(parameters, name) else { return nil }
        for text in texts where !choices.contains(text) {
            throw invalid(name, text, choices)
        }
        return texts
    }

    private static func boolean(_ parameters: HTTPParameters, _ name: String) throws(APIRequestError) -> Bool? {
        guard let text = parameters[name] else { return nil }
        guard text == "true" || text == "false" else { throw invalid(name, text, ["true", "false"]) }
        return text == "true"
    }

    private static func integer(_ parameters: HTTPParameters, _ name: String, in range: ClosedRange<Int>)
        throws(APIRequestError) -> Int?
    {
        guard let text = parameters[name] else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw .invalidParameter(
                name: name, value: text, expected: "an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    private static func invalid(_ name: String, _ value: String, _ choices: [String]) -> APIRequestError {
        .invalidParameter(name: name, value: value, expected: "one of " + choices.joined(separator: ", "))
    }
}
