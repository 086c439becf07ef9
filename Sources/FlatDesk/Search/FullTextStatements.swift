import CSQLite
import Foundation

/// The schema and the prepared statements of a `FullTextIndex`, reused for every call.
final class FullTextStatements {
    /// Tables and triggers. The update trigger re-indexes only when title or body changed.
    static let schema = """
        CREATE TABLE IF NOT EXISTS documents(
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            audience TEXT NOT NULL DEFAULT '[]'
        );
        CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
            title, body, content='documents', content_rowid='rowid',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3'
        );
        CREATE TRIGGER IF NOT EXISTS documents_after_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END;
        CREATE TRIGGER IF NOT EXISTS documents_after_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, body)
                VALUES ('delete', old.rowid, old.title, old.body);
        END;
        CREATE TRIGGER IF NOT EXISTS documents_after_update AFTER UPDATE ON documents
            WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, body)
                VALUES ('delete', old.rowid, old.title, old.body);
            INSERT INTO documents_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
        END;
        """

    static let upsertSQL = """
        INSERT INTO documents(id, kind, title, body, audience) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, title = excluded.title, body = excluded.body,
            audience = excluded.audience
        """

    /// Search with optional kind and audience filters. `snippet()` picks the best column (-1) and marks matches
    /// with U+E000 and U+E001; `bm25()` weights the title column 4 to 1 over the body.
    static let searchSQL = """
        SELECT d.id, d.kind, d.title,
            snippet(documents_fts, -1, char(57344), char(57345), '…', 16),
            bm25(documents_fts, 4.0, 1.0) AS score
        FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
        WHERE documents_fts MATCH ?1
            AND (?2 IS NULL OR d.kind = ?2)
            AND (?3 IS NULL OR EXISTS (
                SELECT 1 FROM json_each(d.audience) AS tag WHERE tag.value IN (SELECT value FROM json_each(?3))))
        ORDER BY score
        LIMIT ?4
        """

    private let upsertStatement: SearchStatement
    private let deleteStatement: SearchStatement
    private let selectStatement: SearchStatement
    private let searchStatement: SearchStatement
    private let countStatement: SearchStatement

    init(_ database: SearchDatabase) throws(FullTextIndexError) {
        upsertStatement = try SearchStatement(database, Self.upsertSQL)
        deleteStatement = try SearchStatement(database, "DELETE FROM documents WHERE id = ?1")
        selectStatement = try SearchStatement(
            database, "SELECT kind, title, body, audience FROM documents WHERE id = ?1")
        searchStatement = try SearchStatement(database, Self.searchSQL)
        countStatement = try SearchStatement(database, "SELECT count(*) FROM documents")
    }

    func upsert(_ document: SearchDocument) throws(FullTextIndexError) {
        defer { upsertStatement.reset() }
        try upsertStatement.bind(1, document.id)
        try upsertStatement.bind(2, document.kind.rawValue)
        try upsertStatement.bind(3, Self.withoutMarkers(document.title))
        try upsertStatement.bind(4, Self.withoutMarkers(document.body))
        try upsertStatement.bind(5, Self.jsonArray(document.audience))
        try upsertStatement.run()
    }

    func delete(id: String) throws(FullTextIndexError) -> Bool {
        defer { deleteStatement.reset() }
        try deleteStatement.bind(1, id)
        try deleteStatement.run()
        return sqlite3_changes(deleteStatement.database.handle) > 0
    }

    /// Returns whether the stored document with the id of `document` is missing or differs from it.
    func differs(_ document: SearchDocument) throws(FullTextIndexError) -> Bool {
        defer { selectStatement.reset() }
        try selectStatement.bind(1, document.id)
        guard try selectStatement.step() else { return true }
        return selectStatement.text(0) != document.kind.rawValue
            || selectStatement.text(1) != Self.withoutMarkers(document.title)
            || selectStatement.text(2) != Self.withoutMarkers(document.body)
            || selectStatement.text(3) != Self.jsonArray(document.audience)
    }

    /// Returns whether the index contains a document with `id`.
    func contains(id: String) throws(FullTextIndexError) -> Bool {
        defer { selectStatement.reset() }
        try selectStatement.bind(1, id)
        return try selectStatement.step()
    }

    func search(_ expression: String, kind: SearchDocumentKind?, audiences: [String]?, limit: Int)
        throws(FullTextIndexError) -> [SearchHit]
    {
        defer { searchStatement.reset() }
        try searchStatement.bind(1, expression)
        try searchStatement.bind(2, kind?.rawValue)
        try searchStatement.bind(3, audiences.map(Self.jsonArray))
        try searchStatement.bind(4, limit)
        var hits: [SearchHit] = []
        while try searchStatement.step() {
            hits.append(hit(from: searchStatement))
        }
        return hits
    }

    func count() throws(FullTextIndexError) -> Int {
        defer { countStatement.reset() }
        _ = try countStatement.step()
        return countStatement.int(0)
    }

    private func hit(from row: SearchStatement) -> SearchHit {
        SearchHit(
            id: row.text(0), kind: SearchDocumentKind(rawValue: row.text(1)) ?? .ticket, title: row.text(2),
            snippet: row.text(3), rank: row.double(4))
    }

    /// Removes the snippet marker characters so that they only ever come from `snippet()`.
    static func withoutMarkers(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{E000}" || $0 == "\u{E001}" }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{E000}" && $0 != "\u{E001}" }))
    }

    static func jsonArray(_ values: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: values)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
