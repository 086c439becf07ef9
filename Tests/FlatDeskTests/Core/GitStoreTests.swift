import Foundation
import Testing

@testable import FlatDesk

@Suite struct GitStoreTests {
    @Test func concurrentWritersLoseNothing() throws {
        let path = try TestSupport.emptyHelpdesk(bare: true)
        let setup = try Helpdesk(path: path)
        let ids = try (0..<4).map { index in
            try setup.createTicket(NewTicket(subject: "Shared \(index)", text: "t", requester: "r@example.com"), actor: TestSupport.agent).id
        }
        let writers = 8
        let changesPerWriter = 200
        let failures = Failures()
        let helpdesks = try (0..<writers).map { _ in try Helpdesk(path: path) }
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            do {
                let helpdesk = helpdesks[writer]
                for change in 0..<changesPerWriter {
                    let id = ids[(writer + change) % ids.count]
                    try helpdesk.addEntry(id, kind: .note, text: "w\(writer)-c\(change)", actor: TestSupport.agent)
                }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.list.isEmpty, "\(failures.list.prefix(3))")
        for helpdesk in helpdesks { helpdesk.store.waitForMaintenance() }
        // The 1,600 commits write about 8,000 loose objects; maintenance packs them past 5,000,
        // so some are in a pack and fewer stay loose than were written.
        let counts = try TestSupport.git(["--git-dir", path, "count-objects", "-v"], in: path)
        #expect(counts.contains("\npacks: 0\n") == false, "\(counts)")
        #expect(setup.store.looseObjectCount < writers * changesPerWriter * 5, "\(counts)")
        let check = try Helpdesk(path: path)
        let notes = try ids.flatMap { try check.ticket($0).ticket.entries.filter { $0.kind == .note }.map(\.text) }
        #expect(notes.count == writers * changesPerWriter)
        #expect(Set(notes).count == writers * changesPerWriter)
        let fsck = try TestSupport.run("git", ["--git-dir", path, "fsck", "--strict"])
        #expect(fsck.status == 0, "\(fsck.error)")
        let commits = try TestSupport.git(["--git-dir", path, "rev-list", "--count", "HEAD"], in: path)
        #expect(Int(commits.trimmingCharacters(in: .whitespacesAndNewlines)) == 1 + ids.count + writers * changesPerWriter)
    }

    @Test func gitCommandLineCommitDuringWritesSurvives() throws {
        let path = try TestSupport.emptyHelpdesk(bare: true)
        let helpdesk = try Helpdesk(path: path)
        let first = try helpdesk.createTicket(NewTicket(subject: "First", text: "t", requester: "r@example.com"), actor: TestSupport.agent)
        let handWritten = """
            {
              "id": "FD-500",
              "ticketType": "incident",
              "status": "open",
              "subject": "Written by hand",
              "requester": "hand@example.com",
              "createdAt": "2026-11-30T08:12:00Z"
            }

            Typed in an editor.

            """
        let done = DispatchSemaphore(value: 0)
        let writerError = Failures()
        Thread.detachNewThread {
            defer { done.signal() }
            do {
                for index in 0..<40 { try helpdesk.addEntry(first.id, kind: .note, text: "note \(index)", actor: TestSupport.agent) }
            } catch {
                writerError.add("\(error)")
            }
        }
        let clone = TestSupport.temporaryFolder("clone")
        try TestSupport.git(["clone", "-q", path, clone], in: NSTemporaryDirectory())
        try FileManager.default.createDirectory(atPath: clone + "/tickets/000", withIntermediateDirectories: true)
        try handWritten.write(toFile: clone + "/tickets/000/FD-500.md", atomically: true, encoding: .utf8)
        try TestSupport.git(["add", "."], in: clone)
        try TestSupport.git(["commit", "-q", "-m", "Add FD-500 by hand"], in: clone)
        var pushed = false
        for _ in 0..<50 where !pushed {
            _ = try? TestSupport.git(["pull", "-q", "--rebase"], in: clone)
            pushed = (try? TestSupport.git(["push", "-q", "origin", "HEAD:refs/heads/main"], in: clone)) != nil
        }
        done.wait()
        #expect(writerError.list.isEmpty, "\(writerError.list)")
        #expect(pushed)
        try helpdesk.refresh()
        #expect(helpdesk.index.ticket("FD-500")?.ticket.subject == "Written by hand")
        #expect(try helpdesk.ticket(first.id).ticket.entries.filter { $0.kind == .note }.count == 40)
        let fsck = try TestSupport.run("git", ["--git-dir", path, "fsck"])
        #expect(fsck.status == 0, "\(fsck.error)")
    }

