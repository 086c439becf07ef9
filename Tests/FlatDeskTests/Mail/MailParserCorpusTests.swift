import Foundation
import Testing

@testable import FlatDesk

/// Every message of the corpus parses without crashing or hanging.
@Suite struct MailParserCorpusTests {
    /// The only corpus file that is not a message at all.
    static let notMessages: Set<String> = ["raw/enmime-erroneous.eml"]

    @Test func corpusHasAllMessageFiles() {
        #expect(MailFixtures.messagePaths.filter { $0.hasPrefix("raw/") }.count == 85)
        #expect(MailFixtures.messagePaths.filter { $0.hasPrefix("replies/") }.count == 18)
        #expect(MailFixtures.messagePaths.filter { $0.hasPrefix("autoreplies/") }.count == 34)
    }

    @Test(arguments: MailFixtures.messagePaths)
    func parsesWithinOneSecond(path: String) throws {
        let bytes = try MailFixtures.bytes(path)
        let clock = ContinuousClock()
        var failure: MailError?
        let elapsed = clock.measure {
            do throws(MailError) {
                _ = try MailParser.parse(bytes)
            } catch {
                failure = error
            }
        }
        #expect(elapsed < .seconds(1), "\(path) took \(elapsed)")
        #expect((failure != nil) == Self.notMessages.contains(path), "\(path): \(String(describing: failure))")
    }

    @Test func slowestFileUnderOneSecond() throws {
        let clock = ContinuousClock()
        var slowest: (path: String, time: Duration) = ("", .zero)
        for path in MailFixtures.messagePaths {
            let bytes = try MailFixtures.bytes(path)
            let elapsed = clock.measure { _ = try? MailParser.parse(bytes) }
            if elapsed > slowest.time { slowest = (path, elapsed) }
        }
        print("slowest corpus file: \(slowest.path) in \(slowest.time)")
        #expect(slowest.time < .seconds(1))
    }

    @Test func nonMessageIsRejected() throws {
        #expect(throws: MailError.notAMessage(byteCount: 26, start: "// Not an RFC-822 Document")) {
            try MailFixtures.parse("raw/enmime-erroneous.eml")
        }
    }
}
