import Foundation

/// A binary min-heap of ticket wake-up times that the SLA scheduler sleeps on.
///
/// Each ticket id appears at most once; scheduling it again moves its entry. `schedule`, `remove` and each
/// entry taken by `popDue` cost O(log n), and `peek` and `dueAt(of:)` O(1), so the scheduler never scans all
/// tickets. Entries with equal times come out in ticket id order. The queue is a value type without locking,
/// so the scheduler that owns it serializes access.
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
    }

    /// A heap element: the due time, and the slot under which the ticket id and the heap index are stored.
    private struct Node {
        var dueAt: Date
        var slot: Int
    }

    private var heap: [Node] = []
    /// Ticket id per slot; a slot is reused after its ticket leaves the queue.
    private var ticketIDs: [String] = []
    /// Heap index per slot, kept current on every move, so a ticket's node is found without a search.
    private var heapIndexBySlot: [Int] = []
    private var slotsByTicketID: [String: Int] = [:]
    private var freeSlots: [Int] = []

    /// Creates an empty queue.
    public init() {}

    /// The number of scheduled tickets.
    public var count: Int { heap.count }

    /// Whether no ticket is scheduled.
    public var isEmpty: Bool { heap.isEmpty }

    /// Returns the earliest entry without removing it.
    public func peek() -> Entry? {
        heap.first.map { Entry(ticketID: ticketIDs[$0.slot], dueAt: $0.dueAt) }
    }

    /// Returns the scheduled time of `ticketID`, or nil if it is not in the queue.
    public func dueAt(of ticketID: String) -> Date? {
        slotsByTicketID[ticketID].map { heap[heapIndexBySlot[$0]].dueAt }
    }

    /// Schedules `ticketID` at `dueAt`, replacing its earlier time if it was already scheduled.
    public mutating func schedule(_ ticketID: String, at dueAt: Date) {
        if let slot = slotsByTicketID[ticketID] {
            let index = heapIndexBySlot[slot]
            heap[index].dueAt = dueAt
            restoreOrder(at: index)
            return
        }
        let slot = allocateSlot(for: ticketID)
        heap.append(Node(dueAt: dueAt, slot: slot))
        heapIndexBySlot[slot] = heap.count - 1
        siftUp(heap.count - 1)
    }

    /// Removes `ticketID` and returns its scheduled time, or nil if it was not in the queue.
    @discardableResult
    public mutating func remove(_ ticketID: String) -> Date? {
        guard let slot = slotsByTicketID[ticketID] else { return nil }
        return remove(at: heapIndexBySlot[slot]).dueAt
    }

    /// Removes and returns every entry due at or before `now`, earliest first.
    public mutating func popDue(now: Date) -> [Entry] {
        var due: [Entry] = []
        while let first = heap.first, first.dueAt <= now {
            due.append(remove(at: 0))
        }
        return due
    }

    // MARK: - Slots

    private mutating func allocateSlot(for ticketID: String) -> Int {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            ticketIDs[slot] = ticketID
        } else {
            slot = ticketIDs.count
            ticketIDs.append(ticketID)
            heapIndexBySlot.append(0)
        }
        slotsByTicketID[ticketID] = slot
        return slot
    }

    private mutating func remove(at index: Int) -> Entry {
        let removed = heap[index]
        let entry = Entry(ticketID: ticketIDs[removed.slot], dueAt: removed.dueAt)
        let last = heap.removeLast()
        if index < heap.count {
            heap[index] = last
            heapIndexBySlot[last.slot] = index
            restoreOrder(at: index)
        }
        slotsByTicketID[entry.ticketID] = nil
        ticketIDs[removed.slot] = ""
        freeSlots.append(removed.slot)
        return entry
    }

    // MARK: - Heap order

    private func precedes(_ lhs: Node, _ rhs: Node) -> Bool {
        lhs.dueAt != rhs.dueAt ? lhs.dueAt < rhs.dueAt : ticketIDs[lhs.slot] < ticketIDs[rhs.slot]
    }

    private mutating func restoreOrder(at index: Int) {
        if index > 0, precedes(heap[index], heap[(index - 1) / 2]) {
            siftUp(index)
        } else {
            siftDown(index)
        }
    }

    /// Moves the node at `start` up, shifting larger parents down into the hole, then places it.
    private mutating func siftUp(_ start: Int) {
        let node = heap[start]
        var index = start
        while index > 0 {
            let parent = (index - 1) / 2
            guard precedes(node, heap[parent]) else { break }
            place(heap[parent], at: index)
            index = parent
        }
        place(node, at: index)
    }

    /// Moves the node at `start` down, shifting smaller children up into the hole, then places it.
    private mutating func siftDown(_ start: Int) {
        let node = heap[start]
        var index = start
        while true {
            let left = 2 * index + 1
            guard left < heap.count else { break }
            let right = left + 1
            let child = right < heap.count && precedes(heap[right], heap[left]) ? right : left
            guard precedes(heap[child], node) else { break }
            place(heap[child], at: index)
            index = child
        }
        place(node, at: index)
    }

    private mutating func place(_ node: Node, at index: Int) {
        heap[index] = node
        heapIndexBySlot[node.slot] = index
    }
}
