import Foundation

/// The SLA summary a ticket view shows: the next target and the time left.
public struct SLACountdown: Sendable, Hashable {
    /// The pending target that comes next (first response before resolution), or nil when both are met.
    public let target: SLATarget?
    /// When `target` is due.
    public let dueAt: Date?
    /// Seconds of the policy's clock left until `dueAt`, zero or negative once due; frozen at the pause start
    /// while paused. Nil when no target is pending.
    public let remainingSeconds: Int?
    /// Whether `dueAt` has passed (at the pause start, while paused).
    public let isOverdue: Bool
    /// Whether the SLA clocks are paused.
    public let isPaused: Bool
    /// Whether a target is breached now or was recorded as breached.
    public let isBreached: Bool
    /// Whether the pending target is not yet due but within `breachingSoonMinutes`; false while paused.
    public let isBreachingSoon: Bool
    /// Whether `remainingSeconds` counts business hours rather than every second.
    public let isBusinessTime: Bool

    /// Creates a countdown.
    public init(
        target: SLATarget?, dueAt: Date?, remainingSeconds: Int?, isOverdue: Bool, isPaused: Bool,
        isBreached: Bool, isBreachingSoon: Bool, isBusinessTime: Bool
    ) {
        self.target = target
        self.dueAt = dueAt
        self.remainingSeconds = remainingSeconds
        self.isOverdue = isOverdue
        self.isPaused = isPaused
        self.isBreached = isBreached
        self.isBreachingSoon = isBreachingSoon
        self.isBusinessTime = isBusinessTime
    }
}
