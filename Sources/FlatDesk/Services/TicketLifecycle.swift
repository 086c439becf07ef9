import Foundation

/// The rules that keep a ticket's timestamps and SLA fields consistent as it changes.
struct TicketLifecycle: Sendable {
    let settings: HelpdeskSettings

    /// Sets the fields of a new ticket.
    func ticketCreated(_ ticket: inout Ticket, at time: Date) {
        ticket.createdAt = time
        ticket.updatedAt = time
    }

    /// Records resolution and closing times, and clears them when the ticket is reopened.
    func statusChanged(_ ticket: inout Ticket, from previous: String, at time: Date) {
        let resolved = BuiltInStatus.resolved.rawValue
        let closed = BuiltInStatus.closed.rawValue
        switch ticket.status {
        case resolved:
            ticket.resolvedAt = time
            ticket.closedAt = nil
        case closed:
            ticket.resolvedAt = ticket.resolvedAt ?? time
            ticket.closedAt = time
        default:
            ticket.resolvedAt = nil
            ticket.closedAt = nil
        }
    }

    func priorityChanged(_ ticket: inout Ticket, at time: Date) {}

    /// The first public reply by a person on staff is the first response.
    func publicAgentReply(_ ticket: inout Ticket, at time: Date) {
        if ticket.firstRespondedAt == nil { ticket.firstRespondedAt = time }
    }
}

extension Helpdesk {
    var lifecycle: TicketLifecycle { TicketLifecycle(settings: settings) }
}
