import Foundation
import Synchronization

/// Polls the branch head and refreshes the helpdesk when anything else moved it: a `git push`,
/// a hand commit, another FlatDesk process. Reading one reference is cheap, so it polls.
public final class BranchFollower: Sendable {
    private let helpdesk: Helpdesk
    private let interval: TimeInterval
    private let running = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)
    /// Problems already logged, so that each broken file is reported once, when it first appears.
    private let reported = Mutex<Set<String>>([])

    public init(helpdesk: Helpdesk, interval: TimeInterval = 0.5) {
        self.helpdesk = helpdesk
        self.interval = interval
    }

    /// Starts polling on a thread of its own.
    public func start() {
        guard running.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return }
        Thread.detachNewThread { [self] in
            reportNewProblems()
            while running.load(ordering: .acquiring) {
                poll()
                Thread.sleep(forTimeInterval: interval)
            }
            stopped.signal()
        }
    }

    /// Stops polling and waits for the thread to finish.
    public func stop() {
        guard running.compareExchange(expected: true, desired: false, ordering: .releasing).exchanged else { return }
        stopped.wait()
    }

    private func poll() {
        do {
            guard try helpdesk.store.head() != helpdesk.index.indexedCommit else { return }
            let changes = try helpdesk.refresh()
            if !changes.isEmpty {
                helpdesk.logger.info("branch moved outside this process", ["git.oid": changes.commit?.hex ?? "", "tickets": "\(changes.tickets.count)"])
                reportNewProblems()
            }
        } catch {
            helpdesk.logger.error("following the branch failed", ["error": "\(error)"])
        }
    }

    /// Logs each unreadable ticket file that the last refresh found and that was not reported before,
    /// in the `path:line: error: …` form of `flatdesk check`, since the index leaves such a file out.
    private func reportNewProblems() {
        let current = helpdesk.index.problems.map(\.description) + helpdesk.settingsProblems.map(\.description)
        let fresh = reported.withLock { seen -> [String] in
            let fresh = current.filter { !seen.contains($0) }
            seen = Set(current)
            return fresh
        }
        for problem in fresh {
            helpdesk.logger.warning("unreadable file left out of the index; fix it and commit", ["problem": problem])
        }
    }
}
