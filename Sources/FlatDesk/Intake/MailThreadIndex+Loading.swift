import Foundation

extension MailThreadIndex {
    /// Fills the map from `cache` and the tickets changed since its commit, else from every ticket file,
    /// then saves the cache for the indexed commit.
    func load(cache: MailThreadIndexCache?) throws {
        let commit = helpdesk.index.indexedCommit
        if let cache, let saved = cache.load(), let changed = changedTickets(since: saved.commit, to: commit) {
            state.withLock { $0.received = saved.received }
            try rescan(changed)
        } else {
            let found = try Self.scanAll(helpdesk)
            state.withLock { $0.received = found }
        }
        guard let cache, let commit else { return }
        do {
            try cache.save(commit: commit, received: state.withLock { $0.received })
        } catch {
            helpdesk.logger.warning(
                "saving the Message-ID cache failed", ["path": cache.path, "error": error.description])
        }
    }

    /// Returns the ids of the tickets whose files changed between two commits, or nil when the diff cannot be
    /// made, such as for a commit that no longer exists after history was rewritten.
    private func changedTickets(since old: GitOID, to new: GitOID?) -> [String]? {
        guard let new else { return nil }
        guard old != new else { return [] }
        guard let deltas = try? helpdesk.store.diff(from: old, to: new) else { return nil }
        let idsByPath = Dictionary(
            helpdesk.index.allTickets().map { ($0.path, $0.id) }, uniquingKeysWith: { first, _ in first })
        return deltas.filter { $0.status != .deleted }.compactMap { idsByPath[$0.path] }
    }

    /// Reads the Message-IDs of every indexed ticket, in parallel with one libgit2 handle per worker.
    static func scanAll(_ helpdesk: Helpdesk) throws -> [String: String] {
        let tickets = helpdesk.index.allTickets()
        guard !tickets.isEmpty else { return [:] }
        let workers = tickets.count < 256 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunkSize = (tickets.count + workers - 1) / workers
        let results = MailScanResults(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let chunk = tickets[min(tickets.count, worker * chunkSize)..<min(tickets.count, (worker + 1) * chunkSize)]
            results.store(worker, Result { try scan(chunk, storePath: helpdesk.store.path) })
        }
        return try results.merged()
    }

    private static func scan(_ tickets: ArraySlice<IndexedTicket>, storePath: String) throws -> [String: String] {
        let repository = try GitRepository.open(storePath)
        var found: [String: String] = [:]
        for ticket in tickets {
            for messageID in messageIDs(inTicketFile: try repository.blobContents(ticket.blob)) {
                found[messageID] = ticket.id
            }
        }
        return found
    }
}

/// Per-worker results of the parallel scan, filled from `concurrentPerform`.
private final class MailScanResults: @unchecked Sendable {
    private var slots: [Result<[String: String], any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ index: Int, _ result: Result<[String: String], any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func merged() throws -> [String: String] {
        var all: [String: String] = [:]
        for slot in slots {
            guard let slot else { continue }
            all.merge(try slot.get()) { first, _ in first }
        }
        return all
    }
}
