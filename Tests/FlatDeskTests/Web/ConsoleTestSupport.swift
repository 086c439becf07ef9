import Foundation
import Testing

@testable import FlatDesk

/// Helpers for the console tests: a sample server at a fixed time and readers for the console's DOM hooks.
enum ConsoleTestSupport {
    /// 2026-12-11 06:00 UTC: after the last sample change, and when FD-28 is due in about two hours.
    static let sampleNow = Timestamp.parse("2026-12-11T06:00:00Z") ?? Date(timeIntervalSince1970: 0)

    /// Starts a sample server whose clock is at `sampleNow`.
    static func server() throws -> WebTestServer {
        try WebTestServer(clock: { sampleNow })
    }

    /// Returns the ticket ids of the rows of `table.queue`, in page order.
    static func rowIDs(_ html: String) -> [String] {
        html.matches(of: #/<tr data-ticket="([^"]+)"/#).map { String($0.1) }
    }

    /// Returns the count shown beside the queue `name` in the sidebar.
    static func sidebarCount(_ html: String, queue name: String) -> Int? {
        let pattern = "data-queue=\"\(name)\" data-count=\"(\\d+)\""
        guard let regex = try? Regex(pattern), let match = html.firstMatch(of: regex),
            let digits = match.output[1].substring
        else { return nil }
        return Int(digits)
    }

    /// Returns the version the ticket page was rendered with.
    static func version(_ html: String) -> String? {
        html.firstMatch(of: #/data-version="([0-9a-f]+)"/#).map { String($0.1) }
    }

    /// Returns the `<tr>` of ticket `id` in a queue page, up to its closing tag.
    static func row(_ html: String, _ id: String) -> String? {
        guard let start = html.range(of: "<tr data-ticket=\"\(id)\"") else { return nil }
        guard let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    /// Sends a field change as the console's script does: form-encoded, asking for JSON, token in a header.
    static func postJSON(_ client: WebClient, _ path: String, _ form: [String: String], token: String) throws
        -> CurlResponse
    {
        try client.request(
            "POST", path, form: form, headers: ["Accept: application/json", "X-CSRF-Token: \(token)"])
    }

    /// Parses a JSON object into Foundation values.
    static func jsonObject(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let object = value as? [String: Any] else { throw TestFailure("not a JSON object: \(text)") }
        return object
    }

    /// Opens an open ticket directly through the helpdesk, as another channel would.
    @discardableResult
    static func openTicket(
        _ server: WebTestServer, subject: String, text: String = "Details.", assignee: String? = nil,
        priority: Priority = .medium
    ) throws -> Ticket {
        var draft = NewTicket(subject: subject, text: text, requester: "tom.baker@northwind.example")
        draft.assignee = assignee
        draft.priority = priority
        let actor = Actor(email: WebTestServer.agent, name: "Lena Fischer", role: .agent)
        return try server.helpdesk.createTicket(draft, actor: actor)
    }
}
