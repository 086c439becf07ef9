import CGit2

extension GitStore {
    /// Commits with more files than this are not remembered; a diff of them reads the trees.
    static let rememberedDeltaLimit = 1024

    /// Records which files a commit changed, so that the index's diff from its parent to it (which
    /// follows nearly every commit) needs no tree reads. The deltas are what `GitRepository.diff`
    /// returns for the two trees: files whose blob or mode changed, in path order. The caller holds the lock.
    func rememberDeltas(parent: GitOID?, commit: GitOID, parentTree: GitOID, blobs: [String: GitOID?]) {
        lastCommitDeltas = nil
        guard blobs.count <= GitStore.rememberedDeltaLimit else { return }
        var deltas: [GitFileDelta] = []
        for (path, blob) in blobs {
            let old: (oid: GitOID, mode: UInt32)?
            do {
                old = try repository.fileEntry(at: path, inTree: parentTree)
            } catch {
                return
            }
            switch (old, blob) {
            case (nil, nil): continue
            case (nil, let new?): deltas.append(GitFileDelta(status: .added, path: path, oldOID: nil, newOID: new))
            case (let old?, nil):
                deltas.append(GitFileDelta(status: .deleted, path: path, oldOID: old.oid, newOID: nil))
            case (let old?, let new?):
                guard old.oid != new || old.mode != GIT_FILEMODE_BLOB.rawValue else { continue }
                deltas.append(GitFileDelta(status: .modified, path: path, oldOID: old.oid, newOID: new))
            }
        }
        deltas.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        lastCommitDeltas = (parent, commit, deltas)
    }
}
