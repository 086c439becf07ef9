import Foundation
import Testing

@testable import FlatDesk

@Suite struct ConsoleQueueTests {
    @Test func myOpenListsOwnUnresolvedTickets() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console")
        #expect(page.status == 200)
        let ids = Set(ConsoleTestSupport.rowIDs(page.text))
        #expect(ids == ["FD-16", "FD-20", "FD-21"])
        #expect(!ids.contains("FD-4"), "closed tickets of the agent stay out")
        #expect(page.text.contains("aria-current=\"page\""))
    }

    @Test func sidebarCountsEveryQueue() throws {
        let server = try ConsoleTestSupport.server()
        let page = try server.signedIn(WebTestServer.agent).get("/console")
        let expected = [
            "mine": 3, "unassigned": 0, "team-network": 5, "team-tier1": 3, "team-tier2": 2, "team-msp-contoso": 2,
            "escalated": 1, "on-hold": 4, "breaching-soon": 2, "open": 12, "resolved": 16,
        ]
        for (queue, count) in expected {
            #expect(ConsoleTestSupport.sidebarCount(page.text, queue: queue) == count, "queue \(queue)")
        }
    }

    @Test func newAndProcessingTicketsAreNeverListed() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let names = [
            "mine", "unassigned", "team-network", "escalated", "on-hold", "breaching-soon", "open", "resolved",
        ]
        for name in names {
            let page = try client.get("/console/queues/\(name)")
            #expect(page.status == 200, "queue \(name)")
            #expect(!ConsoleTestSupport.rowIDs(page.text).contains("FD-29"), "FD-29 is new, listed in \(name)")
        }
        _ = try server.helpdesk.update("FD-26", edits: [.status("processing")], actor: TestSupport.agent)
        let open = try client.get("/console/queues/open")
        #expect(!ConsoleTestSupport.rowIDs(open.text).contains("FD-26"))
    }

    @Test func onHoldListsAwaitingTickets() throws {
        let server = try ConsoleTestSupport.server()
        let page = try server.signedIn(WebTestServer.agent).get("/console/queues/on-hold")
        #expect(Set(ConsoleTestSupport.rowIDs(page.text)) == ["FD-15", "FD-16", "FD-21", "FD-22"])
        let row = ConsoleTestSupport.row(page.text, "FD-16") ?? ""
        #expect(row.contains("data-sla=\"paused\""))
        #expect(row.contains("Awaiting customer"))
    }

    @Test func teamEscalatedAndUnassignedQueues() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let network = ConsoleTestSupport.rowIDs(try client.get("/console/queues/team-network").text)
        #expect(Set(network) == ["FD-6", "FD-16", "FD-18", "FD-20", "FD-21"])
        #expect(ConsoleTestSupport.rowIDs(try client.get("/console/queues/escalated").text) == ["FD-23"])
        #expect(ConsoleTestSupport.rowIDs(try client.get("/console/queues/unassigned").text).isEmpty)
        let fresh = try ConsoleTestSupport.openTicket(server, subject: "Monitor flickers")
        #expect(ConsoleTestSupport.rowIDs(try client.get("/console/queues/unassigned").text) == [fresh.id])
        #expect(try client.get("/console/queues/no-such-queue").status == 404)
    }

    @Test func breachingSoonListsDueAndOverdueTickets() throws {
        let server = try ConsoleTestSupport.server()
        let page = try server.signedIn(WebTestServer.agent).get("/console/queues/breaching-soon")
        let ids = ConsoleTestSupport.rowIDs(page.text)
        #expect(ids == ["FD-23", "FD-28"])
        #expect(!ids.contains("FD-21"), "on-hold tickets are paused")
        #expect(ConsoleTestSupport.row(page.text, "FD-23")?.contains("data-sla=\"overdue\"") == true)
        #expect(ConsoleTestSupport.row(page.text, "FD-28")?.contains("data-sla=\"soon\"") == true)
        #expect(ConsoleTestSupport.row(page.text, "FD-28")?.contains("due in ") == true)
    }

    @Test func recentlyResolvedIsNewestFirst() throws {
        let server = try ConsoleTestSupport.server()
        let page = try server.signedIn(WebTestServer.agent).get("/console/queues/resolved")
        let ids = ConsoleTestSupport.rowIDs(page.text)
        #expect(ids.count == 16)
        #expect(Array(ids.prefix(4)) == ["FD-27", "FD-25", "FD-17", "FD-10"])
        #expect(ids.last == "FD-1")
        #expect(!ids.contains("FD-26"))
    }

    @Test func sortingByKeyAndPriority() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let ascending = ConsoleTestSupport.rowIDs(try client.get("/console/queues/open?sort=id").text)
        #expect(Array(ascending.prefix(3)) == ["FD-6", "FD-15", "FD-16"])
        #expect(ascending.last == "FD-28")
        let descending = ConsoleTestSupport.rowIDs(try client.get("/console/queues/open?sort=id&desc=1").text)
        #expect(descending == ascending.reversed())
        let byPriority = ConsoleTestSupport.rowIDs(try client.get("/console/queues/open?sort=priority&desc=1").text)
        #expect(Array(byPriority.prefix(2)) == ["FD-23", "FD-28"])
        let byDue = ConsoleTestSupport.rowIDs(try client.get("/console/queues/open").text)
        #expect(Array(byDue.prefix(3)) == ["FD-15", "FD-16", "FD-23"])
    }

    @Test func sortLinkFlipsDirection() throws {
        let server = try ConsoleTestSupport.server()
        let page = try server.signedIn(WebTestServer.agent).get("/console/queues/open?sort=id")
        #expect(
            page.text.contains(
                "<th data-sort=\"id\" aria-sort=\"ascending\"><a href=\"/console/queues/open?sort=id&amp;desc=1\">"))
        #expect(
            page.text.contains(
                "<th data-sort=\"updated\" aria-sort=\"none\"><a href=\"/console/queues/open?sort=updated\">"))
    }

    @Test func filtersByPriorityTypeAndText() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let high = ConsoleTestSupport.rowIDs(try client.get("/console/queues/open?priority=high").text)
        #expect(Set(high) == ["FD-23", "FD-28"])
        let problems = ConsoleTestSupport.rowIDs(try client.get("/console/queues/open?type=problem").text)
        #expect(Set(problems) == ["FD-6", "FD-19"])
        let vpn = ConsoleTestSupport.rowIDs(try client.get("/console/queues/open?q=vpn").text)
        #expect(Set(vpn) == ["FD-6", "FD-16", "FD-18", "FD-20"])
        let page = try client.get("/console/queues/open?q=vpn")
        #expect(page.text.contains("id=\"queue-filter\" name=\"q\" value=\"vpn\""))
    }

    @Test func pagesHoldFiftyRows() throws {
        let server = try ConsoleTestSupport.server()
        for number in 1...45 {
            try ConsoleTestSupport.openTicket(server, subject: "Bulk request \(number)")
        }
        let client = try server.signedIn(WebTestServer.agent)
        let first = try client.get("/console/queues/open?sort=id")
        let firstIDs = ConsoleTestSupport.rowIDs(first.text)
        #expect(firstIDs.count == 50)
        #expect(ConsoleTestSupport.sidebarCount(first.text, queue: "open") == 57)
        #expect(first.text.contains("rel=\"next\" href=\"/console/queues/open?sort=id&amp;page=2\""))
        #expect(!first.text.contains("rel=\"prev\""))
        let second = try client.get("/console/queues/open?sort=id&page=2")
        let secondIDs = ConsoleTestSupport.rowIDs(second.text)
        #expect(secondIDs.count == 7)
        #expect(Set(firstIDs).isDisjoint(with: secondIDs))
        #expect(secondIDs.last == "FD-74")
        #expect(second.text.contains("rel=\"prev\""))
        #expect(second.text.contains("Page 2 of 2"))
    }

    @Test func rowShowsTicketColumns() throws {
        let server = try ConsoleTestSupport.server()
        let page = try server.signedIn(WebTestServer.agent).get("/console/queues/open")
        let row = ConsoleTestSupport.row(page.text, "FD-23") ?? ""
        #expect(row.contains("<a href=\"/console/tickets/FD-23\">FD-23</a>"))
        #expect(row.contains("Scan to email from the 1st floor copier sends empty PDFs"))
        #expect(row.contains("Anna Schulz"))
        #expect(row.contains(">Escalated<"))
        #expect(row.contains(">High<"))
        #expect(row.contains("Amir Haddad"))
        #expect(row.contains("overdue "))
    }
}
