import Foundation
import Testing

@testable import FlatDesk

/// Counting many queries in one pass must give what each query's own total gives.
@Suite struct IndexCountTests {
    @Test func onePassMatchesSeparateQueries() throws {
        let folder = try BenchScratchFolder("index-counts")
        defer { folder.remove() }
        let path = folder.file("helpdesk.git")
        let synthetic = try SyntheticHelpdesk(ticketCount: 3000, seed: 11)
        try synthetic.generate(at: path)
        let helpdesk = try Helpdesk(path: path)
        let open = SyntheticHelpdesk.openStatuses
        let someone = try #require(helpdesk.index.allTickets().compactMap(\.ticket.assignee).first)
        let team = try #require(helpdesk.index.allTickets().compactMap(\.ticket.team).first)
        var queries: [TicketQuery] = []
        func add(_ statuses: Set<String>?, _ refine: (inout TicketQuery) -> Void = { _ in }) {
            var query = TicketQuery()
            query.statuses = statuses
            refine(&query)
            queries.append(query)
        }
        add(open) { $0.assignees = [someone] }
        add(open) { $0.assignees = [""] }
        add(open) { $0.teams = [team] }
        add(open) { $0.priorities = [.urgent, .high] }
        add(open) { $0.dueBefore = Date(timeIntervalSince1970: 1_750_000_000) }
        add(open)
        add(["closed"]) { $0.breached = true }
        add(nil) { $0.types = [.problem] }
        add(nil)
        add(["no-such-status"])

        let counted = helpdesk.index.counts(queries)
        let separate = queries.map { query -> Int in
            var counting = query
            counting.limit = 0
            return helpdesk.index.query(counting).total
        }
        #expect(counted == separate)
        #expect(counted[5] > 0)
        #expect(counted[8] == 3000)
        #expect(counted[9] == 0)
        #expect(counted[0] > 0)
        #expect(counted[0] < counted[5], "a narrowed query counts fewer than all open tickets")
    }
}
