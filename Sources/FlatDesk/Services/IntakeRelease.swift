import Foundation

/// Moves tickets left in `new` or `processing` to `open`, so that agents see them.
///
/// Those two statuses belong to background triage jobs, which the console hides. This server runs no
/// triage job, so a ticket in either status (one written by hand, imported, or left by an earlier
/// process) would otherwise stay out of every queue. The move is one commit by the helpdesk's bot.
/// NOTE: when AI triage jobs exist, this must hand such tickets to them instead of opening them.
public final class IntakeRelease: Sendable {
    private let helpdesk: Helpdesk

    /// Creates the service and has it release the tickets that every later index change brings in.
    public init(helpdesk: Helpdesk) {
        self.helpdesk = helpdesk
        helpdesk.observe { [weak self] event in
            guard let self, case .indexChanged(let changes) = event else { return }
            self.release(changes.tickets)
        }
    }

    /// Releases every ticket that waits in an intake status now; the server calls this at start.
    public func releaseWaiting() {
        var query = TicketQuery()
        query.statuses = BuiltInStatus.intakeStatuses
        query.limit = 1_000_000
        release(helpdesk.index.query(query).tickets.map(\.id))
    }

    private func release<IDs: Sequence<String>>(_ ids: IDs) {
        let bot = Actor.system(helpdesk.settings.profile)
        for id in ids {
            guard let status = helpdesk.index.ticket(id)?.ticket.status, BuiltInStatus.intakeStatuses.contains(status) else {
                continue
            }
            do {
                _ = try helpdesk.update(id, edits: [.status(BuiltInStatus.open.rawValue)], actor: bot)
                helpdesk.logger.info("ticket released to agents", ["ticket.id": id, "status": status])
            } catch {
                helpdesk.logger.error("releasing a ticket to agents failed", ["ticket.id": id, "error": "\(error)"])
            }
        }
    }
}
