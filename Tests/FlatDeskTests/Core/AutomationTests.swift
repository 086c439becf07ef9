import Foundation
import Testing

@testable import FlatDesk

/// The sample's rules: Network → team network, MSP clients → msp-contoso, the rest → tier1,
/// and an SLA breach escalates with a note.
@Suite struct AutomationTests {
    func helpdesk(_ clock: ManualSLAClock? = nil) throws -> (Helpdesk, AutomationEngine) {
        let path = try TestSupport.sampleHelpdesk(bare: true)
        let now: @Sendable () -> Date
        if let clock {
            now = { clock.now() }
        } else {
            now = { Date() }
        }
        let helpdesk = try Helpdesk(path: path, clock: now)
        return (helpdesk, AutomationEngine(helpdesk: helpdesk))
    }

    func create(_ helpdesk: Helpdesk, requester: String, category: String? = nil) throws -> Ticket {
        var draft = NewTicket(subject: "Routing check", text: "t", requester: requester)
        draft.category = category
        let created = try helpdesk.createTicket(draft, actor: TestSupport.agent)
        return try helpdesk.ticket(created.id).ticket
    }

    @Test func sampleRulesParseWithoutProblems() throws {
        let (helpdesk, engine) = try helpdesk()
        #expect(engine.rules.count >= 4)
        #expect(helpdesk.settingsProblems.isEmpty)
    }

    @Test func networkTicketsGoToTheNetworkTeam() throws {
        let (helpdesk, engine) = try helpdesk()
        defer { withExtendedLifetime(engine) {} }
        #expect(try create(helpdesk, requester: "tom.baker@northwind.example", category: "Network").team == "network")
    }

    @Test func mspClientsGoToTheirTeam() throws {
        let (helpdesk, engine) = try helpdesk()
        defer { withExtendedLifetime(engine) {} }
        #expect(try create(helpdesk, requester: "someone@contoso.example").team == "msp-contoso")
    }

    @Test func everythingElseGoesToTierOne() throws {
        let (helpdesk, engine) = try helpdesk()
        defer { withExtendedLifetime(engine) {} }
        let ticket = try create(helpdesk, requester: "tom.baker@northwind.example", category: "Printing")
        #expect(ticket.team == "tier1")
        let log = try TestSupport.git(["--git-dir", helpdesk.store.path, "log", "-1", "--format=%an|%s"], in: helpdesk.store.path)
        #expect(log.hasPrefix("FlatDesk|\(ticket.id): team null → tier1"))
    }

    @Test func breachEscalatesWithANote() throws {
        let clock = ManualSLAClock(SLAIntegrationTests.mondayMorning)
        let (helpdesk, engine) = try helpdesk(clock)
        defer { withExtendedLifetime(engine) {} }
        var draft = NewTicket(subject: "Switch down", text: "t", requester: "tom.baker@northwind.example")
        draft.priority = .high
        let ticket = try helpdesk.createTicket(draft, actor: TestSupport.agent)
        clock.advance(by: 2 * 3600)
        #expect(try helpdesk.recordSLABreach(ticket.id) == [.firstResponse])
        let after = try helpdesk.ticket(ticket.id).ticket
        #expect(after.status == "escalated")
        #expect(after.entries.contains { $0.kind == .note && $0.text.contains("escalated") })
    }

    @Test func invalidRulesAreReported() {
        let text = """
            {"rules": [{"id": "a", "trigger": "ticket.exploded"}, {"id": "b", "trigger": "ticket.created", "actions": [{"type": "teleport"}]},
                       {"id": "c", "trigger": "ticket.created", "conditions": [{"field": "priority", "op": "resembles", "value": "high"}]}]}
            """
        let (rules, problems) = AutomationRules.parse(Array(text.utf8))
        #expect(rules.isEmpty)
        #expect(problems.map(\.message) == [
            "rules[0]: a: invalid trigger 'ticket.exploded' (expected one of ticket.created, ticket.updated, status.changed, reply.received, sla.warning, sla.breached)",
            "rules[1]: b: invalid action type 'teleport' (expected one of setField, assignTeam, assignAgent, addFollower, addNote, escalate, notify, callWebhook)",
            "rules[2]: c: invalid op 'resembles' (expected one of equals, notEquals, in, contains)",
        ])
    }
}
