import Foundation

extension SLAEngine {
    /// Applies a status change and returns the updated state.
    ///
    /// The previous status is not needed: `slaPausedAt` and `resolvedAt` record whether the ticket was on hold
    /// or resolved. The rules:
    /// - Entering an on-hold status sets `slaPausedAt`. Moving between two on-hold statuses continues the
    ///   same pause.
    /// - Leaving on-hold adds the paused time, in minutes of the policy's clock with a started minute counted
    ///   as whole, to `slaPausedMinutes`, which moves both due times later by the same amount.
    /// - Entering `resolved` or `closed` sets `resolvedAt` (kept when going from `resolved` to `closed`) and
    ///   ends a running pause.
    /// - Reopening (leaving `resolved` or `closed` for any other status) clears `resolvedAt` and adds the time
    ///   spent resolved to `slaPausedMinutes`, so the remaining time is what was left when it was resolved.
    public func statusChanged(_ state: SLAState, to newStatus: String, at time: Date? = nil) -> SLAState {
        let now = instant(time)
        let clock = policy(for: state).clock
        let resolves = settings.statuses.isResolved(newStatus)
        let holds = settings.statuses.isOnHold(newStatus)
        var updated = state
        updated.status = newStatus
        if let resolvedAt = state.resolvedAt, !resolves {
            updated.slaPausedMinutes += clock.elapsedMinutesRoundedUp(from: resolvedAt, to: now)
            updated.resolvedAt = nil
        }
        if let pausedAt = state.slaPausedAt, !holds {
            updated.slaPausedMinutes += clock.elapsedMinutesRoundedUp(from: pausedAt, to: now)
            updated.slaPausedAt = nil
        }
        if resolves, updated.resolvedAt == nil { updated.resolvedAt = now }
        if holds, updated.slaPausedAt == nil { updated.slaPausedAt = now }
        guard updated.slaPausedMinutes != state.slaPausedMinutes else { return updated }
        return recomputingDueTimes(updated)
    }

    /// Applies a priority change and returns the updated state.
    ///
    /// Both due times are recomputed from the original `createdAt` with the targets of the new priority under
    /// the policy it resolves to (an override may pick another policy), plus the paused minutes accumulated so
    /// far. A running pause continues. If the new policy measures time with another clock (calendar instead
    /// of business hours, or another calendar), the part of the running pause before `at` is added in the old
    /// policy's minutes and the pause restarts at `at`. Time spent resolved is measured on reopening, in the
    /// clock in force then. A breach already recorded in `slaBreached` stays recorded even if the new due
    /// times are later.
    public func priorityChanged(_ state: SLAState, to newPriority: SLAPriority, at time: Date? = nil) -> SLAState {
        let oldClock = policy(for: state).clock
        var updated = state
        updated.priority = newPriority
        let newClock = policy(for: updated).clock
        if let pausedAt = state.slaPausedAt, oldClock.identity != newClock.identity {
            let now = max(instant(time), pausedAt)
            updated.slaPausedMinutes += oldClock.elapsedMinutesRoundedUp(from: pausedAt, to: now)
            updated.slaPausedAt = now
        }
        return recomputingDueTimes(updated)
    }
}
