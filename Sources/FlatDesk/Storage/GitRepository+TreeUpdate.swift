import CGit2

/// The files to set or remove below one folder of a tree update.
private final class GitTreeUpdateNode {
    /// File name to blob id, or nil to remove the file.
    var files: [String: GitOID?] = [:]
    var folders: [String: GitTreeUpdateNode] = [:]
}

extension GitRepository {
    /// Writes a tree that is `base` with files set (blob id) or removed (nil), creating folders as needed
    /// and dropping folders left empty.
    ///
    /// Builds each changed folder with a tree builder seeded from the cached base folder, which is
    /// what `git_tree_create_updated` does, but without reading the folder from the object database
    /// again. The same updates fail as they fail there: a path given twice, a file where a folder is
    /// needed or the other way round, or the removal of a file that does not exist.
    func updatedTree(_ base: GitOID, changes: [(path: String, blob: GitOID?)]) throws(GitError) -> GitOID {
        let root = GitTreeUpdateNode()
        for change in changes { try add(change.path, change.blob, to: root) }
        guard let tree = try writeFolder(root, base: base, path: "", isRoot: true) else { return try emptyTree() }
        return tree
    }

    private func add(_ path: String, _ blob: GitOID?, to root: GitTreeUpdateNode) throws(GitError) {
        var node = root
        let components = path.split(separator: "/").map(String.init)
        guard let name = components.last else { throw GitRepository.updateError("empty path in tree update") }
        for folder in components.dropLast() {
            if node.files[folder] != nil {
                throw GitRepository.updateError("D/F conflict when updating tree at '\(path)'")
            }
            if let next = node.folders[folder] {
                node = next
            } else {
                let next = GitTreeUpdateNode()
                node.folders[folder] = next
                node = next
            }
        }
        guard node.files[name] == nil, node.folders[name] == nil else {
            throw GitRepository.updateError("duplicate entries given for update at '\(path)'")
        }
        node.files[name] = .some(blob)
    }

    /// Writes one folder and returns its id, or nil when it ended up empty (and is not the root).
    private func writeFolder(_ node: GitTreeUpdateNode, base: GitOID?, path: String, isRoot: Bool) throws(GitError)
        -> GitOID?
    {
        let source = try base.map { oid throws(GitError) in try cachedTree(oid) }
        var builder: OpaquePointer?
        try Libgit2.check(git_treebuilder_new(&builder, pointer, source?.pointer), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        for (name, child) in node.folders {
            try updateFolder(name, child, in: builder, source: source, path: path)
        }
        for (name, blob) in node.files {
            try updateFile(name, blob, in: builder, path: path)
        }
        withExtendedLifetime(source) {}
        if !isRoot, git_treebuilder_entrycount(builder) == 0 { return nil }
        var oid = git_oid()
        try Libgit2.check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return GitOID(oid)
    }

    private func updateFolder(
        _ name: String, _ child: GitTreeUpdateNode, in builder: OpaquePointer?, source: GitTreeHandle?, path: String
    ) throws(GitError) {
        let existing = source.flatMap { git_tree_entry_byname($0.pointer, name) }
        if let existing, git_tree_entry_type(existing) != GIT_OBJECT_TREE {
            throw GitRepository.updateError("D/F conflict when updating tree at '\(path)\(name)'")
        }
        let childBase = existing.map { GitOID(git_tree_entry_id($0).pointee) }
        if let written = try writeFolder(child, base: childBase, path: path + name + "/", isRoot: false) {
            var id = written.raw
            try Libgit2.check(
                git_treebuilder_insert(nil, builder, name, &id, GIT_FILEMODE_TREE), "git_treebuilder_insert")
        } else {
            try Libgit2.check(git_treebuilder_remove(builder, name), "git_treebuilder_remove")
        }
    }

    private func updateFile(_ name: String, _ blob: GitOID?, in builder: OpaquePointer?, path: String) throws(GitError)
    {
        guard var id = blob?.raw else {
            try Libgit2.check(git_treebuilder_remove(builder, name), "git_treebuilder_remove")
            return
        }
        if let existing = git_treebuilder_get(builder, name), git_tree_entry_type(existing) != GIT_OBJECT_BLOB {
            throw GitRepository.updateError("cannot replace 'tree' with 'blob' at '\(path)\(name)'")
        }
        try Libgit2.check(git_treebuilder_insert(nil, builder, name, &id, GIT_FILEMODE_BLOB), "git_treebuilder_insert")
    }

    private static func updateError(_ message: String) -> GitError {
        .libgit2(function: "git_tree_create_updated", code: -1, message: message)
    }
}
