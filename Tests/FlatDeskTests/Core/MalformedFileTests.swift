import Foundation
import Testing

@testable import FlatDesk

@Suite struct MalformedFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var line: Int?
        var message: String
        var testDescription: String { name }
    }

    static let validHeader = """
        {
          "id": "FD-9",
          "ticketType": "incident",
          "status": "open",
          "priority": "medium",
          "subject": "Subject",
          "requester": "r@example.com",
          "createdAt": "2026-11-30T08:12:00Z"
        }

        Body.

        """

    static func replacing(_ old: String, _ new: String) -> [UInt8] {
        Array(validHeader.replacingOccurrences(of: old, with: new).utf8)
    }

    static let cases: [Case] = [
        Case(name: "bad JSON", bytes: replacing("\"status\": \"open\",", "\"status\": open,"), line: 4, message: "invalid front-matter: unexpected character 'o'"),
        Case(name: "missing comma", bytes: replacing("\"open\",", "\"open\""), line: 5, message: "expected ',' or '}' after the value of 'status'"),
        Case(name: "unknown priority", bytes: replacing("\"medium\"", "\"hihg\""), line: 5, message: "invalid priority 'hihg' (expected low, medium, high or urgent)"),
        Case(name: "unknown type", bytes: replacing("\"incident\"", "\"bug\""), line: 3, message: "invalid ticketType 'bug' (expected incident, service_request, problem or change)"),
        Case(name: "unknown status", bytes: replacing("\"open\"", "\"opne\""), line: 4, message: "invalid status 'opne'"),
        Case(name: "missing subject", bytes: replacing("  \"subject\": \"Subject\",\n", ""), line: 1, message: "missing required field 'subject'"),
        Case(name: "bad date", bytes: replacing("2026-11-30T08:12:00Z", "yesterday"), line: 8, message: "invalid createdAt \"yesterday\" (expected an ISO 8601 time"),
        Case(name: "wrong type", bytes: replacing("\"r@example.com\"", "42"), line: 7, message: "invalid requester 42 (expected a non-empty string)"),
        Case(name: "not an object", bytes: Array("[1, 2]\n\nBody".utf8), line: 1, message: "front-matter must be a JSON object, found an array"),
        Case(name: "invalid UTF-8", bytes: Array(validHeader.utf8.prefix(40)) + [0xC3, 0x28] + Array(validHeader.utf8.dropFirst(40)), line: 3, message: "invalid UTF-8"),
        Case(name: "binary", bytes: [0x7B, 0x0A, 0x00, 0x01, 0x02], line: 2, message: "binary file (NUL byte)"),
        Case(name: "empty", bytes: Array("\n\n".utf8), line: 1, message: "empty file"),
        Case(name: "newer format", bytes: replacing("{\n", "{\n  \"formatVersion\": 2,\n"), line: 2, message: "formatVersion 2 is newer than this FlatDesk reads (1); upgrade FlatDesk"),
        Case(name: "unterminated string", bytes: replacing("\"Subject\",", "\"Subject,"), line: 6, message: "control character in string"),
    ]

    @Test(arguments: cases)
    func malformedFileIsReported(_ testCase: Case) {
        let statuses = Set(BuiltInStatus.allCases.map(\.rawValue))
        #expect(throws: FileFormatError.self) {
            _ = try TicketCodec.decode(testCase.bytes, path: "tickets/000/FD-9.md", statuses: statuses)
        }
        do {
            _ = try TicketCodec.decode(testCase.bytes, path: "tickets/000/FD-9.md", statuses: statuses)
        } catch {
            let problem = error.problems.first
            #expect(problem?.line == testCase.line, "\(error)")
            #expect(problem?.message.contains(testCase.message) == true, "\(error)")
            #expect(error.description.hasPrefix("tickets/000/FD-9.md:"))
        }
    }

    @Test func oversizedFileIsRejectedBeforeParsing() {
        let big = [UInt8](repeating: 0x61, count: 50 * 1024 * 1024)
        do {
            _ = try TicketCodec.decode(big, path: "tickets/000/FD-1.md")
            Issue.record("a 50 MB file was accepted")
        } catch {
            #expect(error.problems.first?.message.contains("larger than the 10 MB limit") == true)
            #expect(error.problems.first?.line == nil)
        }
    }

    @Test func badFilesAreSkippedByTheIndex() throws {
        let path = try TestSupport.emptyHelpdesk()
        let helpdesk = try Helpdesk(path: path)
        try helpdesk.createTicket(NewTicket(subject: "Good", text: "fine", requester: "a@example.com"), actor: TestSupport.agent)
        var changes = Self.cases.enumerated().map { index, testCase in
            FileChange(path: "tickets/900/BAD-\(index).md", contents: testCase.bytes)
        }
        changes.append(FileChange(path: "tickets/900/HUGE.md", contents: [UInt8](repeating: 0x61, count: 11 * 1024 * 1024)))
        try helpdesk.store.commit(author: CommitIdentity(name: "x", email: "x@example.com"), message: "Add broken files", changes: changes)
        try helpdesk.refresh()
        #expect(helpdesk.index.count == 1)
        #expect(Set(helpdesk.index.problems.map(\.path)).count == Self.cases.count + 1)
        let reopened = try Helpdesk(path: path)
        #expect(reopened.index.count == 1)
        #expect(reopened.index.problems.count >= Self.cases.count + 1)
    }
}
