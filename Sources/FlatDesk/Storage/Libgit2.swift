import CGit2

/// The process-wide libgit2 set-up and the one place its return codes become errors.
enum Libgit2 {
    private static let initialized: Bool = {
        git_libgit2_init()
        // Object ids are checked when objects are written. Hashing every object again on each read
        // costs each commit the trees it updates and each index build every ticket file.
        _ = flatdesk_git_disable_strict_hash_verification()
        // Ticket folders hold up to a thousand files, so their trees are about 40 KB: cache them.
        _ = flatdesk_git_set_cache_object_limit(GIT_OBJECT_TREE, 256 * 1024)
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
