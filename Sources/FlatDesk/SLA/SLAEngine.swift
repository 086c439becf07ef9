import Foundation

/// Computes and updates the SLA fields of tickets under loaded settings.
///
/// Every transition takes the ticket's current `SLAState` and returns the updated one; nothing is stored.
/// An omitted `at` means the engine's clock's current time. All instants are truncated to whole seconds,
/// the precision of ticket files.
///
/// Due times are always derived, never shifted: `due = createdAt + target + slaPausedMinutes`, where `+`
/// counts in the policy's clock (open minutes of its calendar for a business policy, every minute for a
/// calendar policy). This keeps due times exact after any number of pauses and priority changes.
public struct SLAEngine: Sendable {
    /// The SLA settings in force.
    public let settings: SLASettings
    /// The source of the current time.
    public let clock: any SLAClock

    /// Creates an engine.
    public init(settings: SLASettings, clock: any SLAClock = SystemSLAClock()) {
        self.settings = settings
        self.clock = clock
    }

    /// Returns the policy that applies to the ticket's type, priority and organization.
    public func policy(for state: SLAState) -> SLAPolicy {
        settings.resolver.policy(
            ticketType: state.ticketType, priority: state.priority, organizationId: state.organizationId)
    }

    /// Returns the state of a new ticket, with both due times set from `createdAt` under the resolved policy.
    ///
    /// A ticket created in an on-hold status starts paused; one created resolved or closed starts resolved.
    public func created(
        ticketType: String, priority: SLAPriority, organizationId: String?, status: String = "new",
        at createdAt: Date? = nil
    ) -> SLAState {
        let now = instant(createdAt)
        var state = SLAState(
            createdAt: now, priority: priority, ticketType: ticketType, organizationId: organizationId,
            status: status)
        if settings.statuses.isOnHold(status) { state.slaPausedAt = now }
        if settings.statuses.isResolved(status) { state.resolvedAt = now }
        return recomputingDueTimes(state)
    }

    /// Records a public agent reply, which meets the first-response target if it is the first one.
    ///
    /// The caller decides what counts: internal notes and automatic acknowledgements do not.
    public func publicAgentReply(_ state: SLAState, at time: Date? = nil) -> SLAState {
        guard state.firstRespondedAt == nil else { return state }
        var updated = state
        updated.firstRespondedAt = instant(time)
        return updated
    }

    /// Returns `state` with both due times derived again from `createdAt`, the policy's targets for the
    /// current priority, and `slaPausedMinutes`.
    ///
    /// Call it after a change of ticket type or organization, or after the settings changed.
    public func recomputingDueTimes(_ state: SLAState) -> SLAState {
        let policy = policy(for: state)
        guard let targets = policy.targets[state.priority] else { return state }
        var updated = state
        let paused = max(0, state.slaPausedMinutes)
        updated.firstResponseDueAt = policy.clock.adding(
            minutes: targets.firstResponseMinutes + paused, to: state.createdAt)
        updated.resolutionDueAt = policy.clock.adding(minutes: targets.resolutionMinutes + paused, to: state.createdAt)
        return updated
    }

    /// Returns `time`, or the clock's current time when nil, truncated to whole seconds.
    func instant(_ time: Date?) -> Date {
        Date(timeIntervalSince1970: TimeInterval(BusinessCalendar.utcSeconds(time ?? clock.now())))
    }
}
