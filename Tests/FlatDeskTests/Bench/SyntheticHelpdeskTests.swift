import Foundation
import Testing

@testable import FlatDesk

/// A scratch folder under the system's temporary directory, removed by `remove()`.
struct BenchScratchFolder {
    let path: String

    init(_ name: String) throws {
        path = NSTemporaryDirectory() + "flatdesk-bench-tests-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct SyntheticHelpdeskTests {
    static let ticketCount = 1200

    /// One generated helpdesk shared by the read-only checks, opened once.
    static let shared: Result<(folder: BenchScratchFolder, helpdesk: Helpdesk), any Error> = Result {
        let folder = try BenchScratchFolder("synthetic")
        let path = folder.file("helpdesk.git")
        try SyntheticHelpdesk(ticketCount: ticketCount, seed: 7).generate(at: path)
        return (folder, try Helpdesk(path: path, logger: Logger(label: "test", minimumLevel: .error)))
    }

    func helpdesk() throws -> Helpdesk { try Self.shared.get().helpdesk }

    @Test func indexReadsEveryTicket() throws {
        let index = try helpdesk().index
        #expect(index.count == Self.ticketCount)
        #expect(index.problems.isEmpty)
        #expect(index.highestNumber == Self.ticketCount)
    }

    @Test func settingsHaveNoProblems() throws {
        #expect(try helpdesk().settingsProblems.isEmpty)
    }

    @Test func mostTicketsAreDone() throws {
        let counts = try helpdesk().index.countsByStatus()
        let done = (counts["closed"] ?? 0) + (counts["resolved"] ?? 0)
        #expect(Double(done) / Double(Self.ticketCount) >= 0.85)
        #expect((counts["closed"] ?? 0) > (counts["resolved"] ?? 0))
    }

    @Test func fiveToTenPercentAreOpen() throws {
        let counts = try helpdesk().index.countsByStatus()
        let open = SyntheticHelpdesk.openStatuses.reduce(0) { $0 + (counts[$1] ?? 0) }
        let share = Double(open) / Double(Self.ticketCount)
        #expect(share >= 0.05)
        #expect(share <= 0.10)
    }

    @Test func everyStatusIsAllowed() throws {
        let helpdesk = try helpdesk()
        let allowed = Set(helpdesk.settings.allStatuses)
        #expect(Set(helpdesk.index.countsByStatus().keys).isSubset(of: allowed))
    }

    @Test func noFolderHoldsMoreThanAThousandFiles() throws {
        let files = try helpdesk().store.read { try $0.files(under: "tickets") }
        let perFolder = Dictionary(grouping: files) { ($0.path as NSString).deletingLastPathComponent }.mapValues(
            \.count)
        #expect(perFolder.count == 2)
        #expect(perFolder.values.allSatisfy { $0 <= 1000 })
        #expect(perFolder["tickets/000"] == 999)
    }

    @Test func everyTicketIsAtItsShardPath() throws {
        let tickets = try helpdesk().index.allTickets()
        #expect(tickets.allSatisfy { $0.path == Ticket.path(for: $0.id) })
    }

    @Test func assigneesAndTeamsComeFromSettings() throws {
        let helpdesk = try helpdesk()
        let settings = helpdesk.settings
        let tickets = helpdesk.index.allTickets().map(\.ticket)
        #expect(tickets.allSatisfy { $0.team.map { settings.team($0) != nil } ?? true })
        #expect(tickets.allSatisfy { $0.assignee.map { settings.person($0)?.role.isStaff == true } ?? true })
        #expect(Set(tickets.map(\.requester)).count >= 200)
    }

    @Test func sizesAndThreadsAreRealistic() throws {
        let synthetic = try SyntheticHelpdesk(ticketCount: Self.ticketCount, seed: 7)
        let tickets = (1...300).map { synthetic.ticket(number: $0) }
        let textSizes = tickets.map { $0.entries.reduce(0) { $0 + $1.text.utf8.count } }
        #expect(textSizes.allSatisfy { (300...3000).contains($0) })
        #expect(tickets.allSatisfy { (1...9).contains($0.entries.count) })
        #expect(Set(tickets.map(\.entries.count)).count >= 6)
        #expect(tickets.allSatisfy { $0.firstResponseDueAt != nil })
        #expect(tickets.allSatisfy { $0.resolutionDueAt != nil })
    }

    @Test func datesSpanTwoYears() throws {
        let created = try helpdesk().index.allTickets().map(\.ticket.createdAt)
        let span = (created.max() ?? .distantPast).timeIntervalSince(created.min() ?? .distantFuture)
        #expect(span > 700 * 86_400)
        #expect(span < 731 * 86_400)
    }

    @Test func ticketsRoundTripThroughTheCodec() throws {
        let synthetic = try SyntheticHelpdesk(ticketCount: Self.ticketCount, seed: 7)
        for number in stride(from: 1, through: Self.ticketCount, by: 37) {
            let ticket = synthetic.ticket(number: number)
            let bytes = TicketCodec.encode(ticket)
            #expect(try TicketCodec.decode(bytes, path: Ticket.path(for: ticket.id)) == ticket)
        }
    }

    @Test func openTicketAcceptsAnUpdate() throws {
        let helpdesk = try helpdesk()
        var query = TicketQuery()
        query.statuses = SyntheticHelpdesk.openStatuses
        guard let open = helpdesk.index.query(query).tickets.first else {
            Issue.record("no open ticket")
            return
        }
        let agent = try #require(helpdesk.settings.people.first { $0.role == .agent })
        let next: Priority = open.ticket.priority == .urgent ? .low : .urgent
        let (ticket, _) = try helpdesk.update(open.id, edits: [.priority(next)], actor: Actor(person: agent))
        #expect(ticket.priority == next)
        #expect(helpdesk.index.ticket(open.id)?.ticket.priority == next)
    }

    @Test func sameSeedGivesTheSameCommit() throws {
        let folder = try BenchScratchFolder("seed")
        defer { folder.remove() }
        let synthetic = try SyntheticHelpdesk(ticketCount: 200, seed: 11)
        let first = try synthetic.generate(at: folder.file("a.git"))
        let second = try synthetic.generate(at: folder.file("b.git"))
        let other = try SyntheticHelpdesk(ticketCount: 200, seed: 12).generate(at: folder.file("c.git"))
        #expect(first == second)
        #expect(first != other)
    }

    @Test func workingTreeOptionChecksOutTheFiles() throws {
        let folder = try BenchScratchFolder("worktree")
        defer { folder.remove() }
        let path = folder.file("helpdesk")
        try SyntheticHelpdesk(ticketCount: 50, seed: 3).generate(at: path, bare: false)
        #expect(FileManager.default.fileExists(atPath: path + "/tickets/000/FD-17.md"))
        #expect(FileManager.default.fileExists(atPath: path + "/settings/people.json"))
    }

    @Test func existingFolderIsRejected() throws {
        let folder = try BenchScratchFolder("exists")
        defer { folder.remove() }
        #expect(throws: BenchmarkError.pathExists(path: folder.path)) {
            try SyntheticHelpdesk(ticketCount: 10).generate(at: folder.path)
        }
    }
}
