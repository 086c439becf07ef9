import Foundation
import Testing

@testable import FlatDesk

/// Every file of the email corpus through the intake: in-process, and through the built `flatdesk` binary.
@Suite struct MailIntakeCorpusTests {
    /// Every file in raw/, replies/ and autoreplies/, including the bodies-only `.txt` and `.html` files,
    /// which are not messages and must be dead-lettered without harm.
    static let corpusFiles: [String] = ["raw", "replies", "autoreplies"].flatMap { MailFixtures.paths(in: $0) }

    @Test func corpusHasEveryFolder() {
        #expect(Self.corpusFiles.count == 178)
    }

    @Test func everyCorpusFileIsHandledInProcess() throws {
        let desk = try IntakeDesk()
        var outcomes: [MailIntakeResult.Outcome: Int] = [:]
        for path in Self.corpusFiles {
            let raw = try MailFixtures.bytes(path)
            let started = Date()
            let result = try desk.intake.ingest(raw: raw)
            let seconds = Date().timeIntervalSince(started)
            #expect(seconds < 1, "\(path) took \(seconds) s")
            outcomes[result.outcome, default: 0] += 1
            if path.hasPrefix("autoreplies/") {
                #expect(result.outcome != .created, "\(path) opened a ticket")
            }
        }
        #expect((outcomes[.created] ?? 0) > 50)
        #expect((outcomes[.dropped] ?? 0) >= 30)
        #expect(desk.helpdesk.index.problems.isEmpty)
        let checked = try TestSupport.run(TestSupport.executable, ["check", "-C", desk.path])
        #expect(checked.status == 0, "\(checked.output)\(checked.error)")
    }

    @Test func everyCorpusFileIsHandledByBinary() throws {
        let desk = try TestSupport.sampleHelpdesk(bare: false)
        var slowest = (path: "", seconds: 0.0)
        for path in Self.corpusFiles {
            let file = MailFixtures.root.appendingPathComponent(path).path
            let started = Date()
            let result = try TestSupport.run(TestSupport.executable, ["mail", "ingest", file, "-C", desk])
            let seconds = Date().timeIntervalSince(started)
            if seconds > slowest.seconds { slowest = (path, seconds) }
            #expect(result.status == 0, "\(path): \(result.error)")
            #expect(seconds < 1, "\(path) took \(seconds) s")
            let outcome = result.output.split(separator: ":").first.map(String.init) ?? ""
            #expect(
                ["created", "threaded", "recorded", "duplicate", "dropped", "dead-lettered"].contains {
                    outcome.contains($0)
                },
                "\(path): \(result.output)")
        }
        #expect(slowest.seconds < 1, "slowest: \(slowest.path) \(slowest.seconds) s")
        #expect(try TestSupport.git(["status", "--porcelain"], in: desk) == "")
        #expect(try TestSupport.run(TestSupport.executable, ["check", "-C", desk]).status == 0)
    }

    @Test func standardInputIsRead() throws {
        let desk = try TestSupport.sampleHelpdesk(bare: true)
        let message = try MailFixtures.text("replies/talon-gmail.eml")
        let result = try TestSupport.run(TestSupport.executable, ["mail", "ingest", "-C", desk], input: message)
        #expect(result.status == 0)
        #expect(result.output == "FD-30 created E1\n")
        let again = try TestSupport.run(TestSupport.executable, ["mail", "ingest", "-C", desk], input: message)
        #expect(again.output == "FD-30 duplicate\n")
    }
}
