import Foundation
import Testing

@testable import FlatDesk

@Suite struct APITicketListTests {
    /// A query string and the tickets it should match, decided from the index independently of the API.
    struct FilterCase: CustomStringConvertible {
        var query: String
        var matches: @Sendable (Ticket) -> Bool
        var description: String { query }
    }

    static let filterCases: [FilterCase] = [
        FilterCase(query: "status=open") { $0.status == "open" },
        FilterCase(query: "status=open,in_progress") { ["open", "in_progress"].contains($0.status) },
        FilterCase(query: "status=closed&status=resolved") { ["closed", "resolved"].contains($0.status) },
        FilterCase(query: "team=network") { $0.team == "network" },
        FilterCase(query: "assignee=sofia.rossi@northwind.example") { $0.assignee == "sofia.rossi@northwind.example" },
        FilterCase(query: "assignee=none") { $0.assignee == nil },
        FilterCase(query: "assignee=me") { $0.assignee == WebTestServer.agent },
        FilterCase(query: "priority=high,urgent") { $0.priority >= .high },
        FilterCase(query: "type=problem") { $0.ticketType == .problem },
        FilterCase(query: "requester=anna.schulz@northwind.example") {
            $0.requester == "anna.schulz@northwind.example"
        },
        FilterCase(query: "breached=true") { $0.slaBreached },
        FilterCase(query: "breached=false") { !$0.slaBreached },
        FilterCase(query: "q=vpn") { $0.subject.localizedCaseInsensitiveContains("vpn") },
        FilterCase(query: "team=tier1&status=closed") { $0.team == "tier1" && $0.status == "closed" },
    ]

    @Test func everyFilterMatchesTheIndex() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let all = server.helpdesk.index.allTickets().map(\.ticket)
        for filter in Self.filterCases {
            let response = try api.get("/api/v1/tickets?per_page=200&" + filter.query)
            let expected = Set(all.filter(filter.matches).map(\.id))
            #expect(!expected.isEmpty, "no sample ticket matches \(filter), so the case proves little")
            #expect(response.status == 200, "\(filter)")
            #expect(Set(response.ticketIDs) == expected, "\(filter)")
            #expect(response.json["total"]?.intValue == expected.count, "\(filter)")
        }
    }

    @Test func pagesSplitTheResult() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let first = try api.get("/api/v1/tickets?sort=id&per_page=10&page=1")
        let second = try api.get("/api/v1/tickets?sort=id&per_page=10&page=2")
        let whole = try api.get("/api/v1/tickets?sort=id&per_page=20")
        #expect(first.ticketIDs.count == 10)
        #expect(second.ticketIDs.count == 10)
        #expect(first.ticketIDs + second.ticketIDs == whole.ticketIDs)
        #expect(first.json["total"]?.intValue == server.helpdesk.index.count)
        #expect(second.json["page"]?.intValue == 2)
        #expect(second.json["per_page"]?.intValue == 10)
    }

    @Test func defaultPageHoldsFifty() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let response = try api.get("/api/v1/tickets")
        #expect(response.json["per_page"]?.intValue == 50)
        #expect(response.json["page"]?.intValue == 1)
        #expect(response.ticketIDs.count == min(50, server.helpdesk.index.count))
    }

    @Test func sortOrders() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let byID = try api.get("/api/v1/tickets?sort=id&per_page=200").ticketIDs.compactMap(Ticket.number(of:))
        #expect(byID == byID.sorted())
        let byIDDescending = try api.get("/api/v1/tickets?sort=id&order=desc&per_page=200").ticketIDs
        #expect(byIDDescending.compactMap(Ticket.number(of:)) == byID.reversed())
        let created = try api.get("/api/v1/tickets?sort=created&per_page=200").tickets
            .compactMap { $0["createdAt"]?.stringValue }
        #expect(created == created.sorted(by: >), "created sorts newest first by default")
        let priorities = try api.get("/api/v1/tickets?sort=priority&order=asc&per_page=200").tickets
            .compactMap { $0["priority"]?.stringValue.flatMap(Priority.init(rawValue:)) }
        #expect(priorities == priorities.sorted())
    }

    @Test func itemsCarryHeaderAndVersionWithoutThread() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let item = try #require(try api.get("/api/v1/tickets?q=FD-26").tickets.first)
        let version = try api.version("FD-26")
        #expect(item["version"]?.stringValue == version)
        #expect(item["entries"] == nil)
        #expect(item["subject"]?.stringValue == "Harbour meeting room: no picture and no camera")
        #expect(item.memberNames.contains("slaBreached"))
    }

    @Test func invalidParametersAreRejected() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let cases = [
            ("per_page=201", "per_page"), ("per_page=0", "per_page"), ("page=0", "page"), ("page=x", "page"),
            ("status=bogus", "status"), ("status=open,", "status"), ("priority=critical", "priority"),
            ("type=task", "type"), ("status=open,%20new", "status"), ("team=", "team"),
            ("assignee=me,,none", "assignee"), ("sort=name", "sort"),
            ("order=up", "order"), ("breached=yes", "breached"),
        ]
        for (query, field) in cases {
            let response = try api.get("/api/v1/tickets?" + query)
            #expect(response.status == 400, "\(query)")
            #expect(response.json["field"]?.stringValue == field, "\(query)")
            #expect(response.json["status"]?.intValue == 400, "\(query)")
        }
    }

    @Test func unauthenticatedListIs401() throws {
        let server = try WebTestServer()
        let response = try Curl.request(server.baseURL + "/api/v1/tickets")
        #expect(response.status == 401)
        #expect(response.json["error"]?.stringValue != nil)
    }
}
