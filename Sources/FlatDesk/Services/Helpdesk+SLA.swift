import Foundation

extension Helpdesk {
    /// Sets `slaBreached` on a ticket whose target has passed unmet, in one commit by the helpdesk's bot.
    /// - Returns: the breached targets, or an empty list when nothing was due (already set, met, or paused).
    @discardableResult
    public func recordSLABreach(_ id: String) throws -> [SLATarget] {
        guard let engine = slaEngine else { return [] }
        let time = now()
        let bot = Actor.system(settings.profile)
        var breached: [SLATarget] = []
        var written: Ticket?
        try store.commit(author: identity(bot, at: time), committer: committer(at: time)) { snapshot in
            let path = index.ticket(id)?.path ?? Ticket.path(for: id)
            var (ticket, _) = try readTicket(id, path: path, snapshot: snapshot)
            let evaluation = engine.evaluate(ticket.slaState, at: time)
            guard evaluation.shouldSetBreached else { return nil }
            breached = evaluation.breachedNow
            ticket.slaBreached = true
            let names = breached.map(Self.targetName).joined(separator: " and ")
            appendEvent(&ticket, "SLA breached: \(names) target missed.", actor: bot, at: time)
            written = ticket
            return CommitPlan(message: "\(id): slaBreached false → true", changes: [FileChange(path: path, contents: TicketCodec.encode(ticket))])
        }
        guard let written else { return [] }
        try refresh()
        logger.info("SLA breached", ["ticket.id": id, "sla.targets": breached.map(Self.targetName).joined(separator: ",")])
        notify(.slaBreached(written, targets: breached))
        return breached
    }

    static func targetName(_ target: SLATarget) -> String {
        switch target {
        case .firstResponse: "first response"
        case .resolution: "resolution"
        }
    }
}
