import Foundation
import Testing

@testable import FlatDesk

/// The index cache must give exactly the index that reading every ticket file gives.
@Suite struct TicketIndexCacheTests {
    let agent = Actor(email: "bench.agent@northwind.example", name: "Agent", role: .admin)

    /// Generates a synthetic helpdesk with a broken ticket file and two files sharing one id.
    func makeHelpdesk(_ folder: BenchScratchFolder) throws -> GitStore {
        let path = folder.file("helpdesk.git")
        try SyntheticHelpdesk(ticketCount: 400, seed: 5).generate(at: path)
        let store = try GitStore(path: path)
        let duplicate = try store.read { try $0.read(Ticket.path(for: "FD-12")) }
        try store.commit(
            author: CommitIdentity(name: "Test", email: "test@localhost"), message: "Add broken files",
            changes: [
                FileChange(path: "tickets/000/FD-9999.md", contents: Array("{\"id\": \"FD-9999\", oops".utf8)),
                FileChange(path: "tickets/000/copy-of-FD-12.md", contents: duplicate),
            ])
        return store
    }

    func statuses(_ store: GitStore) throws -> Set<String> {
        Set(try store.read { try HelpdeskSettings.load(read: $0.read) }.0.allStatuses)
    }

    /// Builds a new index from the ticket files only, ignoring any cache.
    func fromBlobs(_ store: GitStore) throws -> TicketIndex {
        let index = TicketIndex(store: store)
        let state = try index.buildFromBlobs(statuses: try statuses(store))
        index.state.withLock { $0 = state }
        return index
    }

