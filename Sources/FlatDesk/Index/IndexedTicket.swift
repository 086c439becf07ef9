import Foundation

/// What the index keeps of one ticket: its front-matter (no thread), where it lives and its version.
public struct IndexedTicket: Sendable {
    /// The ticket's fields; `entries` is empty because the index does not keep threads.
    public var ticket: Ticket
    public var path: String
    /// The blob id of the file; edits carry it as the version they were based on.
    public var blob: GitOID
    public var entryCount: Int

    public var id: String { ticket.id }
    public var version: String { blob.hex }

    /// The next SLA due time that still matters, or nil for a resolved or closed ticket.
    public var nextDueAt: Date? {
        let status = ticket.status
        if status == BuiltInStatus.resolved.rawValue || status == BuiltInStatus.closed.rawValue { return nil }
        guard ticket.firstRespondedAt == nil, let firstResponse = ticket.firstResponseDueAt else {
            return ticket.resolutionDueAt
        }
        return min(firstResponse, ticket.resolutionDueAt ?? firstResponse)
    }

    /// Number of thread entries in a ticket file, counted from its marker lines without parsing them.
    static func countEntries(_ bytes: [UInt8]) -> Int {
        let marker = Array(("\n" + TicketBodyCodec.markerPrefix).utf8)
        var count = 0
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let last = buffer.count - marker.count
            while index <= last {
                if buffer[index] == 0x0A, buffer[index + 1] == 0x3C {
                    var matched = true
                    for offset in 2..<marker.count where buffer[index + offset] != marker[offset] {
                        matched = false
                        break
                    }
                    if matched { count += 1 }
                }
                index += 1
            }
        }
        return count
    }
}
