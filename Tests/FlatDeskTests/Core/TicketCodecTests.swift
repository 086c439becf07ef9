import Foundation
import Testing

@testable import FlatDesk

@Suite struct TicketCodecTests {
    static let sampleTickets: [String] = files(under: "tickets")
    static let sampleArticles: [String] = files(under: "kb")

    static func files(under folder: String) -> [String] {
        let root = TestSupport.sourceRoot + "/" + folder
        let names = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        return names.filter { $0.hasSuffix(".md") }.map { folder + "/" + $0 }.sorted()
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: TestSupport.sourceRoot + "/" + path) else {
            throw TestFailure("cannot read \(path)")
        }
        return [UInt8](data)
    }

    @Test func sampleHasTicketsAndArticles() {
        #expect(Self.sampleTickets.count >= 20)
        #expect(Self.sampleArticles.count >= 10)
    }

    @Test(arguments: sampleTickets)
    func sampleTicketRoundTripsByteForByte(path: String) throws {
        let original = try Self.bytes(path)
        let ticket = try TicketCodec.decode(original, path: path)
        let written = TicketCodec.encode(ticket)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: original, as: UTF8.self))
        #expect(try TicketCodec.decode(written, path: path) == ticket)
    }

    @Test(arguments: sampleArticles)
    func sampleArticleRoundTripsByteForByte(path: String) throws {
        let original = try Self.bytes(path)
        let article = try KBCodec.decode(original, path: path)
        #expect(KBCodec.encode(article) == original)
    }

    @Test func newTicketRoundTrips() throws {
        var ticket = Ticket(
            id: "FD-7", subject: "Käse \"quoted\" \\ back", requester: "a@example.com", channel: .email,
            createdAt: Date(timeIntervalSince1970: 1_790_000_000.7), requestText: "Line one\n\nLine two\r\n")
        ticket.links = [TicketLink(kind: .causedBy, target: "FD-1")]
        ticket.customFields = ["zeta": "last", "alpha": "first"]
        ticket.csat = CSATRating(rating: 4, comment: "quick", at: Date(timeIntervalSince1970: 1_790_000_100))
        ticket.entries.append(TicketEntry(
            id: "E2", kind: .note, author: "b@example.com", at: Date(timeIntervalSince1970: 1_790_000_200),
            attributes: [("message-id", "abc@example.com"), ("subject", "with spaces -- and dashes")],
            text: "<!-- flatdesk:entry id=E9 kind=reply author=x at=2026-01-01T00:00:00Z -->\n  indented"))
        let bytes = TicketCodec.encode(ticket)
        let decoded = try TicketCodec.decode(bytes, path: "tickets/000/FD-7.md")
        #expect(decoded == ticket)
        #expect(decoded.entries.count == 2)
        #expect(decoded.entries[1].text.hasPrefix("<!-- flatdesk:entry id=E9"))
        #expect(TicketCodec.encode(decoded) == bytes)
    }

    @Test func headerHasOneFieldPerLine() throws {
        let ticket = Ticket(id: "FD-1", subject: "S", requester: "r@example.com", channel: .portal, createdAt: Date(), requestText: "x")
        let text = String(decoding: TicketCodec.encode(ticket), as: UTF8.self)
        let header = text.components(separatedBy: "\n}\n")[0].split(separator: "\n").dropFirst()
        #expect(header.count == TicketCodec.knownKeys.count)
        #expect(header.allSatisfy { $0.hasPrefix("  \"") })
    }

    @Test func handEditedFileIsAccepted() throws {
        let text = """
            {"subject":"Hand made",   "id": "FD-3",
              "status": "open", "ticketType": "problem",
                "requester": "x@example.com", "createdAt": "2026-11-30T08:12:00.000Z", "priority": "high",
              "myOwnField": [1, 2]
            }

            The request, written without any marker.

            <!-- flatdesk:entry id=E2 kind=reply author=agent@example.com at=2026-11-30T09:00:00Z -->
            ### Reply · agent@example.com · 2026-11-30 09:00 UTC

            Answer.
            """
        let ticket = try TicketCodec.decode(Array(text.utf8), path: "tickets/000/FD-3.md")
        #expect(ticket.subject == "Hand made")
        #expect(ticket.ticketType == .problem)
        #expect(ticket.priority == .high)
        #expect(ticket.entries.map(\.kind) == [.request, .reply])
        #expect(ticket.entries[0].text == "The request, written without any marker.")
        #expect(ticket.extraFields.map(\.key) == ["myOwnField"])
        let rewritten = String(decoding: TicketCodec.encode(ticket), as: UTF8.self)
        #expect(rewritten.contains("\n  \"myOwnField\": [1, 2]\n}"))
        #expect(try TicketCodec.decode(Array(rewritten.utf8), path: "t") == ticket)
    }
}
