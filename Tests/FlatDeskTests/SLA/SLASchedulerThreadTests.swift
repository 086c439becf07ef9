import Foundation
import Testing

@testable import FlatDesk

@Suite struct SLASchedulerThreadTests {
    /// The scheduler thread sleeps on its queue and records a breach shortly after the due time passes.
    @Test func threadRecordsBreachSoonAfterDue() throws {
        let helpdesk = try Helpdesk(path: try TestSupport.sampleHelpdesk(bare: true))
        let delays = try SLASchedulerBenchmark.wakeUpDelays(helpdesk, samples: 2)
        #expect(delays.count == 2)
        for delay in delays {
            #expect(delay.fromEarliest >= 0)
            #expect(delay.fromEarliest < 5, "breach recorded \(delay.fromEarliest) s after it became possible")
        }
    }
}
