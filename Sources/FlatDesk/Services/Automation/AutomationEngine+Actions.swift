import Foundation

extension AutomationEngine {
    /// Applies a rule's actions; returns the ticket as it is afterwards.
    func apply(_ rule: AutomationRule, to ticket: Ticket) throws -> Ticket {
        let bot = Actor.system(helpdesk.settings.profile)
        var edits: [TicketEdit] = []
        var notes: [String] = []
        for action in rule.actions {
            switch action.type {
            case "assignTeam": edits.append(.team(action.string("team")))
            case "assignAgent": edits.append(.assignee(action.string("agent") ?? action.string("assignee")))
            case "addFollower": if let email = action.string("email") { edits.append(.addFollower(email)) }
            case "escalate": edits.append(.status(BuiltInStatus.escalated.rawValue))
            case "setField": edits.append(try TicketEdit.parse(field: action.string("field") ?? "", value: action.string("value") ?? ""))
            case "addNote": if let text = action.string("text") { notes.append(text) }
            case "notify": notes.append(notificationNote(action, rule: rule))
            case "callWebhook": callWebhook(action, rule: rule, ticket: ticket)
            default: continue
            }
        }
        var result = ticket
        if !edits.isEmpty {
            result = try helpdesk.update(ticket.id, edits: edits, actor: bot).ticket
        }
        for note in notes {
            result = try helpdesk.addEntry(ticket.id, kind: .note, text: note, actor: bot).ticket
        }
        return result
    }

    /// An internal note recording who a `notify` action addressed, so the team sees it on the ticket.
    private func notificationNote(_ action: AutomationRule.Action, rule: AutomationRule) -> String {
        let target = action.string("to") ?? "the team"
        return "Automation \"\(rule.name)\" notified \(target)."
    }

    /// Posts the ticket as JSON to the action's `url` on a background queue; failures are logged.
    private func callWebhook(_ action: AutomationRule.Action, rule: AutomationRule, ticket: Ticket) {
        guard let url = action.string("url") else { return }
        let body = TicketJSON.encode(.object([
            ("rule", .string(rule.id)), ("trigger", .string(rule.trigger.rawValue)),
            ("ticket", TicketJSON.value(ticket, version: nil, includeThread: false)),
        ]))
        let client = OutboundHTTPClient()
        let logger = helpdesk.logger
        DispatchQueue.global().async {
            do {
                let request = OutboundHTTPRequest(
                    method: "POST", url: url, headers: ["Content-Type": "application/json"], body: Array(body.utf8))
                let response = try client.send(request)
                logger.info("automation webhook called", ["automation.rule": rule.id, "http.status": "\(response.status)"])
            } catch {
                logger.error("automation webhook failed", ["automation.rule": rule.id, "error": "\(error)"])
            }
        }
    }
}
