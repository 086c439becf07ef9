import Foundation

/// Writes helpdesk changes as commits and reads files at the branch head.
///
/// A change is built in memory (blobs, an updated tree, a commit) on the current head, then the
/// branch moves by compare-and-swap. If another writer moved the branch meanwhile, the change is
/// rebuilt on the new head by calling its `build` closure again, which is where a change based on
/// a stale version of a file throws its conflict. Nothing is forced and nothing is lost.
///
/// Calls are serialized inside one store; separate stores (or processes) coordinate through the
/// compare-and-swap alone.
public final class GitStore: @unchecked Sendable {
    public let path: String
    /// The branch FlatDesk writes, such as `refs/heads/main`.
    public let branch: String
    public let isBare: Bool
    let logger: Logger
    private let lock = NSLock()
    let repository: GitRepository
    private let maintenance: GitMaintenance
    /// The files the last commit of this store changed, guarded by `lock`; see `rememberDeltas`.
    var lastCommitDeltas: (parent: GitOID?, commit: GitOID, deltas: [GitFileDelta])?
    /// Attempts before giving up when other writers keep moving the branch; each retry waits a random,
    /// growing delay of at most 20 ms so that competing writers stop colliding.
    static let maximumAttempts = 400

    /// Opens the repository at `path`.
    public init(path: String, logger: Logger = Logger(label: "flatdesk.git")) throws {
        let repository = try GitRepository.open(path)
        self.repository = repository
        self.path = path
        self.branch = try repository.headBranch()
        self.isBare = repository.isBare
        self.logger = logger
        self.maintenance = GitMaintenance(gitDirectory: repository.gitDirectory, logger: logger)
    }

    /// Creates a repository at `path` (a working tree unless `bare`) and opens it.
    public static func create(path: String, bare: Bool = false, logger: Logger = Logger(label: "flatdesk.git"))
        throws -> GitStore
    {
        _ = try GitRepository.create(path, bare: bare)
        return try GitStore(path: path, logger: logger)
    }

    /// The `.git` folder, or the repository itself when bare; FlatDesk's local state lives below it.
    public var gitDirectory: String { repository.gitDirectory }

    /// The working tree, or nil for a bare repository.
    public var workingDirectory: String? { repository.workingDirectory }

    /// The commit the branch points to now, or nil before the first commit.
    public func head() throws -> GitOID? {
        try locked { try repository.resolve(branch) }
    }

    /// Runs `body` with a snapshot of the branch head.
    public func read<T>(_ body: (StoreSnapshot) throws -> T) throws -> T {
        try locked {
            let head = try repository.resolve(branch)
            let tree = try head.map { try repository.treeID(ofCommit: $0) } ?? repository.emptyTree()
            return try body(StoreSnapshot(repository: repository, commit: head, tree: tree))
        }
    }

    /// Commits the changes that `build` returns for the current head.
    /// - Parameters:
    ///   - author: who made the change.
    ///   - committer: the system identity recording it; defaults to the author.
    ///   - build: returns the commit message and files to change given the head, or nil for no change;
    ///     it runs again on the new head if the branch moves meanwhile.
    /// - Returns: the commit, or nil when `build` returned no change or nothing differed.
    /// - Throws: what `build` throws, `GitError.uncommittedChanges` when a working-tree file was edited by hand,
    ///   or `GitError.tooManyRetries` when the branch kept moving.
    @discardableResult
    public func commit(
        author: CommitIdentity, committer: CommitIdentity? = nil, build: (StoreSnapshot) throws -> CommitPlan?
    ) throws -> CommitResult? {
        let result = try locked {
            try commitLocked(author: author, committer: committer ?? author, build: build)
        }
        if result != nil { maintenance.noteCommit() }
        return result
    }

    /// Commits fixed `changes` with `message`; a convenience for changes that do not depend on the head.
    @discardableResult
    public func commit(author: CommitIdentity, committer: CommitIdentity? = nil, message: String, changes: [FileChange])
        throws -> CommitResult?
    {
        try commit(author: author, committer: committer) { _ in CommitPlan(message: message, changes: changes) }
    }

