import Foundation

/// Runs the rules of `settings/automations.json` when helpdesk events fire, in the server and in each CLI
/// command that changes tickets, so that the process making a change also applies its rules.
///
/// Actions are applied as the helpdesk's bot, in one commit for field changes plus one per note.
/// Changes made by automation never trigger `ticket.updated` or `status.changed` rules, so rules
/// cannot loop.
public final class AutomationEngine: Sendable {
    let helpdesk: Helpdesk

    public init(helpdesk: Helpdesk) {
        self.helpdesk = helpdesk
        helpdesk.observe { [weak self] event in self?.handle(event) }
    }

    func handle(_ event: HelpdeskEvent) {
        switch event {
        case .ticketCreated(let ticket, _):
            run(.ticketCreated, ticket)
        case .ticketUpdated(let old, let new, let actor) where !actor.isAutomation:
            run(.ticketUpdated, new)
            if old.status != new.status { run(.statusChanged, new) }
        case .entryAdded(let ticket, let entry, let actor) where entry.kind == .reply && !actor.isStaff:
            run(.replyReceived, ticket)
        case .slaBreached(let ticket, _):
            run(.slaBreached, ticket)
        case .slaWarning(let ticket, _, _):
            run(.slaWarning, ticket)
        default:
            return
        }
    }

    /// The rules currently configured.
    public var rules: [AutomationRule] {
        guard let bytes = helpdesk.settings.rawFiles["automations.json"] else { return [] }
        return AutomationRules.parse(bytes).rules
    }

    /// Runs every rule of `trigger` whose conditions hold for `ticket`.
    func run(_ trigger: AutomationRule.Trigger, _ ticket: Ticket) {
        var current = ticket
        for rule in rules where rule.trigger == trigger {
            guard rule.conditions.allSatisfy({ holds($0, current) }) else { continue }
            do {
                current = try apply(rule, to: current)
                helpdesk.logger.info("automation rule applied", ["automation.rule": rule.id, "ticket.id": ticket.id])
            } catch {
                helpdesk.logger.error("automation rule failed", ["automation.rule": rule.id, "ticket.id": ticket.id, "error": "\(error)"])
            }
            if rule.stopProcessing { break }
        }
    }

    /// Whether a condition holds for a ticket.
    func holds(_ condition: AutomationRule.Condition, _ ticket: Ticket) -> Bool {
        let actual = value(of: condition.field, in: ticket)
        switch condition.op {
        case .equals: return actual == condition.value
        case .notEquals: return actual != condition.value
        case .in: return condition.value.arrayValue?.contains(actual) ?? false
        case .contains:
            if let items = actual.arrayValue { return items.contains(condition.value) }
            guard let text = actual.stringValue, let part = condition.value.stringValue else { return false }
            return text.localizedCaseInsensitiveContains(part)
        }
    }

    private func value(of field: String, in ticket: Ticket) -> JSONValue {
        let settings = helpdesk.settings
        let organization = ticket.organizationId.flatMap { settings.organization($0) }
        switch field {
        case "organization.mspClient": return .bool(organization?.mspClient ?? false)
        case "organization.id": return ticket.organizationId.map(JSONValue.string) ?? .null
        case "requester.role": return .string(settings.person(ticket.requester)?.role.rawValue ?? Person.Role.customer.rawValue)
        default: return TicketCodec.knownKeys.contains(field) ? TicketCodec.headerValue(ticket, field) : .null
        }
    }
}
