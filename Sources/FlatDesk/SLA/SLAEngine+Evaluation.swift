import Foundation

extension SLAEngine {
    /// Checks the targets at `at` without changing anything, so evaluating twice gives the same result.
    ///
    /// A pending target is breached once the instant is past its due time. A met target is breached when it
    /// was met after its due time. While paused nothing is breached or warned, and `nextWakeUp` is nil because
    /// the due times move when the pause ends. Because a target is breached only after its due time and times
    /// are whole seconds, the wake-up for a breach is one second after the due time.
    ///
    /// NOTE: `warnings` lists every target inside its warning window, and the ticket has no field recording a
    /// sent warning, so a notifier that should warn once must do so when woken at the warning instant.
    public func evaluate(_ state: SLAState, at time: Date? = nil) -> SLAEvaluation {
        guard !state.isPaused else {
            return SLAEvaluation(breachedNow: [], shouldSetBreached: false, warnings: [], nextWakeUp: nil)
        }
        let now = instant(time)
        let clock = policy(for: state).clock
        var breached: [SLATarget] = []
        var warnings: [SLATarget] = []
        var wakeUps: [Date] = []
        for target in SLATarget.allCases {
            guard let due = state.dueAt(target) else { continue }
            if let metAt = state.metAt(target) {
                if metAt > due { breached.append(target) }
            } else if now > due {
                breached.append(target)
            } else {
                wakeUps.append(due.addingTimeInterval(1))
                if let warningAt = warningInstant(before: due, clock: clock) {
                    if now >= warningAt { warnings.append(target) } else { wakeUps.append(warningAt) }
                }
            }
        }
        return SLAEvaluation(
            breachedNow: breached, shouldSetBreached: !state.slaBreached && !breached.isEmpty,
            warnings: warnings, nextWakeUp: wakeUps.min())
    }

    /// Returns the next target, the time left in the policy's clock and the flags a ticket view shows.
    ///
    /// While paused the time left is frozen at the pause start.
    public func countdown(_ state: SLAState, at time: Date? = nil) -> SLACountdown {
        let clock = policy(for: state).clock
        let reference = state.slaPausedAt ?? instant(time)
        let metLate = SLATarget.allCases.contains { target in
            guard let metAt = state.metAt(target), let due = state.dueAt(target) else { return false }
            return metAt > due
        }
        let pending = SLATarget.allCases.first { state.metAt($0) == nil && state.dueAt($0) != nil }
        guard let target = pending, let due = state.dueAt(target) else {
            return SLACountdown(
                target: nil, dueAt: nil, remainingSeconds: nil, isOverdue: false, isPaused: state.isPaused,
                isBreached: state.slaBreached || metLate, isBreachingSoon: false, isBusinessTime: clock.isBusinessTime)
        }
        let remaining = clock.elapsedSeconds(from: reference, to: due)
        let overdue = reference > due
        let soon = !state.isPaused && !overdue && remaining <= settings.breachingSoonMinutes * 60
        return SLACountdown(
            target: target, dueAt: due, remainingSeconds: remaining, isOverdue: overdue, isPaused: state.isPaused,
            isBreached: state.slaBreached || metLate || overdue, isBreachingSoon: soon,
            isBusinessTime: clock.isBusinessTime)
    }

    /// Returns the instant `warningMinutesBeforeDue` of the policy's clock before `due`, or nil when warnings
    /// are disabled.
    private func warningInstant(before due: Date, clock: SLAPolicy.Clock) -> Date? {
        let minutes = settings.warningMinutesBeforeDue
        guard minutes > 0 else { return nil }
        return clock.adding(minutes: -minutes, to: due)
    }
}
