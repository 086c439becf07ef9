import Foundation

/// A binary min-heap of ticket wake-up times that the SLA scheduler sleeps on.
///
/// Each ticket id appears at most once; scheduling it again moves its entry. Every operation except `peek`
/// and `dueAt(of:)` costs O(log n), so the scheduler never scans all tickets. Entries with equal times come
/// out in ticket id order. The queue is a value type with no locking; the scheduler owns it.
public struct SLADueQueue: Sendable {
    /// A ticket and the instant it should be evaluated again.
    public struct Entry: Sendable, Hashable {
        /// The ticket id, such as `FD-1042`.
        public let ticketID: String
        /// When the ticket should be evaluated.
        public let dueAt: Date

        /// Creates an entry.
        public init(ticketID: String, dueAt: Date) {
            self.ticketID = ticketID
            self.dueAt = dueAt
        }

        fileprivate func precedes(_ other: Entry) -> Bool {
            dueAt != other.dueAt ? dueAt < other.dueAt : ticketID < other.ticketID
        }
    }

    private var heap: [Entry] = []
    private var positions: [String: Int] = [:]

    /// Creates an empty queue.
    public init() {}

    /// The number of scheduled tickets.
    public var count: Int { heap.count }

    /// Whether no ticket is scheduled.
    public var isEmpty: Bool { heap.isEmpty }

    /// Returns the earliest entry without removing it.
    public func peek() -> Entry? { heap.first }

    /// Returns the scheduled time of `ticketID`, or nil if it is not in the queue.
    public func dueAt(of ticketID: String) -> Date? {
        positions[ticketID].map { heap[$0].dueAt }
    }

    /// Schedules `ticketID` at `dueAt`, replacing its earlier time if it was already scheduled.
    public mutating func schedule(_ ticketID: String, at dueAt: Date) {
        let entry = Entry(ticketID: ticketID, dueAt: dueAt)
        if let index = positions[ticketID] {
            heap[index] = entry
            restoreOrder(at: index)
        } else {
            heap.append(entry)
            positions[ticketID] = heap.count - 1
            siftUp(heap.count - 1)
        }
    }

    /// Removes `ticketID` and returns its scheduled time, or nil if it was not in the queue.
    @discardableResult
    public mutating func remove(_ ticketID: String) -> Date? {
        guard let index = positions[ticketID] else { return nil }
        return remove(at: index).dueAt
    }

    /// Removes and returns every entry due at or before `now`, earliest first.
    public mutating func popDue(now: Date) -> [Entry] {
        var due: [Entry] = []
        while let first = heap.first, first.dueAt <= now {
            due.append(remove(at: 0))
        }
        return due
    }

    private mutating func remove(at index: Int) -> Entry {
        let removed = heap[index]
        let last = heap.count - 1
        if index != last { swapEntries(index, last) }
        heap.removeLast()
        positions[removed.ticketID] = nil
        if index < heap.count { restoreOrder(at: index) }
        return removed
    }

    private mutating func restoreOrder(at index: Int) {
        if index > 0, heap[index].precedes(heap[(index - 1) / 2]) {
            siftUp(index)
        } else {
            siftDown(index)
        }
    }

    private mutating func siftUp(_ start: Int) {
        var index = start
        while index > 0 {
            let parent = (index - 1) / 2
            guard heap[index].precedes(heap[parent]) else { return }
            swapEntries(index, parent)
            index = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var index = start
        while true {
            var smallest = index
            let left = 2 * index + 1
            let right = left + 1
            if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
            guard smallest != index else { return }
            swapEntries(index, smallest)
            index = smallest
        }
    }

    private mutating func swapEntries(_ first: Int, _ second: Int) {
        heap.swapAt(first, second)
        positions[heap[first].ticketID] = first
        positions[heap[second].ticketID] = second
    }
}
