import Foundation

extension SLAScheduler {
    /// Starts the scheduler's thread: it catches up once, then sleeps until each next wake-up.
    public func start() {
        guard running.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return }
        let recorded = catchUp()
        helpdesk.logger.info("SLA scheduler started", ["sla.caught_up": "\(recorded.count)", "sla.scheduled": "\(scheduledCount)"])
        Thread.detachNewThread { [self] in
            while running.load(ordering: .acquiring) {
                runDue()
                sleepUntilNextWakeUp()
            }
            stopped.signal()
        }
    }

    /// Stops the thread and waits for it to finish its current step.
    public func stop() {
        guard running.compareExchange(expected: true, desired: false, ordering: .releasing).exchanged else { return }
        condition.lock()
        condition.signal()
        condition.unlock()
        stopped.wait()
    }

    /// Sleeps until the earliest wake-up (at most a minute, so clock changes are noticed) or until signalled.
    private func sleepUntilNextWakeUp() {
        let now = helpdesk.now()
        let next = nextWakeUp ?? now.addingTimeInterval(60)
        let seconds = min(60, max(0.05, next.timeIntervalSince(now)))
        condition.lock()
        if running.load(ordering: .acquiring), !hasPendingChanges {
            _ = condition.wait(until: Date().addingTimeInterval(seconds))
        }
        condition.unlock()
    }
}
