import Foundation
import Testing

@testable import FlatDesk

@Suite struct ManualSLAClockTests {
    @Test func advancesAndSets() {
        let start = Date(timeIntervalSince1970: 1_772_000_000)
        let clock = ManualSLAClock(start)
        #expect(clock.now() == start)
        clock.advance(by: 90)
        #expect(clock.now() == start.addingTimeInterval(90))
        clock.set(start.addingTimeInterval(-10))
        #expect(clock.now() == start.addingTimeInterval(-10))
    }
}
