import Foundation
import Testing

@testable import FlatDesk

@Suite(.serialized) struct SLABenchmarkTests {
    @Test func smallRunCountsEveryTicket() throws {
        let result = try SLABenchmark.run(ticketCount: 2000)
        #expect(result.ticketCount == 2000)
        #expect(result.breachedCount > 0)
        #expect(result.breachedCount < 2000)
        #expect(result.description.contains("tickets: 2000"))
    }

    /// The full-size run; set FLATDESK_SLA_BENCHMARK=1 and use a release build (`-c release`) for real numbers.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FLATDESK_SLA_BENCHMARK"] == "1"))
    func fullRunMeetsTarget() throws {
        let result = try SLABenchmark.run(ticketCount: 100_000)
        print(result)
        #expect(result.parallelDueTimesAndEvaluation < .milliseconds(300))
    }
}
