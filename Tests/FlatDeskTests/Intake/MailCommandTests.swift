import Foundation
import Testing

@testable import FlatDesk

@Suite struct MailCommandTests {
    func flatdesk(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws
        -> (status: Int32, output: String, error: String)
    {
        try TestSupport.run(TestSupport.executable, arguments, input: input, environment: environment)
    }

    func messageFile(_ email: TestEmail) throws -> String {
        let path = TestSupport.temporaryFolder("mail") + "/message.eml"
        try Data(email.bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func ingestPrintsOutcomes() throws {
        let desk = try TestSupport.sampleHelpdesk(bare: true)
        let email = TestEmail()
        let created = try flatdesk(["mail", "ingest", try messageFile(email), "-C", desk])
        #expect(created.status == 0)
        #expect(created.output == "FD-30 created E1\n")
        let reply = try flatdesk([
            "mail", "ingest", try messageFile(email.reply(from: IntakeDesk.requester, body: "Any news?")), "-C", desk,
        ])
        #expect(reply.output == "FD-30 threaded E2\n")
        var stranger = TestEmail()
        stranger.from = IntakeDesk.otherCustomer
        stranger.subject = "[FD-30] me too"
        let separate = try flatdesk(["mail", "ingest", try messageFile(stranger), "-C", desk])
        #expect(separate.output == "FD-31 created E1\n")
        var outOfOffice = TestEmail()
        outOfOffice.extraHeaders = ["Auto-Submitted: auto-replied"]
        let dropped = try flatdesk(["mail", "ingest", try messageFile(outOfOffice), "-C", desk])
        #expect(dropped.status == 0)
        #expect(dropped.output == "dropped: auto-reply without ticket\n")
    }

    @Test func usageMistakesExitWith64() throws {
        let desk = try TestSupport.sampleHelpdesk(bare: true)
        #expect(try flatdesk(["mail", "-C", desk]).status == 64)
        let unknown = try flatdesk(["mail", "send", "-C", desk])
        #expect(unknown.status == 64)
        #expect(unknown.error.contains("unknown action 'send'"))
        #expect(try flatdesk(["mail", "ingest", "a.eml", "b.eml", "-C", desk]).status == 64)
        #expect(try flatdesk(["mail", "ingest", "--colour", "-C", desk]).status == 64)
    }

    @Test func unreadableFileExitsWith66() throws {
        let desk = try TestSupport.sampleHelpdesk(bare: true)
        let result = try flatdesk(["mail", "ingest", "/nonexistent/message.eml", "-C", desk])
        #expect(result.status == 66)
        #expect(result.error.contains("cannot read '/nonexistent/message.eml'"))
    }

    @Test func lockedRepositoryExitsWith75() throws {
        let desk = try TestSupport.sampleHelpdesk(bare: true)
        let lock = desk + "/refs/heads/main.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        let file = try messageFile(TestEmail())
        let locked = try flatdesk(["mail", "ingest", file, "-C", desk])
        #expect(locked.status == 75)
        #expect(locked.error.contains("deliver it again later"))
        try FileManager.default.removeItem(atPath: lock)
        let retried = try flatdesk(["mail", "ingest", file, "-C", desk])
        #expect(retried.status == 0)
        #expect(retried.output == "FD-30 created E1\n")
    }

    @Test func missingHelpdeskExitsWith75() throws {
        let folder = TestSupport.temporaryFolder("no-helpdesk")
        let result = try flatdesk(["mail", "ingest", try messageFile(TestEmail()), "-C", folder])
        #expect(result.status == 75)
        #expect(result.error.contains("the message was not stored"))
    }

    @Test func garbageIsDeadLetteredWithStatus0() throws {
        let desk = try TestSupport.sampleHelpdesk(bare: true)
        let result = try flatdesk(["mail", "ingest", "-C", desk], input: "not a message")
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("dead-lettered: the message cannot be parsed"))
        let folder = desk + "/flatdesk/dead-letter"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.filter { $0.hasSuffix(".eml") }.count == 1)
        #expect(names.filter { $0.hasSuffix(".reason.txt") }.count == 1)
    }

    @Test func secretIsStoredAndPrintedOnce() throws {
        let desk = try TestSupport.sampleHelpdesk(bare: true)
        let secrets = TestSupport.temporaryFolder("secrets")
        let result = try flatdesk(["mail", "secret", "-C", desk], environment: ["FLATDESK_SECRETS_DIR": secrets])
        #expect(result.status == 0)
        let printed = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(printed.count >= 40)
        let stored = try SecretStore(directory: secrets).read(InboundWebhookSecret.secretName)
        #expect(stored == printed)
        #expect(!result.error.contains(printed))
    }

    @Test func outboxListsNothingWhenEmpty() throws {
        let desk = try TestSupport.sampleHelpdesk(bare: true)
        let result = try flatdesk(["mail", "outbox", "-C", desk])
        #expect(result.status == 0)
        #expect(result.output == "The outbox is empty.\n")
    }
}
