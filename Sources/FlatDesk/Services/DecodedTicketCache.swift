import Synchronization

/// The tickets most recently decoded from their files, by blob and path.
///
/// A change through the API reads its ticket several times: to check access, to build the commit
/// on the head and to index the result. A blob's contents never change, so the first decoding
/// serves the others. The oldest entry is dropped once `capacity` is reached.
final class DecodedTicketCache: Sendable {
    private struct Key: Hashable {
        var blob: GitOID
        var path: String
    }

    private struct State {
        var tickets: [Key: Ticket] = [:]
        /// Keys in insertion order, used as a ring once full.
        var order: [Key] = []
        var next = 0
    }

    private let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Returns the ticket decoded from `blob` at `path`, if it is still cached.
    func ticket(blob: GitOID, path: String) -> Ticket? {
        state.withLock { $0.tickets[Key(blob: blob, path: path)] }
    }

    /// Remembers the ticket decoded from `blob` at `path`, dropping the oldest entry when full.
    func insert(_ ticket: Ticket, blob: GitOID, path: String) {
        let key = Key(blob: blob, path: path)
        state.withLock { state in
            guard state.tickets.updateValue(ticket, forKey: key) == nil else { return }
            if state.order.count < capacity {
                state.order.append(key)
                return
            }
            state.tickets.removeValue(forKey: state.order[state.next])
            state.order[state.next] = key
            state.next = (state.next + 1) % capacity
        }
    }
}
