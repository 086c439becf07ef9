import Foundation
import Synchronization

/// The KB articles at the branch head, read once per commit.
public final class KnowledgeBase: Sendable {
    private let store: GitStore
    private let cache = Mutex<(commit: GitOID?, articles: [KBArticle], problems: [FileProblem])?>(nil)

    public init(store: GitStore) {
        self.store = store
    }

    /// Every readable article, sorted by title.
    public func allArticles() throws -> [KBArticle] {
        try load().articles
    }

    /// Articles a reader may see: staff see all, customers published ones meant for them, anonymous readers public ones.
    public func articles(for role: Person.Role?, organization: String?) throws -> [KBArticle] {
        try allArticles().filter { $0.isVisible(to: role, organization: organization) }
    }

    /// The article with `id`, or nil.
    public func article(_ id: String) throws -> KBArticle? {
        try allArticles().first { $0.id == id }
    }

    /// Files under `kb/` that could not be read.
    public func problems() throws -> [FileProblem] {
        try load().problems
    }

    private func load() throws -> (commit: GitOID?, articles: [KBArticle], problems: [FileProblem]) {
        let head = try store.head()
        if let cached = cache.withLock({ $0 }), cached.commit == head { return cached }
        let loaded = try store.read { snapshot in
            var articles: [KBArticle] = []
            var problems: [FileProblem] = []
            for file in try snapshot.files(under: "kb") where file.path.hasSuffix(".md") {
                let bytes = try snapshot.read(file.path) ?? []
                do {
                    articles.append(try KBCodec.decode(bytes, path: file.path))
                } catch let error as FileFormatError {
                    problems += error.problems
                }
            }
            return (head, articles.sorted { $0.title.localizedCaseInsensitiveCompare($1.title) == .orderedAscending }, problems)
        }
        cache.withLock { $0 = loaded }
        return loaded
    }
}
