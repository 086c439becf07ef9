import Foundation

@testable import FlatDesk

/// Reads the bundled sample files and scrapes portal pages for the portal tests.
enum PortalSample {
    /// Reads every ticket of the sample helpdesk from `tickets/` of the source tree.
    static func tickets() throws -> [Ticket] {
        let folder = TestSupport.sourceRoot + "/tickets/000"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }
        return try names.map { name in
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            return try TicketCodec.decode(bytes, path: "tickets/000/" + name)
        }
    }

    /// Returns the ids of the sample tickets that `email` requested or follows, plus those of `organization` when given.
    static func ticketIDs(for email: String, organization: String?, closed: Bool) throws -> Set<String> {
        let matching = try tickets().filter { ticket in
            let involved = ticket.requester == email || ticket.followers.contains(email)
            let sameOrganization = organization != nil && ticket.organizationId == organization
            return (involved || sameOrganization) && (ticket.status == "closed") == closed
        }
        return Set(matching.map(\.id))
    }

    /// Collects the values of `attribute` (such as `data-ticket`) in the element whose id is `id`.
    ///
    /// The element ends at the next `</table>` or `</ul>`. When `id` is nil, the whole page is searched.
    static func attributeValues(_ attribute: String, in html: String, within id: String? = nil) -> [String] {
        var scope = html[...]
        if let id {
            guard let start = html.range(of: "id=\"\(id)\"") else { return [] }
            scope = html[start.upperBound...]
            let ends = ["</table>", "</ul>"].compactMap { scope.range(of: $0)?.lowerBound }
            if let end = ends.min() { scope = scope[..<end] }
        }
        let marker = attribute + "=\""
        var values: [String] = []
        while let start = scope.range(of: marker) {
            let rest = scope[start.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            values.append(String(rest[..<end]))
            scope = rest[end...]
        }
        return values
    }

    /// Commits `settings/helpdesk.json` with `portal.organizationTickets` set to `enabled` and reloads the settings.
    static func setOrganizationTickets(_ enabled: Bool, in helpdesk: Helpdesk) throws {
        let path = "settings/helpdesk.json"
        let text = String(decoding: try helpdesk.store.read { try $0.read(path) } ?? [], as: UTF8.self)
        let changed = text.replacingOccurrences(
            of: "\"organizationTickets\": \(!enabled)", with: "\"organizationTickets\": \(enabled)")
        guard changed != text else { throw TestFailure("organizationTickets not found in \(path)") }
        let author = CommitIdentity(name: "Test", email: "test@example.com", time: Date())
        try helpdesk.store.commit(
            author: author, message: "Set organizationTickets",
            changes: [FileChange(path: path, contents: Array(changed.utf8))])
        try helpdesk.refresh()
    }

    /// Returns the number of tickets in the index.
    static func ticketCount(_ server: WebTestServer) -> Int {
        server.helpdesk.index.count
    }
}
