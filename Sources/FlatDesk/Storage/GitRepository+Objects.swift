import CGit2
import Foundation

/// A file found in a tree.
struct GitTreeFile: Sendable {
    var path: String
    var oid: GitOID
}

/// A change between two trees, for files only.
struct GitFileDelta: Sendable {
    enum Status: Sendable {
        case added
        case modified
        case deleted
    }

    var status: Status
    var path: String
    var oldOID: GitOID?
    var newOID: GitOID?
}

/// A commit as shown in a history.
public struct GitCommitInfo: Sendable {
    public var oid: GitOID
    public var authorName: String
    public var authorEmail: String
    public var time: Date
    public var message: String
}

extension GitRepository {
    /// Returns the tree of `commit`.
    func treeID(ofCommit commit: GitOID) throws(GitError) -> GitOID {
        var handle: OpaquePointer?
        var id = commit.raw
        try Libgit2.check(git_commit_lookup(&handle, pointer, &id), "git_commit_lookup")
        defer { git_commit_free(handle) }
        return GitOID(git_commit_tree_id(handle).pointee)
    }

    /// Returns the blob id at `path` in `tree`, or nil when there is no file there (a folder or a submodule).
    func blobID(at path: String, inTree tree: GitOID) throws(GitError) -> GitOID? {
        guard let entry = try fileEntry(at: path, inTree: tree), entry.mode != GIT_FILEMODE_COMMIT.rawValue else {
            return nil
        }
        return entry.oid
    }

    /// Returns the id and file mode of the entry that is not a folder at `path` in `tree`, or nil when there is none.
    /// Walks the folders through `cachedTree`, so repeated lookups in one folder parse it once.
    func fileEntry(at path: String, inTree tree: GitOID) throws(GitError) -> (oid: GitOID, mode: UInt32)? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = components.last, !name.isEmpty else { return nil }
        var current = try cachedTree(tree)
        for folder in components.dropLast() {
            guard let entry = git_tree_entry_byname(current.pointer, String(folder)),
                git_tree_entry_type(entry) == GIT_OBJECT_TREE
            else { return nil }
            current = try cachedTree(GitOID(git_tree_entry_id(entry).pointee))
        }
        guard let entry = git_tree_entry_byname(current.pointer, String(name)),
            git_tree_entry_type(entry) != GIT_OBJECT_TREE
        else { return nil }
        return (GitOID(git_tree_entry_id(entry).pointee), git_tree_entry_filemode(entry).rawValue)
    }

    /// Reads the contents of a blob.
    func blobContents(_ oid: GitOID) throws(GitError) -> [UInt8] {
        var handle: OpaquePointer?
        var id = oid.raw
        try Libgit2.check(git_blob_lookup(&handle, pointer, &id), "git_blob_lookup")
        defer { git_blob_free(handle) }
        let size = Int(git_blob_rawsize(handle))
        guard size > 0, let raw = git_blob_rawcontent(handle) else { return [] }
        return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }

    /// Size of a blob in bytes, read from the object header without inflating the whole object.
    func blobSize(_ oid: GitOID) throws(GitError) -> Int {
        var odb: OpaquePointer?
        try Libgit2.check(git_repository_odb(&odb, pointer), "git_repository_odb")
        defer { git_odb_free(odb) }
        var size = 0
        var type = GIT_OBJECT_ANY
        var id = oid.raw
        try Libgit2.check(git_odb_read_header(&size, &type, odb, &id), "git_odb_read_header")
        return size
    }

    /// Stores `bytes` as a blob.
    func writeBlob(_ bytes: [UInt8]) throws(GitError) -> GitOID {
        var oid = git_oid()
        let result = bytes.withUnsafeBytes { git_blob_create_from_buffer(&oid, pointer, $0.baseAddress, $0.count) }
        try Libgit2.check(result, "git_blob_create_from_buffer")
        return GitOID(oid)
    }

    /// Writes an empty tree, the base of a repository's first commit.
    func emptyTree() throws(GitError) -> GitOID {
        var builder: OpaquePointer?
        try Libgit2.check(git_treebuilder_new(&builder, pointer, nil), "git_treebuilder_new")
        defer { git_treebuilder_free(builder) }
        var oid = git_oid()
        try Libgit2.check(git_treebuilder_write(&oid, builder), "git_treebuilder_write")
        return GitOID(oid)
    }

    /// Writes a commit object without moving any reference.
    func writeCommit(tree: GitOID, parent: GitOID?, author: CommitIdentity, committer: CommitIdentity, message: String)
        throws(GitError) -> GitOID
    {
        let treeHandle = try cachedTree(tree)
        var parentHandle: OpaquePointer?
        if var parentID = parent?.raw {
            try Libgit2.check(git_commit_lookup(&parentHandle, pointer, &parentID), "git_commit_lookup")
        }
        defer { git_commit_free(parentHandle) }
        let authorSignature = try author.signature()
        defer { git_signature_free(authorSignature) }
        let committerSignature = try committer.signature()
        defer { git_signature_free(committerSignature) }
        var oid = git_oid()
        var parents: [OpaquePointer?] = parentHandle.map { [$0] } ?? []
        let result = git_commit_create(
            &oid, pointer, nil, authorSignature, committerSignature, "UTF-8", message, treeHandle.pointer,
            parents.count,
            &parents)
        try Libgit2.check(result, "git_commit_create")
        return GitOID(oid)
    }

    /// The tree `oid`, from this handle's tree cache or read and added to it.
    func cachedTree(_ oid: GitOID) throws(GitError) -> GitTreeHandle {
        if let cached = trees.tree(oid) { return cached }
        var handle: OpaquePointer?
        var id = oid.raw
        try Libgit2.check(git_tree_lookup(&handle, pointer, &id), "git_tree_lookup")
        guard let handle else {
            throw GitError.libgit2(function: "git_tree_lookup", code: GitError.notFound, message: "no tree \(oid)")
        }
        let tree = GitTreeHandle(handle)
        trees.insert(oid, tree)
        return tree
    }

    /// The tree `oid`, which the caller frees with `git_tree_free`.
    func lookupTree(_ oid: GitOID) throws(GitError) -> OpaquePointer? {
        var handle: OpaquePointer?
        var id = oid.raw
        try Libgit2.check(git_tree_lookup(&handle, pointer, &id), "git_tree_lookup")
        return handle
    }
}
