import Foundation

/// The sort, filters and page a viewer picked for a queue, read from and written to the query string.
///
/// Query parameters: `sort` (`due`, `updated`, `created`, `priority`, `id`), `desc=1`, `priority`,
/// `type`, `q` (text in the subject or id) and `page` (from 1). Unknown values are ignored.
struct ConsoleQueueOptions: Sendable, Equatable {
    static let pageSize = 50

    var sort: TicketQuery.Order?
    var descending: Bool?
    var priority: Priority?
    var ticketType: TicketType?
    var text: String
    var page: Int

    init(
        sort: TicketQuery.Order? = nil, descending: Bool? = nil, priority: Priority? = nil,
        ticketType: TicketType? = nil, text: String = "", page: Int = 1
    ) {
        self.sort = sort
        self.descending = descending
        self.priority = priority
        self.ticketType = ticketType
        self.text = text
        self.page = page
    }

    /// Reads the options from a request's query string.
    init(query: [String: String]) {
        self.init(
            sort: query["sort"].flatMap(TicketQuery.Order.init(rawValue:)),
            descending: query["desc"].map { $0 == "1" || $0 == "true" },
            priority: query["priority"].flatMap(Priority.init(rawValue:)),
            ticketType: query["type"].flatMap(TicketType.init(rawValue:)),
            text: (query["q"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
            page: max(1, Int(query["page"] ?? "") ?? 1))
    }

    /// Returns the queue's query narrowed by these options, for one page of rows.
    func applied(to base: TicketQuery) -> TicketQuery {
        var query = base
        if let sort {
            query.order = sort
            query.descending = descending ?? false
        } else if let descending {
            query.descending = descending
        }
        if let priority { query.priorities = [priority] }
        if let ticketType { query.types = [ticketType] }
        if !text.isEmpty { query.text = text }
        query.offset = (page - 1) * Self.pageSize
        query.limit = Self.pageSize
        return query
    }

    /// The query string for these options, starting with `?`, or empty when every option is the default.
    var queryString: String {
        var pairs: [(String, String)] = []
        if let sort { pairs.append(("sort", sort.rawValue)) }
        if descending == true { pairs.append(("desc", "1")) }
        if let priority { pairs.append(("priority", priority.rawValue)) }
        if let ticketType { pairs.append(("type", ticketType.rawValue)) }
        if !text.isEmpty { pairs.append(("q", text)) }
        if page > 1 { pairs.append(("page", String(page))) }
        guard !pairs.isEmpty else { return "" }
        return "?" + pairs.map { "\($0.0)=\(WebApp.percentEncoded($0.1))" }.joined(separator: "&")
    }

    /// The options as a cache key for rendered pages, with each option set apart from its default.
    var cacheKey: String {
        let direction = descending.map { $0 ? "1" : "0" } ?? "-"
        return [sort?.rawValue ?? "-", direction, priority?.rawValue ?? "-", ticketType?.rawValue ?? "-", String(page), text]
            .joined(separator: "\u{1F}")
    }

    /// Returns these options on another page.
    func onPage(_ number: Int) -> ConsoleQueueOptions {
        var copy = self
        copy.page = number
        return copy
    }

    /// Returns these options sorted by `order`. Sorting again by the current order flips the direction.
    func sorted(by order: TicketQuery.Order, current: TicketQuery) -> ConsoleQueueOptions {
        var copy = self
        copy.page = 1
        copy.sort = order
        copy.descending = current.order == order ? !current.descending : nil
        return copy
    }
}
