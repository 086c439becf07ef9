import Foundation

/// A named work queue of the agent console: a base filter and order over the ticket index.
///
/// The statuses `new` and `processing` belong to intake and are left out of every queue.
struct ConsoleQueue: Sendable {
    /// The name used in `/console/queues/:name`, such as `mine` or `team-network`.
    var name: String
    var title: String
    /// The filter and default order; the queue page adds the viewer's filters, sort and page.
    var query: TicketQuery

    static let defaultName = "mine"

    /// Returns the queues shown to `viewer`, in sidebar order.
    static func all(settings: HelpdeskSettings, viewer: Viewer, now: Date) -> [ConsoleQueue] {
        let open = openStatuses(settings)
        var queues = [
            make("mine", "My open", statuses: open) { $0.assignees = [viewer.email] },
            make("unassigned", "Unassigned", statuses: open) { $0.assignees = [""] },
        ]
        for team in settings.teams {
            queues.append(make("team-\(team.id)", "Team: \(team.name)", statuses: open) { $0.teams = [team.id] })
        }
        queues += [
            make("escalated", "Escalated", statuses: [BuiltInStatus.escalated.rawValue]),
            make("on-hold", "On hold", statuses: settings.onHoldStatuses),
            breachingSoon(settings: settings, now: now),
            make("open", "All open", statuses: open),
            make("resolved", "Recently resolved", statuses: closedStatuses) {
                $0.order = .updated
                $0.descending = true
            },
        ]
        return queues
    }

    static let closedStatuses: Set<String> = [BuiltInStatus.resolved.rawValue, BuiltInStatus.closed.rawValue]

    /// Returns every status of open work: all statuses but intake, resolved and closed ones.
    static func openStatuses(_ settings: HelpdeskSettings) -> Set<String> {
        Set(settings.allStatuses).subtracting(BuiltInStatus.intakeStatuses).subtracting(closedStatuses)
    }

    /// Open tickets whose next due time is within `breachingSoonMinutes` or already past.
    ///
    /// On-hold tickets are left out because their SLA clocks are paused.
    private static func breachingSoon(settings: HelpdeskSettings, now: Date) -> ConsoleQueue {
        // NOTE: the window counts wall-clock minutes, while the SLA countdown counts minutes of the
        // policy's clock, so a business-hours ticket due after a night or weekend may be missing here.
        let minutes = settings.sla?.breachingSoonMinutes ?? SLASettings.defaultBreachingSoonMinutes
        let statuses = openStatuses(settings).subtracting(settings.onHoldStatuses)
        return make("breaching-soon", "Breaching soon", statuses: statuses) {
            $0.dueBefore = now.addingTimeInterval(TimeInterval(minutes * 60))
        }
    }

    private static func make(
        _ name: String, _ title: String, statuses: Set<String>, configure: (inout TicketQuery) -> Void = { _ in }
    ) -> ConsoleQueue {
        var query = TicketQuery()
        query.statuses = statuses.subtracting(BuiltInStatus.intakeStatuses)
        configure(&query)
        return ConsoleQueue(name: name, title: title, query: query)
    }
}
