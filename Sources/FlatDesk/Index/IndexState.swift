import Foundation

/// Position of a ticket inside a status bucket: next due time, then ticket number.
struct BucketKey: Comparable, Sendable {
    var due: Double
    var number: Int
    var id: String

    init(_ ticket: IndexedTicket) {
        due = ticket.nextDueAt?.timeIntervalSince1970 ?? .infinity
        number = ticket.ticket.number ?? 0
        id = ticket.id
    }

    static func < (lhs: BucketKey, rhs: BucketKey) -> Bool {
        if lhs.due != rhs.due { return lhs.due < rhs.due }
        if lhs.number != rhs.number { return lhs.number < rhs.number }
        return lhs.id < rhs.id
    }
}

/// The index's data, guarded by the index's mutex.
struct IndexState: Sendable {
    var commit: GitOID?
    var byID = TicketTable()
    var idByPath: [String: String] = [:]
    /// Ticket keys per status, each sorted by `BucketKey`.
    var buckets: [String: [BucketKey]] = [:]
    var problems: [String: [FileProblem]] = [:]
    var highestNumber = 0

    /// Makes room for `count` tickets so that a cold build does not rehash as it grows.
    mutating func reserveCapacity(_ count: Int) {
        byID.reserveCapacity(count)
        idByPath.reserveCapacity(count)
    }

    /// Adds a loaded file during a cold build; buckets are sorted once at the end.
    mutating func apply(_ loaded: LoadedTicket) {
        switch loaded {
        case .problem(let path, let list):
            problems[path] = list
        case .ticket(let ticket):
            if let existing = byID[ticket.id], existing.path != ticket.path {
                problems[ticket.path] = [duplicateProblem(ticket, existing)]
                return
            }
            byID[ticket.id] = ticket
            idByPath[ticket.path] = ticket.id
            buckets[ticket.ticket.status, default: []].append(BucketKey(ticket))
            highestNumber = max(highestNumber, ticket.ticket.number ?? 0)
        }
    }

    mutating func sortBuckets() {
        for status in buckets.keys { buckets[status]?.sort() }
    }

    /// Replaces whatever was at the loaded file's path; returns the ids affected.
    mutating func replace(_ loaded: LoadedTicket) -> Set<String> {
        var ids = Set<String>()
        switch loaded {
        case .problem(let path, let list):
            if let id = remove(path: path) { ids.insert(id) }
            problems[path] = list
        case .ticket(let ticket):
            if let id = remove(path: ticket.path) { ids.insert(id) }
            if let existing = byID[ticket.id] {
                problems[ticket.path] = [duplicateProblem(ticket, existing)]
                return ids
            }
            byID[ticket.id] = ticket
            idByPath[ticket.path] = ticket.id
            insertSorted(BucketKey(ticket), status: ticket.ticket.status)
            highestNumber = max(highestNumber, ticket.ticket.number ?? 0)
            ids.insert(ticket.id)
        }
        return ids
    }

    /// Removes the ticket stored at `path`; returns its id.
    mutating func remove(path: String) -> String? {
        problems[path] = nil
        guard let id = idByPath.removeValue(forKey: path), let old = byID.removeValue(forKey: id) else { return nil }
        let key = BucketKey(old)
        if var bucket = buckets[old.ticket.status] {
            let position = bucket.partitionPoint { $0 < key }
            if position < bucket.count, bucket[position] == key { bucket.remove(at: position) }
            buckets[old.ticket.status] = bucket.isEmpty ? nil : bucket
        }
        return id
    }

    private mutating func insertSorted(_ key: BucketKey, status: String) {
        var bucket = buckets[status] ?? []
        buckets[status] = nil
        bucket.insert(key, at: bucket.partitionPoint { $0 < key })
        buckets[status] = bucket
    }

    private func duplicateProblem(_ ticket: IndexedTicket, _ existing: IndexedTicket) -> FileProblem {
        FileProblem(path: ticket.path, line: nil, message: "duplicate ticket id '\(ticket.id)', also used by \(existing.path)")
    }
}

extension Array {
    /// Index of the first element for which `belongsAfter` is false, assuming the array is partitioned.
    func partitionPoint(_ belongsBefore: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
