import Foundation

/// The rules that keep a ticket's timestamps and SLA fields consistent as it changes.
///
/// SLA fields follow the SLA engine: targets are set at creation; on-hold statuses pause both
/// clocks; a priority change recomputes the targets from the creation time under the new
/// priority, keeping the paused time; resolving stops the clocks and reopening restarts them.
/// Without `settings/sla.json` the due times stay empty.
struct TicketLifecycle: Sendable {
    let settings: HelpdeskSettings
    let now: @Sendable () -> Date

    private var engine: SLAEngine? {
        settings.sla.map { SLAEngine(settings: $0, clock: HelpdeskSLAClock(now: now)) }
    }

    /// Sets the times and SLA targets of a new ticket.
    func ticketCreated(_ ticket: inout Ticket, at time: Date) {
        ticket.createdAt = time
        ticket.updatedAt = time
        guard let engine else { return }
        let state = engine.created(
            ticketType: ticket.ticketType.rawValue, priority: SLAPriority(ticket.priority),
            organizationId: ticket.organizationId, status: ticket.status, at: time)
        ticket.apply(state)
    }

    /// Records resolution and closing times and pauses or resumes the SLA clocks.
    func statusChanged(_ ticket: inout Ticket, from previous: String, at time: Date) {
        let closed = BuiltInStatus.closed.rawValue
        ticket.closedAt = ticket.status == closed ? time : nil
        if let engine {
            var before = ticket.slaState
            before.status = previous
            ticket.apply(engine.statusChanged(before, to: ticket.status, at: time))
        } else {
            applyResolutionWithoutSLA(&ticket, at: time)
        }
    }

    private func applyResolutionWithoutSLA(_ ticket: inout Ticket, at time: Date) {
        switch ticket.status {
        case BuiltInStatus.resolved.rawValue, BuiltInStatus.closed.rawValue:
            ticket.resolvedAt = ticket.resolvedAt ?? time
        default:
            ticket.resolvedAt = nil
        }
    }

    /// Recomputes the targets under the new priority, keeping accumulated paused time.
    func priorityChanged(_ ticket: inout Ticket, from previous: Priority, at time: Date) {
        guard let engine else { return }
        var before = ticket.slaState
        before.priority = SLAPriority(previous)
        ticket.apply(engine.priorityChanged(before, to: SLAPriority(ticket.priority), at: time))
    }

    /// Recomputes the targets after a change of ticket type or organization, which can select another policy.
    func policyInputsChanged(_ ticket: inout Ticket) {
        guard let engine else { return }
        ticket.apply(engine.recomputingDueTimes(ticket.slaState))
    }

    /// The first public reply by a person on staff is the first response.
    func publicAgentReply(_ ticket: inout Ticket, at time: Date) {
        if let engine {
            ticket.apply(engine.publicAgentReply(ticket.slaState, at: time))
        } else if ticket.firstRespondedAt == nil {
            ticket.firstRespondedAt = time
        }
    }
}

/// Feeds the helpdesk's clock to the SLA engine.
struct HelpdeskSLAClock: SLAClock {
    let source: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date) {
        source = now
    }

    func now() -> Date { source() }
}

extension SLAPriority {
    init(_ priority: Priority) {
        self = SLAPriority(rawValue: priority.rawValue) ?? .medium
    }
}

extension Ticket {
    /// The ticket's SLA fields as the SLA engine reads them.
    public var slaState: SLAState {
        SLAState(
            createdAt: createdAt, priority: SLAPriority(priority), ticketType: ticketType.rawValue,
            organizationId: organizationId, status: status, firstResponseDueAt: firstResponseDueAt,
            resolutionDueAt: resolutionDueAt, firstRespondedAt: firstRespondedAt, resolvedAt: resolvedAt,
            slaBreached: slaBreached, slaPausedAt: slaPausedAt, slaPausedMinutes: slaPausedMinutes)
    }

    /// Copies the SLA fields of `state` into the ticket.
    mutating func apply(_ state: SLAState) {
        firstResponseDueAt = state.firstResponseDueAt
        resolutionDueAt = state.resolutionDueAt
        firstRespondedAt = state.firstRespondedAt
        resolvedAt = state.resolvedAt
        slaBreached = state.slaBreached
        slaPausedAt = state.slaPausedAt
        slaPausedMinutes = state.slaPausedMinutes
    }
}

extension Helpdesk {
    var lifecycle: TicketLifecycle { TicketLifecycle(settings: settings, now: clock) }

    /// An SLA engine for the current settings, or nil without `settings/sla.json`.
    public var slaEngine: SLAEngine? {
        settings.sla.map { SLAEngine(settings: $0, clock: HelpdeskSLAClock(now: clock)) }
    }
}
