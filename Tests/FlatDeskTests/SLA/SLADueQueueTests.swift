import Foundation
import Testing

@testable import FlatDesk

@Suite struct SLADueQueueTests {
    private let base = Date(timeIntervalSince1970: 1_772_000_000)
    private func at(_ minutes: Int) -> Date { base.addingTimeInterval(TimeInterval(minutes * 60)) }

    @Test func popsInTimeOrder() {
        var queue = SLADueQueue()
        queue.schedule("FD-3", at: at(30))
        queue.schedule("FD-1", at: at(10))
        queue.schedule("FD-2", at: at(20))
        #expect(queue.peek() == SLADueQueue.Entry(ticketID: "FD-1", dueAt: at(10)))
        #expect(queue.popDue(now: at(25)).map(\.ticketID) == ["FD-1", "FD-2"])
        #expect(queue.count == 1)
        #expect(queue.popDue(now: at(29)).isEmpty)
    }

    @Test func schedulingAgainMovesEntry() {
        var queue = SLADueQueue()
        queue.schedule("FD-1", at: at(10))
        queue.schedule("FD-2", at: at(20))
        queue.schedule("FD-1", at: at(30))
        #expect(queue.count == 2)
        #expect(queue.dueAt(of: "FD-1") == at(30))
        #expect(queue.peek()?.ticketID == "FD-2")
    }

    @Test func removeDropsEntry() {
        var queue = SLADueQueue()
        queue.schedule("FD-1", at: at(10))
        queue.schedule("FD-2", at: at(20))
        #expect(queue.remove("FD-1") == at(10))
        #expect(queue.remove("FD-1") == nil)
        #expect(queue.dueAt(of: "FD-1") == nil)
        #expect(queue.popDue(now: .distantFuture).map(\.ticketID) == ["FD-2"])
        #expect(queue.isEmpty)
    }

    @Test func equalTimesComeOutByTicketID() {
        var queue = SLADueQueue()
        for id in ["FD-9", "FD-10", "FD-1"] { queue.schedule(id, at: at(5)) }
        #expect(queue.popDue(now: at(5)).map(\.ticketID) == ["FD-1", "FD-10", "FD-9"])
    }

    @Test func randomOperationsMatchSortedReference() {
        var queue = SLADueQueue()
        var reference: [String: Date] = [:]
        var generator = SLASplitMix64(seed: 99)
        for step in 0..<5000 {
            let id = "FD-\(Int.random(in: 1...300, using: &generator))"
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<6:
                let due = at(Int.random(in: 0..<10_000, using: &generator))
                queue.schedule(id, at: due)
                reference[id] = due
            case 6..<8:
                #expect(queue.remove(id) == reference.removeValue(forKey: id), "step \(step)")
            default:
                let now = at(Int.random(in: 0..<10_000, using: &generator))
                let expected = reference.filter { $0.value <= now }.sorted(by: Self.entryOrder).map(\.key)
                #expect(queue.popDue(now: now).map(\.ticketID) == expected, "step \(step)")
                for key in expected { reference[key] = nil }
            }
            #expect(queue.count == reference.count)
        }
        let remaining = reference.sorted(by: Self.entryOrder).map(\.key)
        #expect(queue.popDue(now: .distantFuture).map(\.ticketID) == remaining)
    }

    private static func entryOrder(_ lhs: (key: String, value: Date), _ rhs: (key: String, value: Date)) -> Bool {
        lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key < rhs.key
    }
}
