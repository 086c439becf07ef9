import Foundation
import Testing

@testable import FlatDesk

/// Checks that the console reuses a page only within one second at one commit. The test server's clock
/// is fixed, so every request here falls in one second and only commits may refresh a page.
@Suite struct ConsolePageCacheTests {
    /// Returns the hidden `_csrf` values of every form in `html`.
    func formTokens(_ html: String) -> Set<String> {
        Set(html.matches(of: #/name="_csrf" value="([^"]*)"/#).map { String($0.1) })
    }

    @Test func changeShowsInSameSecond() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let before = try client.get("/console/tickets/FD-20")
        #expect(before.text.contains("data-current=\"low\""))
        #expect(try client.get("/console/tickets/FD-20").text == before.text, "the same page is served again")
        _ = try server.helpdesk.update("FD-20", edits: [.priority(.urgent)], actor: TestSupport.agent)
        let after = try client.get("/console/tickets/FD-20")
        #expect(after.text.contains("data-current=\"urgent\""))
        #expect(ConsoleTestSupport.version(after.text) != ConsoleTestSupport.version(before.text))

        let queue = try client.get("/console/queues/open")
        let count = ConsoleTestSupport.sidebarCount(queue.text, queue: "open") ?? 0
        let opened = try ConsoleTestSupport.openTicket(server, subject: "Printer on floor 3 jams")
        let refreshed = try client.get("/console/queues/open")
        #expect(ConsoleTestSupport.rowIDs(refreshed.text).contains(opened.id))
        #expect(ConsoleTestSupport.sidebarCount(refreshed.text, queue: "open") == count + 1)
        #expect(server.app.renderCache.statistics.hits >= 1)
    }

    @Test func commitFromElsewhereShowsAtOnce() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        #expect(try client.get("/console/tickets/FD-20").text.contains("data-current=\"low\""))
        // Another process commits; this server's index has not followed yet, but the ticket page reads the head.
        let path = Ticket.path(for: "FD-20")
        let text = String(decoding: try server.helpdesk.store.read { try $0.read(path) } ?? [], as: UTF8.self)
        let edited = text.replacingOccurrences(of: "\"priority\": \"low\"", with: "\"priority\": \"urgent\"")
        #expect(edited != text)
        let identity = CommitIdentity(name: "Someone", email: "someone@example.com")
        try server.helpdesk.store.commit(
            author: identity, message: "Raise FD-20 by hand", changes: [FileChange(path: path, contents: Array(edited.utf8))])
        #expect(server.helpdesk.index.indexedCommit != (try server.helpdesk.store.head()))
        #expect(try client.get("/console/tickets/FD-20").text.contains("data-current=\"urgent\""))
    }

    @Test func sessionSeesOnlyItsToken() throws {
        let server = try ConsoleTestSupport.server()
        let first = try server.signedIn(WebTestServer.agent)
        let second = try server.signedIn(WebTestServer.agent)
        let supervisor = try server.signedIn("priya.nair@northwind.example")
        let pages = try [first, second, supervisor].map { try $0.get("/console/tickets/FD-20") }
        let tokens = pages.map { formTokens($0.text) }
        for (page, formTokens) in zip(pages, tokens) {
            #expect(page.status == 200)
            #expect(formTokens.count == 1, "every form on a page carries the page's one token")
            #expect(formTokens.first == WebClient.csrfToken(in: page.text))
        }
        #expect(Set(tokens.compactMap(\.first)).count == 3, "no session is shown another's token")

        let reply = try second.post(
            "/console/tickets/FD-20/entries", ["kind": "note", "text": "Checked from a second tab."],
            csrfFrom: pages[1])
        #expect(reply.status == 303)
    }

    @Test func rejectedPostKeepsItsMessage() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        let rejected = try client.post(
            "/console/tickets/FD-20/fields", ["field": "priority", "value": "low", "version": "0000"],
            csrfFrom: page)
        #expect(rejected.status == 409)
        #expect(rejected.text.contains("class=\"flash notice error\""))
        let again = try client.get("/console/tickets/FD-20")
        #expect(!again.text.contains("class=\"flash notice error\""), "the message belongs to the rejected post only")
    }
}