    @Test func workingTreeStaysClean() throws {
        let path = try TestSupport.sampleHelpdesk()
        let helpdesk = try Helpdesk(path: path)
        try helpdesk.update("FD-2", edits: [.priority(.urgent), .status("in_progress")], actor: TestSupport.agent)
        let created = try helpdesk.createTicket(NewTicket(subject: "New", text: "t", requester: "r@example.com"), actor: TestSupport.agent)
        try helpdesk.addEntry(created.id, kind: .reply, text: "Hello", actor: TestSupport.agent)
        #expect(try TestSupport.git(["status", "--porcelain"], in: path) == "")
        #expect(try TestSupport.git(["diff", "HEAD", "--stat"], in: path) == "")
        let onDisk = try String(contentsOfFile: path + "/" + Ticket.path(for: created.id), encoding: .utf8)
        #expect(onDisk.contains("Hello"))
    }

    @Test func uncommittedHandEditIsNeverOverwritten() throws {
        let path = try TestSupport.sampleHelpdesk()
        let helpdesk = try Helpdesk(path: path)
        let file = path + "/" + Ticket.path(for: "FD-2")
        let edited = try String(contentsOfFile: file, encoding: .utf8) + "\nA local edit.\n"
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: GitError.uncommittedChanges(path: Ticket.path(for: "FD-2"))) {
            try helpdesk.update("FD-2", edits: [.priority(.urgent)], actor: TestSupport.agent)
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == edited)
        #expect(try helpdesk.ticket("FD-2").ticket.priority != .urgent)
    }

    @Test func staleVersionIsRejected() throws {
        let path = try TestSupport.emptyHelpdesk(bare: true)
        let helpdesk = try Helpdesk(path: path)
        let ticket = try helpdesk.createTicket(NewTicket(subject: "S", text: "t", requester: "r@example.com"), actor: TestSupport.agent)
        let original = try helpdesk.ticket(ticket.id).version
        let (_, second) = try helpdesk.update(ticket.id, edits: [.priority(.high)], expectedVersion: original, actor: TestSupport.agent)
        #expect(second != original)
        #expect(throws: HelpdeskError.versionConflict(id: ticket.id, expected: original, current: second)) {
            try helpdesk.update(ticket.id, edits: [.priority(.low)], expectedVersion: original, actor: TestSupport.agent)
        }
        #expect(try helpdesk.ticket(ticket.id).ticket.priority == .high)
    }

    @Test func oneChangeIsOneCommitByTheActor() throws {
        let path = try TestSupport.emptyHelpdesk(bare: true)
        let helpdesk = try Helpdesk(path: path)
        let ticket = try helpdesk.createTicket(NewTicket(subject: "S", text: "t", requester: "r@example.com"), actor: TestSupport.agent)
        try helpdesk.update(ticket.id, edits: [.status("in_progress")], actor: TestSupport.agent)
        let log = try TestSupport.git(["--git-dir", path, "log", "-1", "--format=%an|%ae|%s", "--name-only"], in: path)
        let lines = log.split(separator: "\n")
        #expect(lines.first == "Agent Smith|agent@example.com|\(ticket.id): status open → in_progress")
        #expect(lines.dropFirst().filter { !$0.isEmpty } == ["tickets/000/\(ticket.id).md"])
        let history = try helpdesk.history(ticket.id)
        #expect(history.count == 2)
        #expect(history.first?.authorEmail == "agent@example.com")
    }

    @Test func nodesNeverAllocateTheSameID() throws {
        let origin = try TestSupport.emptyHelpdesk(bare: true)
        let first = TestSupport.temporaryFolder("node1")
        let second = TestSupport.temporaryFolder("node2")
        try TestSupport.git(["clone", "-q", "--bare", origin, first], in: NSTemporaryDirectory())
        try TestSupport.git(["clone", "-q", "--bare", origin, second], in: NSTemporaryDirectory())
        try GitStore(path: first).setNodeIdentity(try NodeIdentity(number: 1, count: 2))
        try GitStore(path: second).setNodeIdentity(try NodeIdentity(number: 2, count: 2))
        let one = try Helpdesk(path: first)
        let two = try Helpdesk(path: second)
        var ids: [String] = []
        for index in 0..<5 {
            ids.append(try one.createTicket(NewTicket(subject: "A\(index)", text: "t", requester: "r@example.com"), actor: TestSupport.agent).id)
            ids.append(try two.createTicket(NewTicket(subject: "B\(index)", text: "t", requester: "r@example.com"), actor: TestSupport.agent).id)
        }
        #expect(Set(ids).count == ids.count)
        #expect(one.index.allTickets().compactMap(\.ticket.number).sorted() == [1, 3, 5, 7, 9])
        #expect(two.index.allTickets().compactMap(\.ticket.number).sorted() == [2, 4, 6, 8, 10])
    }

    @Test func nodeNumberIsValidated() throws {
        #expect(throws: HelpdeskError.self) { try NodeIdentity(number: 3, count: 2) }
        #expect(throws: HelpdeskError.self) { try NodeIdentity(number: 0, count: 1) }
        #expect(try NodeIdentity(number: 2, count: 3).nextNumber(above: 10) == 11)
        #expect(try NodeIdentity(number: 3, count: 3).nextNumber(above: 10) == 12)
        #expect(try NodeIdentity(number: 1, count: 3).nextNumber(above: 10) == 13)
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()

    func add(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var list: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
