import CGit2
import Foundation

extension GitRepository {
    /// Every file below `folder` in `tree`, recursively, with paths relative to the repository root.
    func files(under folder: String, inTree tree: GitOID) throws(GitError) -> [GitTreeFile] {
        guard let folderTree = try subtreeID(folder, inTree: tree) else { return [] }
        var result: [GitTreeFile] = []
        try collectFiles(folderTree, prefix: folder + "/", into: &result, depth: 0)
        return result
    }

    /// The tree id of `folder` in `tree`, or nil when it does not exist or is not a folder.
    func subtreeID(_ folder: String, inTree tree: GitOID) throws(GitError) -> GitOID? {
        let handle = try lookupTree(tree)
        defer { git_tree_free(handle) }
        var entry: OpaquePointer?
        let result = git_tree_entry_bypath(&entry, handle, folder)
        if result == GitError.notFound { return nil }
        try Libgit2.check(result, "git_tree_entry_bypath")
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        return GitOID(git_tree_entry_id(entry).pointee)
    }

    func collectFiles(_ tree: GitOID, prefix: String, into result: inout [GitTreeFile], depth: Int)
        throws(GitError)
    {
        guard depth < 32 else { return }
        let handle = try lookupTree(tree)
        defer { git_tree_free(handle) }
        let count = git_tree_entrycount(handle)
        result.reserveCapacity(result.count + count)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(handle, index) else { continue }
            let name = String(cString: git_tree_entry_name(entry))
            let oid = GitOID(git_tree_entry_id(entry).pointee)
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_BLOB: result.append(GitTreeFile(path: prefix + name, oid: oid))
            case GIT_OBJECT_TREE: try collectFiles(oid, prefix: prefix + name + "/", into: &result, depth: depth + 1)
            default: continue
            }
        }
    }

    /// Commits from `head` backwards that changed `path`, newest first, scanning at most `scanLimit` commits.
    func history(of path: String, from head: GitOID, limit: Int, scanLimit: Int = 100_000) throws(GitError)
        -> [GitCommitInfo]
    {
        var walker: OpaquePointer?
        try Libgit2.check(git_revwalk_new(&walker, pointer), "git_revwalk_new")
        defer { git_revwalk_free(walker) }
        git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue)
        var start = head.raw
        try Libgit2.check(git_revwalk_push(walker, &start), "git_revwalk_push")
        var result: [GitCommitInfo] = []
        var oid = git_oid()
        var scanned = 0
        while result.count < limit, scanned < scanLimit, git_revwalk_next(&oid, walker) == 0 {
            scanned += 1
            if let info = try commitIfChanged(GitOID(oid), path: path) { result.append(info) }
        }
        return result
    }

    private func commitIfChanged(_ commit: GitOID, path: String) throws(GitError) -> GitCommitInfo? {
        var handle: OpaquePointer?
        var id = commit.raw
        try Libgit2.check(git_commit_lookup(&handle, pointer, &id), "git_commit_lookup")
        defer { git_commit_free(handle) }
        let current = try blobID(at: path, inTree: GitOID(git_commit_tree_id(handle).pointee))
        var previous: GitOID?
        if git_commit_parentcount(handle) > 0, let parentID = git_commit_parent_id(handle, 0) {
            previous = try blobID(at: path, inTree: try treeID(ofCommit: GitOID(parentID.pointee)))
        }
        guard current != previous else { return nil }
        let author = git_commit_author(handle).pointee
        return GitCommitInfo(
            oid: commit, authorName: String(cString: author.name), authorEmail: String(cString: author.email),
            time: Date(timeIntervalSince1970: TimeInterval(author.when.time)),
            message: String(cString: git_commit_message(handle)))
    }
}
