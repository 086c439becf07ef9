/// Read access to the files of the commit a change is being built on.
public final class StoreSnapshot {
    private let repository: GitRepository
    /// The commit, or nil in a repository without commits.
    public let commit: GitOID?
    let tree: GitOID

    init(repository: GitRepository, commit: GitOID?, tree: GitOID) {
        self.repository = repository
        self.commit = commit
        self.tree = tree
    }

    /// The blob id of the file at `path`, or nil when there is none.
    public func blobID(_ path: String) throws -> GitOID? {
        try repository.blobID(at: path, inTree: tree)
    }

    /// The contents of the file at `path`, or nil when there is none.
    public func read(_ path: String) throws -> [UInt8]? {
        guard let oid = try blobID(path) else { return nil }
        return try repository.blobContents(oid)
    }

    /// Reads the contents of the blob `oid`, such as one that `blobID(_:)` returned.
    func read(blob oid: GitOID) throws -> [UInt8] {
        try repository.blobContents(oid)
    }

    /// Every file below `folder`.
    public func files(under folder: String) throws -> [(path: String, oid: GitOID)] {
        try repository.files(under: folder, inTree: tree).map { ($0.path, $0.oid) }
    }
}

/// A file to write, or to delete when `contents` is nil, in one commit.
public struct FileChange: Sendable {
    public var path: String
    public var contents: [UInt8]?

    public init(path: String, contents: [UInt8]?) {
        self.path = path
        self.contents = contents
    }
}

/// The message and file changes of one commit, built on a snapshot of the head.
public struct CommitPlan: Sendable {
    public var message: String
    public var changes: [FileChange]

    public init(message: String, changes: [FileChange]) {
        self.message = message
        self.changes = changes
    }
}

/// What one successful commit changed.
public struct CommitResult: Sendable {
    public var commit: GitOID
    public var parent: GitOID?
    public var tree: GitOID
    /// Blob ids of the written files, nil for deleted ones.
    public var blobs: [String: GitOID?]
    /// How many times the branch moved underneath and the change was re-applied.
    public var retries: Int
}
