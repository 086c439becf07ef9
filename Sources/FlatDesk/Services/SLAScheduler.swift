import Foundation
import Synchronization

/// Wakes at the next SLA due or warning time in the index, records breaches and fires warnings.
///
/// It keeps a priority queue of each ticket's next wake-up and sleeps until the earliest one, so
/// it never scans every ticket periodically; index changes reschedule the tickets they touch and
/// wake it. On start it evaluates every ticket once, which records each breach that happened
/// while the server was down (once, because `slaBreached` is stored in the ticket).
///
/// NOTE: warnings are not caught up after a restart: a ticket already inside its warning window
/// at start-up is not warned again, since nothing in the ticket records a warning as sent.
public final class SLAScheduler: Sendable {
    let helpdesk: Helpdesk
    private let state = Mutex(SchedulerState())
    let condition = NSCondition()
    let running = Atomic<Bool>(false)
    let stopped = DispatchSemaphore(value: 0)

    struct SchedulerState {
        var queue = SLADueQueue()
        var dirty = Set<String>()
        var warned = Set<String>()
        var rescheduleAll = false
    }

    public init(helpdesk: Helpdesk) {
        self.helpdesk = helpdesk
        helpdesk.observe { [weak self] event in
            guard let self, case .indexChanged(let changes) = event else { return }
            self.noteChanges(changes)
        }
    }

    /// Number of tickets waiting in the queue.
    public var scheduledCount: Int { state.withLock { $0.queue.count } }

    /// The earliest scheduled wake-up.
    public var nextWakeUp: Date? { state.withLock { $0.queue.peek()?.dueAt } }

    /// Evaluates every ticket: records breaches that are due, marks current warnings as sent, fills the queue.
    /// - Returns: ids of tickets whose breach was recorded.
    @discardableResult
    public func catchUp() -> [String] {
        guard let engine = helpdesk.slaEngine else {
            state.withLock { $0.queue = SLADueQueue() }
            return []
        }
        let now = helpdesk.now()
        var queue = SLADueQueue()
        var due: [String] = []
        var warned = Set<String>()
        for indexed in helpdesk.index.allTickets() {
            let evaluation = engine.evaluate(indexed.ticket.slaState, at: now)
            if evaluation.shouldSetBreached { due.append(indexed.id) }
            for target in evaluation.warnings { warned.insert(Self.warningKey(indexed, target)) }
            if let wake = evaluation.nextWakeUp { queue.schedule(indexed.id, at: wake) }
        }
        state.withLock {
            $0.queue = queue
            $0.warned = warned
        }
        return due.filter(recordBreach)
    }

    /// Handles every wake-up that is due at the helpdesk's current time.
    /// - Returns: ids of tickets whose breach was recorded.
    @discardableResult
    public func runDue() -> [String] {
        applyPendingChanges()
        let now = helpdesk.now()
        let entries = state.withLock { $0.queue.popDue(now: now) }
        var recorded: [String] = []
        for entry in entries {
            if evaluate(entry.ticketID, at: now) { recorded.append(entry.ticketID) }
        }
        return recorded
    }

    /// Evaluates one ticket: records its breach, fires new warnings and schedules its next wake-up.
    private func evaluate(_ id: String, at now: Date) -> Bool {
        guard let engine = helpdesk.slaEngine, let indexed = helpdesk.index.ticket(id) else { return false }
        let evaluation = engine.evaluate(indexed.ticket.slaState, at: now)
        for target in evaluation.warnings where markWarned(indexed, target) {
            let dueAt = indexed.ticket.slaState.dueAt(target) ?? now
            helpdesk.notify(.slaWarning(indexed.ticket, target: target, dueAt: dueAt))
        }
        let recorded = evaluation.shouldSetBreached && recordBreach(id)
        if let wake = evaluation.nextWakeUp {
            state.withLock { $0.queue.schedule(id, at: wake) }
        }
        return recorded
    }

    private func markWarned(_ indexed: IndexedTicket, _ target: SLATarget) -> Bool {
        let key = Self.warningKey(indexed, target)
        return state.withLock { $0.warned.insert(key).inserted }
    }

    private static func warningKey(_ indexed: IndexedTicket, _ target: SLATarget) -> String {
        let due = indexed.ticket.slaState.dueAt(target).map(Timestamp.format) ?? "-"
        return "\(indexed.id)|\(target)|\(due)"
    }

    private func recordBreach(_ id: String) -> Bool {
        do {
            return try !helpdesk.recordSLABreach(id).isEmpty
        } catch {
            helpdesk.logger.error("recording an SLA breach failed", ["ticket.id": id, "error": "\(error)"])
            return false
        }
    }

    /// Reschedules tickets changed by an index update and wakes the scheduler thread.
    func noteChanges(_ changes: IndexChanges) {
        state.withLock { current in
            current.dirty.formUnion(changes.tickets)
            if changes.settingsChanged || changes.rebuilt { current.rescheduleAll = true }
        }
        condition.lock()
        condition.signal()
        condition.unlock()
    }

    var hasPendingChanges: Bool {
        state.withLock { !$0.dirty.isEmpty || $0.rescheduleAll }
    }

    private func applyPendingChanges() {
        let (ids, all) = state.withLock { current -> (Set<String>, Bool) in
            defer {
                current.dirty = []
                current.rescheduleAll = false
            }
            return (current.dirty, current.rescheduleAll)
        }
        if all {
            catchUp()
            return
        }
        let now = helpdesk.now()
        for id in ids {
            state.withLock { _ = $0.queue.remove(id) }
            _ = evaluate(id, at: now)
        }
    }
}
