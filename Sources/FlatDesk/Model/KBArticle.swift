import Foundation

/// A knowledge-base article: one Markdown file under `kb/`.
public struct KBArticle: Equatable, Sendable {
    public enum Status: String, CaseIterable, Sendable {
        case draft
        case published
    }

    /// The readers an article is meant for.
    public enum Visibility: String, CaseIterable, Sendable {
        /// Anyone, signed in or not.
        case `public`
        /// Signed-in customers (of `organizations`, when that list is not empty) and staff.
        case customers
        /// Staff only.
        case `internal`
    }

    public var id: String
    public var title: String
    public var status: Status
    public var visibility: Visibility
    public var organizations: [String]
    public var category: String?
    public var tags: [String]
    public var author: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var body: String
    public var extraFields: [Ticket.ExtraField] = []

    public init(
        id: String, title: String, status: Status = .draft, visibility: Visibility = .internal,
        organizations: [String] = [], category: String? = nil, tags: [String] = [], author: String? = nil,
        createdAt: Date, updatedAt: Date? = nil, body: String
    ) {
        self.id = id
        self.title = title
        self.status = status
        self.visibility = visibility
        self.organizations = organizations
        self.category = category
        self.tags = tags
        self.author = author
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.body = body
    }

    /// Returns whether a reader with `role` in `organization` may see this article.
    public func isVisible(to role: Person.Role?, organization: String?) -> Bool {
        if role?.isStaff == true { return true }
        guard status == .published else { return false }
        switch visibility {
        case .public: return true
        case .internal: return false
        case .customers:
            guard role != nil else { return false }
            return organizations.isEmpty || organization.map(organizations.contains) == true
        }
    }
}
