import Foundation
import Synchronization

/// The in-memory index of every ticket at the branch head: lookup by id, queues, counts.
///
/// It is built once from HEAD and then follows the branch by diffing the indexed tree against
/// the new head, no matter what moved it (FlatDesk itself, a `git push`, a hand commit).
public final class TicketIndex: Sendable {
    let store: GitStore
    let logger: Logger
    let state = Mutex(IndexState())
    /// Serializes builds and refreshes so that two never apply the same diff twice.
    private let updateLock = Mutex(())
    let cache: TicketIndexCache
    /// Background writes of the cache still running.
    let cacheWrites = DispatchGroup()

    public init(store: GitStore, logger: Logger = Logger(label: "flatdesk.index")) {
        self.store = store
        self.logger = logger
        self.cache = TicketIndexCache(gitDirectory: store.gitDirectory)
    }

    /// Lets a cache write in progress finish, so that a short-lived process (a CLI command) still
    /// leaves a complete cache behind for the next one.
    deinit {
        waitForCacheWrites(timeout: 30)
    }

    /// The commit the index reflects, or nil before the first build.
    public var indexedCommit: GitOID? { state.withLock { $0.commit } }

    /// Number of tickets indexed.
    public var count: Int { state.withLock { $0.byID.count } }

    /// Files under `tickets/` that could not be read, with the reasons.
    public var problems: [FileProblem] { state.withLock { $0.problems.values.flatMap { $0 } } }

    /// The highest ticket number indexed.
    public var highestNumber: Int { state.withLock { $0.highestNumber } }

    /// Returns the indexed ticket with `id`.
    public func ticket(_ id: String) -> IndexedTicket? {
        state.withLock { $0.byID[id] }
    }

    /// Returns every indexed ticket, in no particular order.
    public func allTickets() -> [IndexedTicket] {
        state.withLock { Array($0.byID.values) }
    }

    /// Builds the index from the head of the branch, replacing what it held.
    ///
    /// Starts from the index cache under the git directory when there is one for these statuses
    /// (applying the tree diff from its commit to the head), else reads every ticket file and then
    /// saves the cache in the background for the next start.
    /// - Parameter statuses: the status ids the helpdesk allows, or nil to accept any.
    @discardableResult
    public func build(statuses: Set<String>? = nil) throws -> IndexChanges {
        try updateLock.withLock { _ in
            let started = Date()
            let fresh: IndexState
            let source: String
            if let cached = loadFromCache(statuses: statuses) {
                (fresh, source) = (cached, "cache")
            } else {
                (fresh, source) = (try buildFromBlobs(statuses: statuses), "blobs")
                saveCache(fresh, statuses: statuses)
            }
            state.withLock { $0 = fresh }
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            logger.info(
                "index built",
                [
                    "tickets": "\(fresh.byID.count)", "problems": "\(fresh.problems.count)", "source": source,
                    "duration_ms": "\(milliseconds)",
                ])
            return IndexChanges(commit: fresh.commit, tickets: Set(fresh.byID.keys), otherPaths: [], rebuilt: true)
        }
    }

    /// Reads and parses every ticket file at the head of the branch.
    func buildFromBlobs(statuses: Set<String>?) throws -> IndexState {
        let (commit, files) = try store.read { snapshot in
            (snapshot.commit, try snapshot.files(under: "tickets").filter { TicketIndex.isTicketPath($0.path) })
        }
        let loaded = try TicketLoader(store: store, statuses: statuses).load(files)
        var fresh = IndexState()
        fresh.commit = commit
        fresh.reserveCapacity(loaded.count)
        for result in loaded { fresh.apply(result) }
        fresh.sortBuckets()
        return fresh
    }

    /// Brings the index up to the head of the branch by applying the tree diff since the indexed commit.
    /// - Returns: what changed; empty when the branch has not moved.
    @discardableResult
    public func refresh(statuses: Set<String>? = nil) throws -> IndexChanges {
        try updateLock.withLock { _ in
            let previous = state.withLock { $0.commit }
            let head = try store.head()
            guard head != previous, let head else { return IndexChanges(commit: previous) }
            let delta = try loadDelta(from: previous, to: head, statuses: statuses)
            let changedIDs = state.withLock { $0.apply(delta) }
            return IndexChanges(commit: head, tickets: changedIDs, otherPaths: delta.otherPaths, rebuilt: false)
        }
    }

    /// Reads the ticket files that differ between two commits.
    func loadDelta(from previous: GitOID?, to head: GitOID, statuses: Set<String>?) throws -> IndexDelta {
        let deltas = try store.diff(from: previous, to: head)
        let ticketDeltas = deltas.filter { TicketIndex.isTicketPath($0.path) }
        let loader = TicketLoader(store: store, statuses: statuses)
        let loaded = try loader.load(ticketDeltas.compactMap { delta in delta.newOID.map { (delta.path, $0) } })
        let deleted = ticketDeltas.filter { $0.status == .deleted }.map(\.path)
        let others = deltas.map(\.path).filter { !TicketIndex.isTicketPath($0) }
        return IndexDelta(commit: head, deletedPaths: deleted, loaded: loaded, otherPaths: others)
    }
}

/// The ticket files that changed between two commits, read and parsed.
struct IndexDelta {
    var commit: GitOID
    var deletedPaths: [String]
    var loaded: [LoadedTicket]
    /// Changed paths that are not ticket files.
    var otherPaths: [String]
}

extension IndexState {
    /// Applies a delta and moves to its commit; returns the ids of the tickets added, changed or removed.
    mutating func apply(_ delta: IndexDelta) -> Set<String> {
        var ids = Set<String>()
        for path in delta.deletedPaths {
            if let id = remove(path: path) { ids.insert(id) }
        }
        for result in delta.loaded { ids.formUnion(replace(result)) }
        commit = delta.commit
        return ids
    }
}

/// The tickets and other paths an index update changed.
public struct IndexChanges: Sendable {
    public var commit: GitOID?
    /// Ids of tickets added, changed or removed.
    public var tickets: Set<String> = []
    /// Other changed paths, such as `settings/sla.json` or `kb/reset-vpn-token.md`.
    public var otherPaths: [String] = []
    public var rebuilt = false

    public var isEmpty: Bool { tickets.isEmpty && otherPaths.isEmpty && !rebuilt }
    public var settingsChanged: Bool { otherPaths.contains { $0.hasPrefix("settings/") } }
    public var knowledgeBaseChanged: Bool { otherPaths.contains { $0.hasPrefix("kb/") } }
}

extension TicketIndex {
    /// Returns whether `path` is a ticket file: Markdown under `tickets/`, outside the `<ID>.files/` attachment folders.
    public static func isTicketPath(_ path: String) -> Bool {
        path.hasPrefix("tickets/") && path.hasSuffix(".md") && !path.contains(".files/")
    }
}
