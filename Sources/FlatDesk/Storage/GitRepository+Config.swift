import CGit2

extension GitRepository {
    /// An integer from the repository's git configuration, or nil when it is not set.
    func configInteger(_ name: String) throws(GitError) -> Int? {
        var config: OpaquePointer?
        try Libgit2.check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: Int64 = 0
        let result = git_config_get_int64(&value, config, name)
        if result == GitError.notFound { return nil }
        try Libgit2.check(result, "git_config_get_int64")
        return Int(value)
    }

    /// Sets an integer in the repository's local git configuration.
    func setConfigInteger(_ name: String, _ value: Int) throws(GitError) {
        var config: OpaquePointer?
        try Libgit2.check(git_repository_config(&config, pointer), "git_repository_config")
        defer { git_config_free(config) }
        try Libgit2.check(git_config_set_int64(config, name, Int64(value)), "git_config_set_int64")
    }
}

extension GitStore {
    /// This node's place among the nodes sharing the helpdesk, from `flatdesk.node` and `flatdesk.nodes`.
    public func nodeIdentity() throws -> NodeIdentity {
        try locked {
            let count = try repository.configInteger("flatdesk.nodes") ?? 1
            let number = try repository.configInteger("flatdesk.node") ?? 1
            return try NodeIdentity(number: number, count: count)
        }
    }

    /// Stores this node's place in the repository's local git configuration.
    public func setNodeIdentity(_ node: NodeIdentity) throws {
        try locked {
            try repository.setConfigInteger("flatdesk.nodes", node.count)
            try repository.setConfigInteger("flatdesk.node", node.number)
        }
    }
}
