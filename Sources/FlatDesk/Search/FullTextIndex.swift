import CSQLite
import Synchronization

/// Full-text search over tickets and KB articles with SQLite FTS5.
///
/// Documents live in the table `documents` (id, kind, title, body, audience as a JSON array), and the FTS5 table
/// `documents_fts` indexes title and body as an external-content index kept in step by triggers. The tokenizer
/// is `unicode61` with diacritics removed, so `Muller` finds `Müller`. The index can be rebuilt from the
/// repository at any time, so a file index lives outside the tracked files (for example under `.git/flatdesk/`).
/// All methods are safe to call from several threads; they run one at a time.
public final class FullTextIndex: @unchecked Sendable {
    // @unchecked: the connection and statements are used only while `lock` is held.
    private let lock = Mutex<Void>(())
    private let database: SearchDatabase
    private let statements: FullTextStatements

    /// Opens or creates an index.
    /// - Parameter path: a database file path, or nil for a private in-memory index.
    /// - Throws: `FullTextIndexError` when the file cannot be opened or the schema cannot be created.
    public init(path: String? = nil) throws(FullTextIndexError) {
        database = try SearchDatabase(path: path ?? ":memory:")
        if path != nil {
            // WAL lets a reader proceed during a write; the index is rebuildable, so NORMAL sync suffices.
            try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
        }
        try database.execute(FullTextStatements.schema)
        statements = try FullTextStatements(database)
    }

    /// Adds a document or replaces the one with the same id.
    public func upsert(id: String, kind: SearchDocumentKind, title: String, body: String, audience: [String])
        throws(FullTextIndexError)
    {
        try upsert(SearchDocument(id: id, kind: kind, title: title, body: body, audience: audience))
    }

    /// Adds a document or replaces the one with the same id.
    public func upsert(_ document: SearchDocument) throws(FullTextIndexError) {
        try lock.withLock { _ throws(FullTextIndexError) in try statements.upsert(document) }
    }

    /// Adds or replaces many documents in one transaction, which is much faster than one call per document;
    /// used for the cold build. Nothing is written when any document fails.
    public func upsert(contentsOf documents: [SearchDocument]) throws(FullTextIndexError) {
        try lock.withLock { _ throws(FullTextIndexError) in
            try database.execute("BEGIN IMMEDIATE")
            do throws(FullTextIndexError) {
                for document in documents { try statements.upsert(document) }
                try database.execute("COMMIT")
            } catch {
                try? database.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Brings a set of documents up to date in one transaction: adds or replaces `documents` and removes the
    /// documents with the ids in `removing`.
    ///
    /// Documents already stored as given and ids not stored are skipped. When nothing is left, no
    /// transaction is opened, because most ticket changes (a priority, an assignee) leave the searchable
    /// text as it was. Nothing is written when any document fails.
    public func replace(_ documents: [SearchDocument], removing ids: [String] = []) throws(FullTextIndexError) {
        try lock.withLock { _ throws(FullTextIndexError) in
            var changed: [SearchDocument] = []
            for document in documents where try statements.differs(document) { changed.append(document) }
            var removed: [String] = []
            for id in ids where try statements.contains(id: id) { removed.append(id) }
            guard !changed.isEmpty || !removed.isEmpty else { return }
            try database.execute("BEGIN IMMEDIATE")
            do throws(FullTextIndexError) {
                for document in changed { try statements.upsert(document) }
                for id in removed { _ = try statements.delete(id: id) }
                try database.execute("COMMIT")
            } catch {
                try? database.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// Removes a document.
    /// - Returns: false when no document had that id.
    @discardableResult
    public func delete(id: String) throws(FullTextIndexError) -> Bool {
        try lock.withLock { _ throws(FullTextIndexError) in try statements.delete(id: id) }
    }

    /// Searches titles and bodies for all terms of a user's query, the last term as a prefix.
    ///
    /// Each whitespace-separated term is quoted as an FTS5 string, so operators and punctuation in user input
    /// (`"C++" AND -`, `NEAR(`, `title:`) are searched as text and never cause a syntax error.
    /// - Parameters:
    ///   - query: text as typed by the user.
    ///   - kind: only tickets or only KB articles; nil for both.
    ///   - audiences: only documents sharing at least one audience tag with this list; nil for no filter.
    ///   - limit: largest number of hits, 1 to 1000.
    /// - Returns: hits ordered by rank, best first; no hits for a query without letters or digits.
    public func search(
        _ query: String, kind: SearchDocumentKind? = nil, audiences: [String]? = nil, limit: Int = 20
    ) throws(FullTextIndexError) -> [SearchHit] {
        guard (1...1000).contains(limit) else { throw .invalidLimit(limit) }
        guard let expression = FullTextQuery.matchExpression(query) else { return [] }
        return try lock.withLock { _ throws(FullTextIndexError) in
            try statements.search(expression, kind: kind, audiences: audiences, limit: limit)
        }
    }

    /// Returns the number of indexed documents.
    public func count() throws(FullTextIndexError) -> Int {
        try lock.withLock { _ throws(FullTextIndexError) in try statements.count() }
    }

    /// Merges the FTS5 index segments; worth running once after a cold build.
    public func optimize() throws(FullTextIndexError) {
        try lock.withLock { _ throws(FullTextIndexError) in
            try database.execute("INSERT INTO documents_fts(documents_fts) VALUES('optimize')")
        }
    }
}
