import Foundation
import Testing

@testable import FlatDesk

@Suite struct APIQueueTests {
    /// Queue counts by id from a `/api/v1/queues` response.
    static func counts(_ response: CurlResponse) -> [String: Int] {
        var counts: [String: Int] = [:]
        for queue in response.json["queues"]?.arrayValue ?? [] {
            if let id = queue["id"]?.stringValue, let count = queue["count"]?.intValue { counts[id] = count }
        }
        return counts
    }

    @Test func queuesCountOpenTickets() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let response = try api.get("/api/v1/queues")
        #expect(response.status == 200)
        let tickets = server.helpdesk.index.allTickets().map(\.ticket)
        let open = tickets.filter { !["resolved", "closed"].contains($0.status) }
        var expected = [
            "mine": open.filter { $0.assignee == WebTestServer.agent }.count,
            "unassigned": open.filter { $0.assignee == nil }.count,
            "escalated": tickets.filter { $0.status == "escalated" }.count,
            "on_hold": tickets.filter { ["awaiting_customer", "awaiting_vendor"].contains($0.status) }.count,
            "all_open": open.count,
        ]
        for team in server.helpdesk.settings.teams {
            expected["team:\(team.id)"] = open.filter { $0.team == team.id }.count
        }
        let counts = Self.counts(response)
        for (id, count) in expected {
            #expect(counts[id] == count, "queue \(id)")
        }
        #expect(counts["breaching_soon"] != nil)
        #expect(counts.count == expected.count + 1)
        #expect(expected.values.filter { $0 > 0 }.count >= 5, "most queues should be non-empty in the sample")
    }

    @Test func queuesMatchTheirListFilters() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let counts = Self.counts(try api.get("/api/v1/queues"))
        let open = "status=new,processing,open,in_progress,escalated,awaiting_customer,awaiting_vendor,scheduled"
        let lists = [
            ("mine", "\(open)&assignee=me"), ("unassigned", "\(open)&assignee=none"),
            ("team:network", "\(open)&team=network"), ("escalated", "status=escalated"),
            ("on_hold", "status=awaiting_customer,awaiting_vendor"), ("all_open", open),
        ]
        for (queue, query) in lists {
            let total = try api.get("/api/v1/tickets?per_page=1&" + query).json["total"]?.intValue
            #expect(total == counts[queue], "queue \(queue)")
        }
    }

    @Test func breachingSoonCountsTicketsNearTheirTarget() throws {
        let monday = try #require(Timestamp.parse("2027-03-01T09:00:00Z"))
        let server = try WebTestServer(clock: { monday })
        let api = try APITestClient(server, as: WebTestServer.agent)
        let before = try #require(Self.counts(try api.get("/api/v1/queues"))["breaching_soon"])
        let urgent = #"{"subject": "Core switch down", "text": "Nothing works.", "priority": "urgent"}"#
        #expect(try api.send("POST", "/api/v1/tickets", urgent).status == 201)
        let low = #"{"subject": "New mouse", "text": "Please.", "priority": "low", "ticketType": "service_request"}"#
        #expect(try api.send("POST", "/api/v1/tickets", low).status == 201)
        let after = Self.counts(try api.get("/api/v1/queues"))["breaching_soon"]
        #expect(after == before + 1, "only the urgent ticket, due in 15 minutes, is breaching soon")
    }
}