    func expectSame(_ cached: TicketIndex, _ reference: TicketIndex) {
        let left = Dictionary(uniqueKeysWithValues: cached.allTickets().map { ($0.id, $0) })
        let right = Dictionary(uniqueKeysWithValues: reference.allTickets().map { ($0.id, $0) })
        #expect(left.count == right.count)
        for (id, ticket) in right {
            #expect(left[id]?.ticket == ticket.ticket)
            #expect(left[id]?.path == ticket.path)
            #expect(left[id]?.blob == ticket.blob)
            #expect(left[id]?.entryCount == ticket.entryCount)
        }
        #expect(
            cached.problems.sorted { $0.description < $1.description }
                == reference.problems.sorted { $0.description < $1.description })
        #expect(cached.countsByStatus() == reference.countsByStatus())
        #expect(cached.highestNumber == reference.highestNumber)
        #expect(cached.indexedCommit == reference.indexedCommit)
        var queue = TicketQuery()
        queue.limit = 1000
        #expect(cached.query(queue).tickets.map(\.id) == reference.query(queue).tickets.map(\.id))
    }

    @Test func cacheGivesTheSameIndex() throws {
        let folder = try BenchScratchFolder("cache-same")
        defer { folder.remove() }
        let store = try makeHelpdesk(folder)
        let first = TicketIndex(store: store)
        try first.build(statuses: try statuses(store))
        first.waitForCacheWrites()
        #expect(FileManager.default.fileExists(atPath: first.cache.path))
        let sink = CapturingLogSink()
        let second = TicketIndex(store: store, logger: Logger(label: "test", sink: sink))
        try second.build(statuses: try statuses(store))
        #expect(sink.captured.contains { $0.contains("source=cache") })
        #expect(second.problems.count == 2)
        expectSame(second, try fromBlobs(store))
    }

    @Test func cacheCatchesUpWithLaterCommits() throws {
        let folder = try BenchScratchFolder("cache-later")
        defer { folder.remove() }
        let store = try makeHelpdesk(folder)
        let helpdesk = try Helpdesk(path: store.path)
        helpdesk.index.waitForCacheWrites()
        try helpdesk.update("FD-399", edits: [.priority(.urgent), .addTag("cache-test")], actor: agent)
        try helpdesk.createTicket(
            NewTicket(subject: "Printer on fire", text: "Smoke.", requester: "tom.baker@northwind.example"),
            actor: agent)
        try store.commit(
            author: CommitIdentity(name: "Test", email: "test@localhost"), message: "Remove FD-7",
            changes: [FileChange(path: Ticket.path(for: "FD-7"), contents: nil)])
        let sink = CapturingLogSink()
        let reopened = TicketIndex(store: store, logger: Logger(label: "test", sink: sink))
        try reopened.build(statuses: try statuses(store))
        #expect(sink.captured.contains { $0.contains("source=cache") })
        #expect(reopened.ticket("FD-7") == nil)
        #expect(reopened.ticket("FD-399")?.ticket.tags.contains("cache-test") == true)
        expectSame(reopened, try fromBlobs(store))
    }

    @Test func damagedCacheIsIgnored() throws {
        let folder = try BenchScratchFolder("cache-damaged")
        defer { folder.remove() }
        let store = try makeHelpdesk(folder)
        let first = TicketIndex(store: store)
        try first.build(statuses: try statuses(store))
        first.waitForCacheWrites()
        var bytes = try #require(FileManager.default.contents(atPath: first.cache.path))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: first.cache.path))
        let sink = CapturingLogSink()
        let second = TicketIndex(store: store, logger: Logger(label: "test", sink: sink))
        try second.build(statuses: try statuses(store))
        #expect(sink.captured.contains { $0.contains("checksum mismatch") })
        #expect(sink.captured.contains { $0.contains("source=blobs") })
        expectSame(second, try fromBlobs(store))
    }

    @Test func cacheForOtherStatusesIsIgnored() throws {
        let folder = try BenchScratchFolder("cache-statuses")
        defer { folder.remove() }
        let store = try makeHelpdesk(folder)
        let first = TicketIndex(store: store)
        try first.build(statuses: try statuses(store))
        first.waitForCacheWrites()
        let sink = CapturingLogSink()
        let second = TicketIndex(store: store, logger: Logger(label: "test", sink: sink))
        try second.build(statuses: ["new", "closed"])
        #expect(sink.captured.contains { $0.contains("source=blobs") })
        #expect(second.problems.count > first.problems.count)
    }

    @Test func encodingReadsBackExactly() throws {
        let synthetic = try SyntheticHelpdesk(ticketCount: 50, seed: 9)
        var state = IndexState()
        state.commit = GitOID(hex: String(repeating: "ab", count: 20))
        for number in 1...50 {
            var ticket = synthetic.ticket(number: number)
            ticket.entries = []
            if number == 3 {
                ticket.extraFields = [Ticket.ExtraField(key: "x-vendor", value: .object([("n", .number("1.50"))]))]
            }
            let path = Ticket.path(for: ticket.id)
            state.apply(
                .ticket(
                    IndexedTicket(ticket: ticket, path: path, blob: try #require(state.commit), entryCount: number % 7))
            )
        }
        state.apply(
            .problem(
                path: "tickets/000/bad.md",
                [FileProblem(path: "tickets/000/bad.md", line: 3, message: "invalid status 'x'")]))
        let bytes = try #require(TicketIndexCache.encode(state, statuses: ["open", "closed"]))
        let folder = try BenchScratchFolder("cache-encoding")
        defer { folder.remove() }
        let cache = TicketIndexCache(gitDirectory: folder.path + "/")
        try cache.write(bytes)
        let (commit, loaded) = try #require(try cache.load(statuses: ["open", "closed"]))
        #expect(commit == state.commit)
        var restored = IndexState()
        for item in loaded { restored.apply(item) }
        #expect(restored.byID.count == 50)
        for ticket in state.byID.values {
            let id = ticket.id
            #expect(restored.byID[id]?.ticket == ticket.ticket)
            #expect(restored.byID[id]?.entryCount == ticket.entryCount)
        }
        #expect(restored.problems == state.problems)
        #expect(try cache.load(statuses: nil) == nil)
    }
}
