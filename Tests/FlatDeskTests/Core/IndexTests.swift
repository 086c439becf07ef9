import Foundation
import Testing

@testable import FlatDesk

@Suite struct IndexTests {
    @Test func coldBuildReadsTheSample() throws {
        let helpdesk = try Helpdesk(path: try TestSupport.sampleHelpdesk(bare: true))
        #expect(helpdesk.index.count >= 20)
        #expect(helpdesk.index.problems.isEmpty)
        let types = Set(helpdesk.index.allTickets().map(\.ticket.ticketType))
        #expect(types == Set(TicketType.allCases))
    }

    @Test func queuesAreOrderedByDueTime() throws {
        let helpdesk = try Helpdesk(path: try TestSupport.sampleHelpdesk(bare: true))
        var query = TicketQuery()
        query.statuses = ["open", "in_progress", "escalated", "new"]
        let page = helpdesk.index.query(query)
        let dues = page.tickets.map { $0.nextDueAt ?? .distantFuture }
        #expect(dues == dues.sorted())
        #expect(page.total == page.tickets.count)
        #expect(page.tickets.allSatisfy { query.statuses?.contains($0.ticket.status) == true })
    }

    @Test func filtersAndPagesCombine() throws {
        let helpdesk = try Helpdesk(path: try TestSupport.emptyHelpdesk(bare: true))
        for index in 0..<30 {
            var draft = NewTicket(subject: "Ticket \(index)", text: "t", requester: "r\(index % 3)@example.com")
            draft.priority = index % 2 == 0 ? .high : .low
            draft.team = index % 3 == 0 ? "tier1" : nil
            try helpdesk.createTicket(draft, actor: TestSupport.agent)
        }
        var query = TicketQuery()
        query.priorities = [.high]
        query.limit = 4
        query.offset = 4
        query.order = .id
        let page = helpdesk.index.query(query)
        #expect(page.total == 15)
        #expect(page.tickets.map(\.id) == ["FD-9", "FD-11", "FD-13", "FD-15"])
        var byTeam = TicketQuery()
        byTeam.teams = ["tier1"]
        #expect(helpdesk.index.query(byTeam).total == 10)
        var unassignedTeam = TicketQuery()
        unassignedTeam.teams = [""]
        #expect(helpdesk.index.query(unassignedTeam).total == 20)
        var requester = TicketQuery()
        requester.requester = "r1@example.com"
        #expect(helpdesk.index.query(requester).total == 10)
        #expect(helpdesk.index.countsByStatus() == ["open": 30])
    }

    @Test func refreshFollowsCommitsMadeOutsideFlatDesk() throws {
        let path = try TestSupport.sampleHelpdesk()
        let helpdesk = try Helpdesk(path: path)
        let before = helpdesk.index.count
        let file = path + "/" + Ticket.path(for: "FD-2")
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"priority\": \"", with: "\"priority\": \"urgent\", \"x\": \"")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try TestSupport.git(["rm", "-q", Ticket.path(for: "FD-3")], in: path)
        try TestSupport.git(["commit", "-q", "-am", "Edit FD-2 and delete FD-3 by hand"], in: path)
        let changes = try helpdesk.refresh()
        #expect(changes.tickets == ["FD-2", "FD-3"])
        #expect(helpdesk.index.ticket("FD-2")?.ticket.priority == .urgent)
        #expect(helpdesk.index.ticket("FD-3") == nil)
        #expect(helpdesk.index.count == before - 1)
        #expect(try helpdesk.refresh().isEmpty)
    }

    @Test func brokenEditIsReportedThenFixed() throws {
        let path = try TestSupport.sampleHelpdesk()
        let helpdesk = try Helpdesk(path: path)
        let file = path + "/" + Ticket.path(for: "FD-4")
        let good = try String(contentsOfFile: file, encoding: .utf8)
        try good.replacingOccurrences(of: "\"ticketType\": \"incident\"", with: "\"ticketType\": \"incidnet\"")
            .write(toFile: file, atomically: true, encoding: .utf8)
        try TestSupport.git(["commit", "-q", "-am", "Break FD-4"], in: path)
        try helpdesk.refresh()
        #expect(helpdesk.index.ticket("FD-4") == nil)
        #expect(helpdesk.index.problems.first?.description.contains("invalid ticketType 'incidnet'") == true)
        try good.write(toFile: file, atomically: true, encoding: .utf8)
        try TestSupport.git(["commit", "-q", "-am", "Fix FD-4"], in: path)
        try helpdesk.refresh()
        #expect(helpdesk.index.ticket("FD-4") != nil)
        #expect(helpdesk.index.problems.isEmpty)
    }

    @Test func linksAreWrittenInBothDirections() throws {
        let helpdesk = try Helpdesk(path: try TestSupport.emptyHelpdesk(bare: true))
        let problem = try helpdesk.createTicket(NewTicket(subject: "Root cause", text: "t", requester: "r@example.com"), actor: TestSupport.agent)
        let incident = try helpdesk.createTicket(NewTicket(subject: "Symptom", text: "t", requester: "r@example.com"), actor: TestSupport.agent)
        try helpdesk.update(incident.id, edits: [.addLink(TicketLink(kind: .causedBy, target: problem.id))], actor: TestSupport.agent)
        #expect(try helpdesk.ticket(problem.id).ticket.links == [TicketLink(kind: .causes, target: incident.id)])
        try helpdesk.update(incident.id, edits: [.removeLink(TicketLink(kind: .causedBy, target: problem.id))], actor: TestSupport.agent)
        #expect(try helpdesk.ticket(problem.id).ticket.links.isEmpty)
        #expect(throws: HelpdeskError.self) {
            try helpdesk.update(incident.id, edits: [.addLink(TicketLink(kind: .relatesTo, target: "FD-999"))], actor: TestSupport.agent)
        }
    }
}
