/// Failures of the full-text index.
public enum FullTextIndexError: Error, Equatable, CustomStringConvertible {
    /// An SQLite call failed; `message` is `sqlite3_errmsg` at that moment.
    case sqliteFailed(function: String, code: Int32, message: String, path: String)
    /// A search limit outside 1…1000.
    case invalidLimit(Int)

    public var description: String {
        switch self {
        case .sqliteFailed(let function, let code, let message, let path):
            "\(function) failed on search index \(path): \(message) (SQLite code \(code)); "
                + "delete the index file to rebuild it if it is damaged"
        case .invalidLimit(let limit):
            "invalid search limit \(limit): use a number from 1 to 1000"
        }
    }
}
