import CGit2

extension GitRepository {
    /// Returns the files that differ between two trees, in path order; a nil `old` tree means everything was added.
    ///
    /// Walks both trees side by side and skips every subtree whose id is the same on both sides. A
    /// commit that changes one ticket therefore reads three trees per side however many tickets there
    /// are, and those usually come from the tree cache because the commit itself just used them.
    /// `git_diff_tree_to_tree` reads every subtree of both sides instead, which at 100,000 tickets
    /// took about 60 ms per commit. A file replaced by a folder (or the reverse) is reported as the
    /// file deleted and the folder's files added, as `git_diff_tree_to_tree` does by default.
    func diff(from old: GitOID?, to new: GitOID) throws(GitError) -> [GitFileDelta] {
        var result: [GitFileDelta] = []
        try diffTrees(old, new, prefix: "", into: &result, depth: 0)
        return result
    }

    private func diffTrees(
        _ old: GitOID?, _ new: GitOID?, prefix: String, into result: inout [GitFileDelta], depth: Int
    )
        throws(GitError)
    {
        guard old != new, depth < 32 else { return }
        let oldTree = try old.map { oid throws(GitError) in try cachedTree(oid) }
        let newTree = try new.map { oid throws(GitError) in try cachedTree(oid) }
        let oldHandle = oldTree?.pointer
        let newHandle = newTree?.pointer
        let oldCount = oldHandle.map { git_tree_entrycount($0) } ?? 0
        let newCount = newHandle.map { git_tree_entrycount($0) } ?? 0
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < oldCount || newIndex < newCount {
            let oldEntry = oldIndex < oldCount ? git_tree_entry_byindex(oldHandle, oldIndex) : nil
            let newEntry = newIndex < newCount ? git_tree_entry_byindex(newHandle, newIndex) : nil
            let order = GitRepository.treeOrder(oldEntry, newEntry)
            if order < 0 {
                try removed(oldEntry, prefix: prefix, into: &result, depth: depth)
                oldIndex += 1
            } else if order > 0 {
                try added(newEntry, prefix: prefix, into: &result, depth: depth)
                newIndex += 1
            } else {
                try matched(oldEntry, newEntry, prefix: prefix, into: &result, depth: depth)
                oldIndex += 1
                newIndex += 1
            }
        }
        // The entry pointers above belong to these trees; keep them alive even if the cache drops them.
        withExtendedLifetime(oldTree) {}
        withExtendedLifetime(newTree) {}
    }

    /// Compares two entries in git's tree order, where a folder sorts as if its name ended in `/`;
    /// a missing entry sorts after every other.
    private static func treeOrder(_ left: OpaquePointer?, _ right: OpaquePointer?) -> Int {
        guard let left else { return 1 }
        guard let right else { return -1 }
        guard let leftName = git_tree_entry_name(left), let rightName = git_tree_entry_name(right) else { return 0 }
        var index = 0
        while true {
            var leftByte = UInt8(bitPattern: leftName[index])
            var rightByte = UInt8(bitPattern: rightName[index])
            if leftByte == 0, git_tree_entry_type(left) == GIT_OBJECT_TREE { leftByte = UInt8(ascii: "/") }
            if rightByte == 0, git_tree_entry_type(right) == GIT_OBJECT_TREE { rightByte = UInt8(ascii: "/") }
            if leftByte != rightByte { return leftByte < rightByte ? -1 : 1 }
            if leftByte == 0 || leftByte == UInt8(ascii: "/") { return 0 }
            index += 1
        }
    }

    private func matched(
        _ oldEntry: OpaquePointer?, _ newEntry: OpaquePointer?, prefix: String, into result: inout [GitFileDelta],
        depth: Int
    ) throws(GitError) {
        guard let oldEntry, let newEntry else { return }
        let oldID = GitOID(git_tree_entry_id(oldEntry).pointee)
        let newID = GitOID(git_tree_entry_id(newEntry).pointee)
        let path = prefix + String(cString: git_tree_entry_name(newEntry))
        if git_tree_entry_type(newEntry) == GIT_OBJECT_TREE {
            try diffTrees(oldID, newID, prefix: path + "/", into: &result, depth: depth + 1)
        } else if oldID != newID || git_tree_entry_filemode(oldEntry) != git_tree_entry_filemode(newEntry) {
            result.append(GitFileDelta(status: .modified, path: path, oldOID: oldID, newOID: newID))
        }
    }

    private func added(_ entry: OpaquePointer?, prefix: String, into result: inout [GitFileDelta], depth: Int)
        throws(GitError)
    {
        guard let entry else { return }
        let id = GitOID(git_tree_entry_id(entry).pointee)
        let path = prefix + String(cString: git_tree_entry_name(entry))
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else {
            result.append(GitFileDelta(status: .added, path: path, oldOID: nil, newOID: id))
            return
        }
        var files: [GitTreeFile] = []
        try collectFiles(id, prefix: path + "/", into: &files, depth: depth + 1)
        result += files.map { GitFileDelta(status: .added, path: $0.path, oldOID: nil, newOID: $0.oid) }
    }

    private func removed(_ entry: OpaquePointer?, prefix: String, into result: inout [GitFileDelta], depth: Int)
        throws(GitError)
    {
        guard let entry else { return }
        let id = GitOID(git_tree_entry_id(entry).pointee)
        let path = prefix + String(cString: git_tree_entry_name(entry))
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else {
            result.append(GitFileDelta(status: .deleted, path: path, oldOID: id, newOID: nil))
            return
        }
        var files: [GitTreeFile] = []
        try collectFiles(id, prefix: path + "/", into: &files, depth: depth + 1)
        result += files.map { GitFileDelta(status: .deleted, path: $0.path, oldOID: $0.oid, newOID: nil) }
    }
}
