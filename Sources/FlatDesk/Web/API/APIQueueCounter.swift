import Foundation

/// One agent console queue and the number of tickets in it.
struct APIQueueCount: Sendable, Equatable {
    /// A stable identifier: `mine`, `unassigned`, `team:<team id>`, `escalated`, `on_hold`, `breaching_soon` or
    /// `all_open`.
    var id: String
    var name: String
    var count: Int
    /// The team id of a team queue.
    var team: String?
}

/// Counts the tickets in the agent console's queues with index queries.
///
/// Every queue counts open tickets only. Open means any status except `resolved` and `closed`, so tickets on
/// hold and escalated tickets are open too.
struct APIQueueCounter {
    let index: TicketIndex
    let settings: HelpdeskSettings
    /// The SLA engine that decides "breaching soon", or nil without `settings/sla.json`.
    let engine: SLAEngine?
    let now: Date

    /// The queues in console order, counted for `viewer`, whose open assigned tickets are "My open tickets".
    func queues(for viewer: Viewer) -> [APIQueueCount] {
        let open = openStatuses
        var queues = [
            APIQueueCount(id: "mine", name: "My open tickets", count: count(open) { $0.assignees = [viewer.email] }),
            APIQueueCount(id: "unassigned", name: "Unassigned", count: count(open) { $0.assignees = [""] }),
        ]
        for team in settings.teams {
            let count = count(open) { $0.teams = [team.id] }
            queues.append(APIQueueCount(id: "team:\(team.id)", name: team.name, count: count, team: team.id))
        }
        let escalated: Set<String> = [BuiltInStatus.escalated.rawValue]
        queues += [
            APIQueueCount(id: "escalated", name: "Escalated", count: count(escalated)),
            APIQueueCount(id: "on_hold", name: "On hold", count: count(settings.onHoldStatuses)),
            APIQueueCount(id: "breaching_soon", name: "Breaching soon", count: breachingSoonCount(open)),
            APIQueueCount(id: "all_open", name: "All open", count: count(open)),
        ]
        return queues
    }

    /// Every status of the helpdesk except `resolved` and `closed`.
    var openStatuses: Set<String> {
        let done: Set<String> = [BuiltInStatus.resolved.rawValue, BuiltInStatus.closed.rawValue]
        return Set(settings.allStatuses).subtracting(done)
    }

    /// The number of tickets with one of `statuses` that also match `refine`; the query asks for no rows.
    private func count(_ statuses: Set<String>, _ refine: (inout TicketQuery) -> Void = { _ in }) -> Int {
        var query = TicketQuery()
        query.statuses = statuses
        refine(&query)
        query.limit = 0
        return index.query(query).total
    }

    /// Open tickets not on hold whose next target is due within the SLA's `breachingSoonMinutes`.
    ///
    /// Remaining time is measured on the policy's clock, often business hours, so no due-time filter can
    /// preselect the tickets: each candidate is evaluated by the SLA engine.
    private func breachingSoonCount(_ open: Set<String>) -> Int {
        var query = TicketQuery()
        query.statuses = open.subtracting(settings.onHoldStatuses)
        query.limit = Int.max
        let tickets = index.query(query).tickets
        guard let engine else {
            let limit = now.addingTimeInterval(Double(SLASettings.defaultBreachingSoonMinutes * 60))
            return tickets.filter { ticket in ticket.nextDueAt.map { $0 > now && $0 <= limit } ?? false }.count
        }
        return tickets.filter { engine.countdown($0.ticket.slaState, at: now).isBreachingSoon }.count
    }
}
