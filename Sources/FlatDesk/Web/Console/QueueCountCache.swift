import Foundation
import Synchronization

/// Sidebar queue counts per viewer, reused while the index stays at the same commit.
///
/// Counting every queue walks the open tickets once per queue, which at 100,000 tickets costs far
/// more than rendering the page itself. The counts only change when the index moves, except for
/// "Breaching soon", which moves with time, so entries also expire after `maximumAge` seconds.
final class QueueCountCache: Sendable {
    private struct Entry {
        var commit: GitOID?
        var createdAt: Date
        var counts: [String: Int]
    }

    private let entries = Mutex<[String: Entry]>([:])
    let maximumAge: TimeInterval

    init(maximumAge: TimeInterval = 15) {
        self.maximumAge = maximumAge
    }

    /// The cached counts of `viewer` at `commit`, or the ones `compute` returns, which are then cached.
    func counts(viewer: String, commit: GitOID?, now: Date = Date(), compute: () -> [String: Int]) -> [String: Int] {
        if let entry = entries.withLock({ $0[viewer] }), entry.commit == commit, now.timeIntervalSince(entry.createdAt) < maximumAge {
            return entry.counts
        }
        let fresh = compute()
        entries.withLock { all in
            if all.count > 1000 { all.removeAll() }
            all[viewer] = Entry(commit: commit, createdAt: now, counts: fresh)
        }
        return fresh
    }
}
