import CGit2

/// A parsed git tree, freed when the last reference goes.
final class GitTreeHandle {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        git_tree_free(pointer)
    }
}

/// Recently used trees of one repository handle, by id.
///
/// libgit2's own object cache skips trees larger than 4 KB (the default in libgit2 1.5's cache.c),
/// and a ticket folder of 1,000 files is about 40 KB. Without this cache every path lookup, tree
/// update and diff inflated and parsed the folder again, several times per commit. A tree never
/// changes, so a cached tree is never stale.
/// Not thread-safe, like the repository handle that owns it.
final class GitTreeCache {
    private var entries: [GitOID: (handle: GitTreeHandle, lastUse: Int)] = [:]
    private var clock = 0
    /// The number of trees kept; the least recently used quarter is dropped when it is passed.
    let capacity: Int

    init(capacity: Int = 256) {
        self.capacity = capacity
    }

    /// Returns the cached tree `oid`, or nil.
    func tree(_ oid: GitOID) -> GitTreeHandle? {
        guard let entry = entries[oid] else { return nil }
        clock += 1
        entries[oid] = (entry.handle, clock)
        return entry.handle
    }

    func insert(_ oid: GitOID, _ handle: GitTreeHandle) {
        clock += 1
        entries[oid] = (handle, clock)
        guard entries.count > capacity else { return }
        let oldest = entries.sorted { $0.value.lastUse < $1.value.lastUse }.prefix(max(1, capacity / 4))
        for (key, _) in oldest { entries[key] = nil }
    }
}
