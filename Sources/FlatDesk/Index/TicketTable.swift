/// The indexed tickets, kept in one array and found by id.
///
/// A `[String: IndexedTicket]` stores each 400-byte ticket inline in its hash table, which Swift
/// keeps at most 75% full in a power-of-two size: 100,000 tickets took 262,144 slots (about 109 MB).
/// Here the table maps ids to array positions, so the unused slots cost 24 bytes each instead.
struct TicketTable: Sendable {
    private var slots: [IndexedTicket?] = []
    private var positions: [String: Int] = [:]
    /// Positions of removed tickets, reused by the next insertions.
    private var freePositions: [Int] = []

    var count: Int { positions.count }

    /// The ids of every ticket, in no particular order.
    var keys: Dictionary<String, Int>.Keys { positions.keys }

    /// Every ticket, in no particular order.
    var values: [IndexedTicket] { positions.values.compactMap { slots[$0] } }

    mutating func reserveCapacity(_ count: Int) {
        slots.reserveCapacity(count)
        positions.reserveCapacity(count)
    }

    /// The ticket with `id`; setting nil removes it.
    subscript(id: String) -> IndexedTicket? {
        get { positions[id].flatMap { slots[$0] } }
        set {
            guard let newValue else {
                _ = removeValue(forKey: id)
                return
            }
            if let position = positions[id] {
                slots[position] = newValue
            } else if let position = freePositions.popLast() {
                slots[position] = newValue
                positions[id] = position
            } else {
                positions[id] = slots.count
                slots.append(newValue)
            }
        }
    }

    /// Removes the ticket with `id` and returns it.
    mutating func removeValue(forKey id: String) -> IndexedTicket? {
        guard let position = positions.removeValue(forKey: id) else { return nil }
        let removed = slots[position]
        slots[position] = nil
        freePositions.append(position)
        return removed
    }
}
