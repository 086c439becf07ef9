/// The page of each list on the portal home, read from `open_page`, `organization_page` and `closed_page`.
struct PortalHomePages: Sendable {
    enum List: String, CaseIterable, Sendable {
        case open
        case organization
        case closed

        var parameter: String { rawValue + "_page" }
        var anchor: String { rawValue == "closed" ? "recent-requests" : rawValue + "-requests" }
    }

    private var numbers: [List: Int]

    init(query: [String: String]) {
        numbers = Dictionary(uniqueKeysWithValues: List.allCases.map { ($0, WebApp.pageNumber(query[$0.parameter])) })
    }

    var open: Int { numbers[.open] ?? 1 }
    var organization: Int { numbers[.organization] ?? 1 }
    var closed: Int { numbers[.closed] ?? 1 }

    /// Renders the previous and next links of `list`, keeping the other lists on their pages.
    func pager(_ list: List, hasMore: Bool) -> HTML {
        let page = numbers[list] ?? 1
        guard page > 1 || hasMore else { return .empty }
        func link(_ target: Int) -> String {
            var pairs: [String] = []
            for other in List.allCases {
                let number = other == list ? target : (numbers[other] ?? 1)
                if number > 1 { pairs.append("\(other.parameter)=\(number)") }
            }
            return "/portal" + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")) + "#" + list.anchor
        }
        let previous: HTML = page > 1 ? "<a rel=\"prev\" href=\"\(link(page - 1))\">← Newer</a>" : .empty
        let next: HTML = hasMore ? "<a rel=\"next\" href=\"\(link(page + 1))\">Older →</a>" : .empty
        return "<nav class=\"pager\" aria-label=\"Pages\" data-page=\"\(page)\">\(previous) <span>Page \(page)</span> \(next)</nav>"
    }
}
