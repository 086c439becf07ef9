import CSQLite

/// SQLite's `SQLITE_TRANSIENT` destructor, which makes `sqlite3_bind_text` copy the bytes before returning.
/// The C macro is a cast of -1 that Swift does not import.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// One SQLite connection, closed with `sqlite3_close_v2` in `deinit`.
final class SearchDatabase {
    let handle: OpaquePointer
    /// The file path, or `:memory:`; part of every error message.
    let path: String

    init(path: String) throws(FullTextIndexError) {
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let result = sqlite3_open_v2(path, &connection, flags, nil)
        guard let connection else {
            throw .sqliteFailed(function: "sqlite3_open_v2", code: result, message: "out of memory", path: path)
        }
        // sqlite3_open_v2 returns a handle even on failure, which must be closed after reading its message.
        handle = connection
        self.path = path
        try check(result, "sqlite3_open_v2")
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs SQL without results (schema, pragmas, transaction control).
    func execute(_ sql: String) throws(FullTextIndexError) {
        try check(sqlite3_exec(handle, sql, nil, nil, nil), "sqlite3_exec(\(sql.prefix(40)))")
    }

    /// Throws with `sqlite3_errmsg` unless `result` is one of `accepted` (by default `SQLITE_OK`).
    func check(_ result: Int32, _ function: String, accepted: Set<Int32> = [SQLITE_OK]) throws(FullTextIndexError) {
        guard !accepted.contains(result) else { return }
        let message = String(cString: sqlite3_errmsg(handle))
        throw .sqliteFailed(function: function, code: result, message: message, path: path)
    }
}

/// One prepared statement, finalized in `deinit`; it keeps its connection open until then.
final class SearchStatement {
    let handle: OpaquePointer
    let database: SearchDatabase

    init(_ database: SearchDatabase, _ sql: String) throws(FullTextIndexError) {
        var statement: OpaquePointer?
        try database.check(
            sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil),
            "sqlite3_prepare_v3")
        guard let statement else {
            throw .sqliteFailed(
                function: "sqlite3_prepare_v3", code: SQLITE_MISUSE, message: "empty SQL", path: database.path)
        }
        handle = statement
        self.database = database
    }

    deinit {
        sqlite3_finalize(handle)
    }

    func bind(_ index: Int32, _ text: String?) throws(FullTextIndexError) {
        let result =
            text.map { sqlite3_bind_text(handle, index, $0, -1, sqliteTransient) } ?? sqlite3_bind_null(handle, index)
        try database.check(result, "sqlite3_bind_text")
    }

    func bind(_ index: Int32, _ value: Int) throws(FullTextIndexError) {
        try database.check(sqlite3_bind_int64(handle, index, Int64(value)), "sqlite3_bind_int64")
    }

    /// Advances the statement.
    /// - Returns: true when a row is available, false when the statement is done.
    func step() throws(FullTextIndexError) -> Bool {
        let result = sqlite3_step(handle)
        try database.check(result, "sqlite3_step", accepted: [SQLITE_ROW, SQLITE_DONE])
        return result == SQLITE_ROW
    }

    /// Runs a statement that returns no rows, then resets it for reuse.
    func run() throws(FullTextIndexError) {
        defer { reset() }
        _ = try step()
    }

    /// Resets the statement and clears its bindings so that the next use starts clean.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func text(_ column: Int32) -> String {
        sqlite3_column_text(handle, column).map { String(cString: $0) } ?? ""
    }

    func double(_ column: Int32) -> Double {
        sqlite3_column_double(handle, column)
    }

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }
}
