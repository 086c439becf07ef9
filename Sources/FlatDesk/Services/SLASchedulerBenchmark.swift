import Foundation
import Synchronization

/// Measurements of the SLA scheduler on a real helpdesk, for `flatdesk bench`.
public enum SLASchedulerBenchmark {
    /// Time to evaluate every ticket's SLA state at start-up, as the scheduler does before it sleeps.
    public static func startup(_ helpdesk: Helpdesk) -> (seconds: Double, scheduled: Int, breachesRecorded: Int) {
        let scheduler = SLAScheduler(helpdesk: helpdesk)
        let started = DispatchTime.now()
        let recorded = scheduler.catchUp()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return (seconds, scheduler.scheduledCount, recorded.count)
    }

    /// Delays between a due time and the committed breach, with the scheduler thread sleeping on its queue.
    ///
    /// Each sample opens a ticket, moves its first-response due time to two seconds ahead with a
    /// hand-made commit (as an editor or another node would), and waits for the breach event. Breaches
    /// are recorded when the current second is past the due second, so the earliest possible breach is
    /// one second after the due time; both delays are reported.
    /// - Returns: per sample, seconds from the due time and from the first instant a breach is possible.
    public static func wakeUpDelays(_ helpdesk: Helpdesk, samples: Int = 5) throws -> [(fromDue: Double, fromEarliest: Double)] {
        let services = BackgroundServices(helpdesk: helpdesk)
        let breachedAt = Mutex<[String: Date]>([:])
        helpdesk.observe { event in
            if case .slaBreached(let ticket, _) = event { breachedAt.withLock { $0[ticket.id] = Date() } }
        }
        services.scheduler.start()
        defer { services.scheduler.stop() }
        var delays: [(Double, Double)] = []
        for _ in 0..<samples {
            let (id, due) = try ticketDueSoon(helpdesk)
            let deadline = Date().addingTimeInterval(30)
            while breachedAt.withLock({ $0[id] }) == nil, Date() < deadline { usleep(5_000) }
            guard let at = breachedAt.withLock({ $0[id] }) else { continue }
            delays.append((at.timeIntervalSince(due), at.timeIntervalSince(due.addingTimeInterval(1))))
        }
        return delays
    }

    private static func ticketDueSoon(_ helpdesk: Helpdesk) throws -> (String, Date) {
        let bot = Actor.system(helpdesk.settings.profile)
        var draft = NewTicket(subject: "Scheduler wake-up sample", text: "Measures the SLA scheduler.", requester: "bench@example.com")
        draft.priority = .urgent
        let created = try helpdesk.createTicket(draft, actor: bot)
        let due = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 2).rounded(.down))
        let path = helpdesk.index.ticket(created.id)?.path ?? Ticket.path(for: created.id)
        try helpdesk.store.commit(author: CommitIdentity(name: "Editor", email: "editor@example.com")) { snapshot in
            guard let bytes = try snapshot.read(path) else { return nil }
            var ticket = try TicketCodec.decode(bytes, path: path)
            ticket.firstResponseDueAt = due
            ticket.resolutionDueAt = due.addingTimeInterval(86_400)
            return CommitPlan(message: "\(created.id): move the first response due time", changes: [FileChange(path: path, contents: TicketCodec.encode(ticket))])
        }
        try helpdesk.refresh()
        return (created.id, due)
    }
}
