import Foundation
import Synchronization

/// The in-memory index of every ticket at the branch head: lookup by id, queues, counts.
///
/// It is built once from HEAD and then follows the branch by diffing the indexed tree against
/// the new head, whoever moved it (FlatDesk itself, a `git push`, a hand commit).
public final class TicketIndex: Sendable {
    private let store: GitStore
    private let logger: Logger
    let state = Mutex(IndexState())
    /// Serializes builds and refreshes so that two never apply the same diff twice.
    private let updateLock = Mutex(())

    public init(store: GitStore, logger: Logger = Logger(label: "flatdesk.index")) {
        self.store = store
        self.logger = logger
    }

    /// The commit the index reflects, or nil before the first build.
    public var indexedCommit: GitOID? { state.withLock { $0.commit } }

    /// Number of tickets indexed.
    public var count: Int { state.withLock { $0.byID.count } }

    /// Files under `tickets/` that could not be read, with the reasons.
    public var problems: [FileProblem] { state.withLock { $0.problems.values.flatMap { $0 } } }

    /// The highest ticket number indexed.
    public var highestNumber: Int { state.withLock { $0.highestNumber } }

    /// The indexed ticket with `id`.
    public func ticket(_ id: String) -> IndexedTicket? {
        state.withLock { $0.byID[id] }
    }

    /// Every indexed ticket, in no particular order.
    public func allTickets() -> [IndexedTicket] {
        state.withLock { Array($0.byID.values) }
    }

    /// Builds the index from the head of the branch, replacing what it held.
    /// - Parameter statuses: the status ids the helpdesk allows, or nil to accept any.
    @discardableResult
    public func build(statuses: Set<String>? = nil) throws -> IndexChanges {
        try updateLock.withLock { _ in
            let started = Date()
            let (commit, files) = try store.read { snapshot in
                (snapshot.commit, try snapshot.files(under: "tickets").filter { $0.path.hasSuffix(".md") })
            }
            let loaded = try TicketLoader(storePath: store.path, statuses: statuses).load(files)
            var fresh = IndexState()
            fresh.commit = commit
            for result in loaded { fresh.apply(result) }
            fresh.sortBuckets()
            state.withLock { $0 = fresh }
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            logger.info("index built", ["tickets": "\(fresh.byID.count)", "problems": "\(fresh.problems.count)", "duration_ms": "\(milliseconds)"])
            return IndexChanges(commit: commit, tickets: Set(fresh.byID.keys), otherPaths: [], rebuilt: true)
        }
    }

    /// Brings the index up to the head of the branch by applying the tree diff since the indexed commit.
    /// - Returns: what changed; empty when the branch has not moved.
    @discardableResult
    public func refresh(statuses: Set<String>? = nil) throws -> IndexChanges {
        try updateLock.withLock { _ in
            let previous = state.withLock { $0.commit }
            let head = try store.head()
            guard head != previous, let head else { return IndexChanges(commit: previous) }
            let deltas = try store.diff(from: previous, to: head)
            let ticketDeltas = deltas.filter { $0.path.hasPrefix("tickets/") && $0.path.hasSuffix(".md") }
            let loader = TicketLoader(storePath: store.path, statuses: statuses)
            let added = try loader.load(ticketDeltas.compactMap { delta in delta.newOID.map { (delta.path, $0) } })
            let changedIDs = state.withLock { current -> Set<String> in
                var ids = Set<String>()
                for delta in ticketDeltas where delta.status == .deleted {
                    if let id = current.remove(path: delta.path) { ids.insert(id) }
                }
                for result in added { ids.formUnion(current.replace(result)) }
                current.commit = head
                return ids
            }
            let others = deltas.map(\.path).filter { !$0.hasPrefix("tickets/") || !$0.hasSuffix(".md") }
            return IndexChanges(commit: head, tickets: changedIDs, otherPaths: others, rebuilt: false)
        }
    }
}

/// What an index update changed.
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