    private func commitLocked(
        author: CommitIdentity, committer: CommitIdentity, build: (StoreSnapshot) throws -> CommitPlan?
    ) throws -> CommitResult? {
        for attempt in 0..<GitStore.maximumAttempts {
            let head = try repository.resolve(branch)
            let tree = try head.map { try repository.treeID(ofCommit: $0) } ?? repository.emptyTree()
            let snapshot = StoreSnapshot(repository: repository, commit: head, tree: tree)
            guard let plan = try build(snapshot), !plan.changes.isEmpty else { return nil }
            let changes = plan.changes
            let message = plan.message
            if !isBare { try checkWorkingTree(changes, snapshot: snapshot) }
            var blobs: [String: GitOID?] = [:]
            for (change, blob) in zip(changes, try writeBlobs(changes)) { blobs[change.path] = blob }
            let newTree = try repository.updatedTree(tree, changes: changes.map { ($0.path, blobs[$0.path] ?? nil) })
            guard newTree != tree else { return nil }
            let commit = try repository.writeCommit(
                tree: newTree, parent: head, author: author, committer: committer, message: message)
            guard try moveBranch(from: head, to: commit, message: message) else {
                logger.debug("branch moved during commit; re-applying", ["git.ref": branch, "attempt": "\(attempt + 1)"])
                usleep(UInt32.random(in: 0...UInt32(min(20_000, 250 * (attempt + 1)))))
                continue
            }
            if !isBare { try updateWorkingTree(changes) }
            rememberDeltas(parent: head, commit: commit, parentTree: tree, blobs: blobs)
            return CommitResult(commit: commit, parent: head, tree: newTree, blobs: blobs, retries: attempt)
        }
        throw GitError.tooManyRetries(ref: branch, attempts: GitStore.maximumAttempts)
    }

    /// Moves the branch; returns false when another writer moved it first.
    private func moveBranch(from head: GitOID?, to commit: GitOID, message: String) throws -> Bool {
        let reflogMessage = "flatdesk: " + firstLine(message)
        let result: Result<Void, GitError> = Result { () throws(GitError) in
            try repository.compareAndSwap(branch, from: head, to: commit, message: reflogMessage)
        }
        guard case .failure(let error) = result else { return true }
        if error.code == GitError.referenceModified || error.code == GitError.locked { return false }
        throw error
    }

    private func firstLine(_ message: String) -> String {
        String(message.split(separator: "\n", maxSplits: 1).first ?? "")
    }

    func locked<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Waits for background maintenance started by this store's commits, at most `timeout` seconds.
    public func waitForMaintenance(timeout: TimeInterval = 120) {
        maintenance.waitUntilIdle(timeout: timeout)
    }

    /// Number of loose objects in the repository.
    public var looseObjectCount: Int { maintenance.looseObjectCount() }

    /// Runs repository maintenance now, waiting for it to finish.
    public func runMaintenance() {
        maintenance.runNow()
    }
}

extension GitStore {
    /// Files that differ between two commits; a nil `old` commit means everything in `new` was added.
    func diff(from old: GitOID?, to new: GitOID) throws -> [GitFileDelta] {
        try locked {
            if let last = lastCommitDeltas, last.parent == old, last.commit == new { return last.deltas }
            let oldTree = try old.map { try repository.treeID(ofCommit: $0) }
            return try repository.diff(from: oldTree, to: try repository.treeID(ofCommit: new))
        }
    }

    /// Commits that changed `path`, newest first.
    public func history(of path: String, limit: Int = 200) throws -> [GitCommitInfo] {
        try locked {
            guard let head = try repository.resolve(branch) else { return [] }
            return try repository.history(of: path, from: head, limit: limit)
        }
    }

    /// Runs `body` with the store's own repository handle while holding the store's lock.
    func withRepository<T>(_ body: (GitRepository) throws -> T) throws -> T {
        try locked { try body(repository) }
    }

    /// Opens another handle on the same repository, for a thread of its own.
    func openReader() throws -> GitRepository {
        try GitRepository.open(path)
    }
}
