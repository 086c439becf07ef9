import Foundation
import Testing

@testable import FlatDesk

@Suite struct ConsolePagesTests {
    @Test func newTicketOnBehalfOfCaller() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let form = try client.get("/console/new")
        #expect(form.status == 200)
        #expect(form.text.contains("id=\"new-ticket-form\""))
        let fields = [
            "requester": "Caller@Example.com", "subject": "Phone line dead", "description": "Called at *09:10*.",
            "type": "incident", "priority": "high", "category": "Hardware", "team": "tier1",
            "assignee": "amir.haddad@northwind.example",
        ]
        let response = try client.post("/console/new", fields, csrfFrom: form)
        #expect(response.status == 303)
        let location = try #require(response.headers["Location"])
        #expect(location.hasPrefix("/console/tickets/FD-"))
        let id = String(location.dropFirst("/console/tickets/".count))
        let ticket = try server.helpdesk.ticket(id).ticket
        #expect(ticket.requester == "caller@example.com")
        #expect(ticket.subject == "Phone line dead")
        #expect(ticket.priority == .high)
        #expect(ticket.category == "Hardware")
        #expect(ticket.team == "tier1")
        #expect(ticket.assignee == "amir.haddad@northwind.example")
        #expect(ticket.channel == .console)
        #expect(ticket.status == "open")
        #expect(ticket.entries.first?.text == "Called at *09:10*.")
        #expect(try client.get(location).status == 200)
    }

    @Test func newTicketWithInvalidRequesterKeepsInput() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let form = try client.get("/console/new")
        let fields = [
            "requester": "not-an-email", "subject": "Keep me", "description": "Body", "type": "incident",
            "priority": "low",
        ]
        let response = try client.post("/console/new", fields, csrfFrom: form)
        #expect(response.status == 422)
        #expect(response.text.contains("role=\"alert\">The ticket was not created"))
        #expect(response.text.contains("value=\"Keep me\""))
        #expect(server.helpdesk.index.ticket("FD-30") == nil)
    }

    @Test func scriptInSubjectAndBodyIsEscaped() throws {
        let server = try ConsoleTestSupport.server()
        let attack = "<script>alert(1)</script>"
        let ticket = try ConsoleTestSupport.openTicket(
            server, subject: attack, text: "Hello \(attack) <img src=x onerror=alert(2)>")
        let client = try server.signedIn(WebTestServer.agent)
        let queue = try client.get("/console/queues/open")
        #expect(ConsoleTestSupport.rowIDs(queue.text).contains(ticket.id))
        #expect(queue.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!queue.text.contains(attack))
        let page = try client.get("/console/tickets/\(ticket.id)")
        #expect(page.text.contains("<span class=\"subject\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"))
        #expect(!page.text.contains(attack))
        #expect(!page.text.contains("onerror=alert"))
        #expect(!page.text.contains("<img"))
    }

    @Test func customersAreForbiddenEverywhere() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.customer)
        let paths = [
            "/console", "/console/queues/open", "/console/queues/mine", "/console/tickets/FD-15",
            "/console/tickets/FD-15/history", "/console/new", "/console/kb", "/console/kb/reset-vpn-token",
        ]
        for path in paths {
            let response = try client.get(path)
            #expect(response.status == 403, "GET \(path)")
            #expect(!response.text.contains("Internal note"), "GET \(path)")
        }
        let portal = try client.get("/portal")
        let token = try #require(WebClient.csrfToken(in: portal.text))
        let posts: [(String, [String: String])] = [
            ("/console/tickets/FD-15/entries", ["kind": "note", "text": "x"]),
            ("/console/tickets/FD-15/fields", ["field": "priority", "value": "urgent"]),
            ("/console/tickets/FD-15/followers", ["op": "add", "email": "x@example.com"]),
            ("/console/tickets/FD-15/links", ["op": "add", "kind": "relates_to", "target": "FD-16"]),
            ("/console/new", ["requester": "x@example.com", "subject": "x", "description": "x"]),
        ]
        for (path, form) in posts {
            #expect(try client.post(path, form.merging(["_csrf": token]) { $1 }).status == 403, "POST \(path)")
        }
        let ticket = try server.helpdesk.ticket("FD-15").ticket
        #expect(ticket.priority == .medium)
        #expect(ticket.links.isEmpty)
    }

    @Test func anonymousVisitorsAreSentToSignIn() throws {
        let server = try ConsoleTestSupport.server()
        let response = try server.client().get("/console/tickets/FD-15")
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/login?next=/console/tickets/FD-15")
    }

    @Test func helpOverlayIsOnEveryConsolePage() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        for path in [
            "/console", "/console/tickets/FD-20", "/console/tickets/FD-20/history", "/console/new", "/console/kb",
            "/console/kb/password-policy",
        ] {
            let page = try client.get(path)
            #expect(page.status == 200, "\(path)")
            #expect(page.text.contains("<div id=\"help-overlay\" class=\"help-overlay\" role=\"dialog\""), "\(path)")
            #expect(page.text.contains("aria-labelledby=\"help-title\" hidden>"), "\(path)")
            #expect(page.text.contains("<kbd>g</kbd><kbd>q</kbd>"), "\(path)")
            #expect(page.text.contains("data-action=\"help\""), "\(path)")
        }
    }

    @Test func knowledgeBaseListsDraftsMarked() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let list = try client.get("/console/kb")
        #expect(list.status == 200)
        #expect(list.text.matches(of: #/<tr data-article="/#).count == 14)
        #expect(list.text.contains("<tr data-article=\"guest-wifi-vouchers\" class=\"draft\">"))
        #expect(list.text.contains("<tr data-article=\"reset-vpn-token\" class=\"published\">"))
        #expect(list.text.contains("<span class=\"badge draft\">Draft</span>"))
        let article = try client.get("/console/kb/reset-vpn-token")
        #expect(article.status == 200)
        #expect(article.text.contains("<h1>Reset your VPN token</h1>"))
        #expect(article.text.contains("<strong>Northwind VPN</strong>"))
        #expect(try client.get("/console/kb/no-such-article").status == 404)
    }

    @Test func assetsCarryConsoleStylesAndScript() throws {
        let server = try ConsoleTestSupport.server()
        let script = try server.client().get("/assets/app.js")
        #expect(script.status == 200)
        #expect(script.text.contains("X-CSRF-Token"))
        #expect(script.text.contains("help-overlay"))
        let styles = try server.client().get("/assets/app.css")
        #expect(styles.text.contains(".entry.note"))
        #expect(styles.text.contains(".sla-overdue"))
    }
}
