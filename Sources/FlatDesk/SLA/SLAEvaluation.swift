import Foundation

/// The result of checking a ticket's SLA targets at one instant.
public struct SLAEvaluation: Sendable, Hashable {
    /// Targets that are breached at the evaluated instant, late or met late; empty while paused.
    public let breachedNow: [SLATarget]
    /// Whether the caller should set `slaBreached`: a target is breached and the flag is not yet set.
    public let shouldSetBreached: Bool
    /// Pending targets that are not breached but due within `warningMinutesBeforeDue`.
    public let warnings: [SLATarget]
    /// The earliest instant after the evaluated one at which a warning or breach starts, or nil if none will
    /// (every target met or breached, or the clocks paused until the next status change).
    public let nextWakeUp: Date?

    /// Creates an evaluation.
    public init(breachedNow: [SLATarget], shouldSetBreached: Bool, warnings: [SLATarget], nextWakeUp: Date?) {
        self.breachedNow = breachedNow
        self.shouldSetBreached = shouldSetBreached
        self.warnings = warnings
        self.nextWakeUp = nextWakeUp
    }

    /// Returns `state` with `slaBreached` set when this evaluation calls for it.
    public func applied(to state: SLAState) -> SLAState {
        guard shouldSetBreached else { return state }
        var updated = state
        updated.slaBreached = true
        return updated
    }
}
