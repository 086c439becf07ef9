/// Errors of the storage layer: a failed libgit2 call, or a write that cannot be applied.
public enum GitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A libgit2 function returned `code`; `message` is libgit2's own text.
    case libgit2(function: String, code: Int32, message: String)
    /// `path` has uncommitted changes in the working tree, so FlatDesk will not overwrite it.
    case uncommittedChanges(path: String)
    /// The branch kept moving while this change was being applied.
    case tooManyRetries(ref: String, attempts: Int)
    /// The path is not a git repository.
    case notARepository(path: String)

    public var description: String {
        switch self {
        case .libgit2(let function, let code, let message):
            "\(function) failed (\(code)): \(message)"
        case .uncommittedChanges(let path):
            "\(path) has uncommitted changes in the working tree; commit or discard them first"
        case .tooManyRetries(let ref, let attempts):
            "\(ref) moved on each of \(attempts) attempts to update it; try again"
        case .notARepository(let path):
            "\(path) is not a git repository; run 'flatdesk init \(path)' first"
        }
    }

    /// libgit2's code for a reference whose value did not match the expected one.
    static let referenceModified: Int32 = -15
    static let notFound: Int32 = -3
    static let locked: Int32 = -14

    var code: Int32? {
        if case .libgit2(_, let code, _) = self { return code }
        return nil
    }
}
