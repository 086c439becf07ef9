import Foundation
import Testing

@testable import FlatDesk

/// Sample tickets, people and helpers of the security tests.
///
/// With `portal.organizationTickets` on, Northwind customers see Northwind tickets and Contoso customers
/// see Contoso tickets, so a ticket of the other organization is the one a customer may not see.
enum SecurityFixture {
    /// Tom Baker's open ticket, which Anna Schulz of Northwind may view too.
    static let northwindTicket = "FD-26"
    /// Hannah Lee's ticket of Contoso, which Olivia Grant of Contoso may view too.
    static let contosoTicket = "FD-22"
    /// Lena Fischer's ticket, waiting for the customer.
    static let agentTicket = "FD-16"
    /// A Northwind customer who may view `northwindTicket` through the organization, not as its requester.
    static let sameOrganizationCustomer = "anna.schulz@northwind.example"
    static let agentActor = Actor(email: WebTestServer.agent, name: "Lena Fischer", role: .agent)
    /// A word that no sample file contains, so that only the canary note matches a search for it.
    static let canaryWord = "quokkafirmware"
    /// Text of the canary note that no page repeats from the request, unlike a search query.
    static let canaryPhrase = "password is kept in the vault"
    static let canaryNote = "Internal canary: the \(canaryWord) \(canaryPhrase)."

    /// Cancels the running test unless the server routes GET requests for `path`.
    ///
    /// The router responds to `OPTIONS` with 204 and an `Allow` header for a path that some route matches, and
    /// with 404 for any other path. No handler runs, so the result does not depend on the viewer's access.
    static func requireRoute(_ path: String, pattern: String, on server: WebTestServer) throws {
        let response = try server.client().request("OPTIONS", path)
        let allowed = (response.headers["Allow"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard response.status == 204, allowed.contains("GET") else {
            try Test.cancel("GET \(pattern) is not served by this build (OPTIONS \(path) returned \(response.status))")
        }
    }

    /// Adds `canaryNote` to `id` as an internal note by the agent.
    static func addCanaryNote(to id: String, on server: WebTestServer) throws {
        try server.helpdesk.addEntry(id, kind: .note, text: canaryNote, actor: agentActor)
    }

    /// Commits `name` into the ticket's files folder and adds an internal note that lists it as an attachment.
    static func addNoteAttachment(_ name: String, contents: String, to id: String, on server: WebTestServer) throws {
        let ticketPath = server.helpdesk.index.ticket(id)?.path ?? "tickets/000/\(id).md"
        let folder = String(ticketPath.dropLast(".md".count)) + ".files"
        let author = CommitIdentity(name: "Lena Fischer", email: WebTestServer.agent, time: Date())
        try server.helpdesk.store.commit(
            author: author, message: "\(id): attach \(name)",
            changes: [FileChange(path: folder + "/" + name, contents: Array(contents.utf8))])
        try server.helpdesk.refresh()
        try server.helpdesk.addEntry(
            id, kind: .note, text: canaryNote, actor: agentActor, attributes: [("attachments", name)])
    }

    /// Returns a bearer token header for `email` with the person's own role.
    static func bearer(_ email: String, on server: WebTestServer) throws -> String {
        let role = server.helpdesk.settings.person(email)?.role ?? .customer
        return "Authorization: Bearer "
            + (try server.accounts.createToken(name: "test-\(role)", email: email, role: role))
    }

    /// Returns the CSRF token of the signed-in client's portal home page.
    static func csrfToken(_ client: WebClient) throws -> String {
        let page = try client.get("/portal")
        guard let token = WebClient.csrfToken(in: page.text) else {
            throw TestFailure("/portal has no CSRF token (status \(page.status))")
        }
        return token
    }
}
