import CGit2
import Foundation

extension GitStore {
    /// Rejects a change to a file whose working-tree copy differs from the committed one.
    func checkWorkingTree(_ changes: [FileChange], snapshot: StoreSnapshot) throws {
        guard let root = workingDirectory else { return }
        for change in changes {
            let committed = try snapshot.read(change.path)
            let onDisk = FileManager.default.contents(atPath: root + change.path).map { [UInt8]($0) }
            guard onDisk == committed else { throw GitError.uncommittedChanges(path: change.path) }
        }
    }

    /// Writes the committed files into the working tree and git's index so that both stay clean.
    func updateWorkingTree(_ changes: [FileChange]) throws {
        guard let root = workingDirectory else { return }
        for change in changes {
            try writeWorkingFile(root + change.path, contents: change.contents)
        }
        try withIndex { index throws(GitError) in
            for change in changes {
                if change.contents == nil {
                    try Libgit2.check(git_index_remove_bypath(index, change.path), "git_index_remove_bypath")
                } else {
                    try Libgit2.check(git_index_add_bypath(index, change.path), "git_index_add_bypath")
                }
            }
        }
    }

    private func writeWorkingFile(_ path: String, contents: [UInt8]?) throws {
        let manager = FileManager.default
        guard let contents else {
            if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(contents).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Reads git's index, lets `body` edit it and writes it back, retrying while another process holds its lock.
    /// The caller holds the store's lock.
    private func withIndex(_ body: (OpaquePointer?) throws(GitError) -> Void) throws {
        for attempt in 0..<50 {
            var index: OpaquePointer?
            try Libgit2.check(git_repository_index(&index, repository.pointer), "git_repository_index")
            defer { git_index_free(index) }
            try Libgit2.check(git_index_read(index, 0), "git_index_read")
            try body(index)
            let result = git_index_write(index)
            if result == GitError.locked, attempt < 49 {
                usleep(20_000)
                continue
            }
            try Libgit2.check(result, "git_index_write")
            return
        }
    }
}
