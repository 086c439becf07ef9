import Foundation
import Testing

@testable import FlatDesk

@Suite struct DecodedTicketCacheTests {
    static func blob(_ number: Int) -> GitOID {
        GitOID(hex: String(format: "%040x", number))!
    }

    static func ticket(_ number: Int) -> Ticket {
        Ticket(
            id: "FD-\(number)", subject: "Subject \(number)", requester: "user@example.com", channel: .email,
            createdAt: Date(timeIntervalSince1970: 1_790_000_000), requestText: "Request \(number)")
    }

    @Test func returnsCachedTicketByBlobAndPath() {
        let cache = DecodedTicketCache(capacity: 4)
        cache.insert(Self.ticket(1), blob: Self.blob(1), path: "tickets/0000/FD-1.md")
        #expect(cache.ticket(blob: Self.blob(1), path: "tickets/0000/FD-1.md")?.id == "FD-1")
        #expect(cache.ticket(blob: Self.blob(1), path: "tickets/0000/FD-2.md") == nil)
        #expect(cache.ticket(blob: Self.blob(2), path: "tickets/0000/FD-1.md") == nil)
    }

    @Test func dropsOldestWhenFull() {
        let cache = DecodedTicketCache(capacity: 2)
        for number in 1...3 {
            cache.insert(Self.ticket(number), blob: Self.blob(number), path: "tickets/0000/FD-\(number).md")
        }
        #expect(cache.ticket(blob: Self.blob(1), path: "tickets/0000/FD-1.md") == nil)
        #expect(cache.ticket(blob: Self.blob(2), path: "tickets/0000/FD-2.md")?.id == "FD-2")
        #expect(cache.ticket(blob: Self.blob(3), path: "tickets/0000/FD-3.md")?.id == "FD-3")
    }
}
