import CGit2

/// The process-wide libgit2 set-up and the one place its return codes become errors.
enum Libgit2 {
    private static let initialized: Bool = {
        git_libgit2_init()
        return true
    }()

    /// Initializes libgit2 once per process.
    static func ensureInitialized() {
        _ = initialized
    }

    /// Throws `GitError.libgit2` when `result` is negative, with libgit2's last error message.
    @discardableResult
    static func check(_ result: Int32, _ function: String) throws(GitError) -> Int32 {
        guard result < 0 else { return result }
        let message = git_error_last().map { String(cString: $0.pointee.message) } ?? "no detail from libgit2"
        throw GitError.libgit2(function: function, code: result, message: message)
    }
}
