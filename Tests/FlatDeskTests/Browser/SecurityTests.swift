import Foundation
import Testing

@testable import FlatDesk

/// Access rules, internal notes, CSRF, markup injection and request limits, checked over HTTP against a
/// web app on 127.0.0.1 with a fresh copy of the sample helpdesk.
@Suite struct SecurityTests {
    typealias Fixture = SecurityFixture

    // MARK: Tickets of another organization

    @Test func otherOrganizationsPortalPageIsNotFound() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let olivia = try server.signedIn(WebTestServer.otherCustomer)
        let cases = [
            (tom, Fixture.contosoTicket, Fixture.northwindTicket),
            (olivia, Fixture.northwindTicket, Fixture.contosoTicket),
        ]
        for (client, hidden, visible) in cases {
            let subject = try server.helpdesk.ticket(hidden).ticket.subject
            let page = try client.get("/portal/tickets/\(hidden)")
            #expect(page.status == 404, "\(hidden) for a customer of another organization")
            #expect(!page.text.contains(subject), "the 404 page of \(hidden) shows its subject")
            #expect(try client.get("/portal/tickets/\(visible)").status == 200, "own organization's \(visible)")
        }
    }

    @Test func otherOrganizationsTicketTakesNoPortalReply() throws {
        let server = try WebTestServer()
        let olivia = try server.signedIn(WebTestServer.otherCustomer)
        let token = try Fixture.csrfToken(olivia)
        let id = Fixture.northwindTicket
        let before = try server.helpdesk.ticket(id).version
        let reply = try olivia.request(
            "POST", "/portal/tickets/\(id)/replies", form: ["_csrf": token, "text": "Let me in"])
        #expect(reply.status == 404)
        #expect(try server.helpdesk.ticket(id).version == before, "the reply was written to \(id)")
        let own = try olivia.request(
            "POST", "/portal/tickets/\(Fixture.contosoTicket)/replies", form: ["_csrf": token, "text": "Any news?"])
        #expect(own.status == 303, "a reply to the own organization's ticket")
    }

    @Test func customerIsForbiddenOnConsoleRoutes() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let token = try Fixture.csrfToken(tom)
        let id = Fixture.northwindTicket
        let pages = [
            "/console", "/console/queues/open", "/console/tickets/\(id)", "/console/tickets/\(id)/history",
            "/console/new", "/console/kb",
        ]
        for path in pages {
            #expect(try tom.get(path).status == 403, "GET \(path)")
        }
        let version = try server.helpdesk.ticket(id).version
        let posts: [(String, [String: String])] = [
            ("/console/tickets/\(id)/fields", ["field": "priority", "value": "urgent", "version": version]),
            ("/console/tickets/\(id)/entries", ["kind": "note", "text": "Customer's note"]),
            (
                "/console/tickets/\(id)/followers",
                ["op": "add", "email": WebTestServer.otherCustomer, "version": version]
            ),
            (
                "/console/tickets/\(id)/links",
                ["op": "add", "kind": "relates_to", "target": "FD-1", "version": version]
            ),
            ("/console/new", ["subject": "Through the console", "requester": WebTestServer.customer, "text": "Hello"]),
        ]
        for (path, form) in posts {
            #expect(
                try tom.request("POST", path, form: form.merging(["_csrf": token]) { old, _ in old }).status == 403,
                "POST \(path)")
        }
        #expect(try server.helpdesk.ticket(id).version == version, "a console POST changed \(id)")
    }

    @Test func customerTokenGetsNotFoundFromTicketAPI() throws {
        let server = try WebTestServer()
        try Fixture.requireRoute("/api/v1/tickets/FD-1", pattern: "/api/v1/tickets/:id", on: server)
        let hidden = "/api/v1/tickets/\(Fixture.contosoTicket)"
        let agent = try Fixture.bearer(WebTestServer.agent, on: server)
        let tom = try Fixture.bearer(WebTestServer.customer, on: server)
        #expect(try server.client().get(hidden, headers: [agent]).status == 200, "agent reading \(hidden)")
        let response = try server.client().get(hidden, headers: [tom])
        #expect(response.status == 404, "customer token reading \(hidden)")
        #expect(!response.text.contains(try server.helpdesk.ticket(Fixture.contosoTicket).ticket.subject))
        #expect(
            try server.signedIn(WebTestServer.customer).get(hidden).status == 404, "customer session reading \(hidden)")
        let own = "/api/v1/tickets/\(Fixture.northwindTicket)"
        #expect(try server.client().get(own, headers: [tom]).status == 200, "customer token reading \(own)")
    }

    // MARK: Internal notes

    @Test func internalNoteAbsentFromCustomerPages() throws {
        let server = try WebTestServer()
        let id = Fixture.northwindTicket
        try Fixture.addCanaryNote(to: id, on: server)
        let agent = try server.signedIn(WebTestServer.agent)
        #expect(try agent.get("/console/tickets/\(id)").text.contains(Fixture.canaryNote), "the note was not written")
        #expect(try agent.get("/search?q=\(Fixture.canaryWord)").text.contains("/console/tickets/\(id)"))
        let agentJSON = try agent.get("/api/v1/search?q=\(Fixture.canaryWord)")
        #expect(agentJSON.text.contains(id), "staff search through the API does not find the note")
        for email in [WebTestServer.customer, Fixture.sameOrganizationCustomer] {
            let customer = try server.signedIn(email)
            for path in ["/portal/tickets/\(id)", "/portal"] {
                let page = try customer.get(path)
                #expect(page.status == 200, "\(email) GET \(path)")
                #expect(!page.text.contains(Fixture.canaryWord), "\(email) sees the internal note on \(path)")
                #expect(!page.text.contains("Internal note"), "\(email) sees an internal note label on \(path)")
            }
            let search = try customer.get("/search?q=\(Fixture.canaryWord)")
            #expect(search.status == 200)
            #expect(!search.text.contains("/portal/tickets/\(id)"), "\(email) finds \(id) by its internal note")
            #expect(!search.text.contains(Fixture.canaryPhrase), "\(email) sees the internal note in search results")
            let searchJSON = try customer.get("/api/v1/search?q=\(Fixture.canaryWord)")
            #expect(searchJSON.status == 200)
            #expect(!searchJSON.text.contains(id), "\(email) finds \(id) by its internal note through the API")
            for path in ["/console/tickets/\(id)", "/console/tickets/\(id)/history"] {
                let page = try customer.get(path)
                #expect(page.status == 403, "\(email) GET \(path)")
                #expect(!page.text.contains(Fixture.canaryPhrase), "\(email) sees the internal note on \(path)")
            }
        }
    }

    @Test func internalNoteAbsentFromTicketAPI() throws {
        let server = try WebTestServer()
        try Fixture.requireRoute("/api/v1/tickets/FD-1", pattern: "/api/v1/tickets/:id", on: server)
        let id = Fixture.northwindTicket
        try Fixture.addCanaryNote(to: id, on: server)
        let agent = try server.client().get(
            "/api/v1/tickets/\(id)", headers: [try Fixture.bearer(WebTestServer.agent, on: server)])
        #expect(agent.text.contains(Fixture.canaryWord), "the agent's API view lacks the note")
        for email in [WebTestServer.customer, Fixture.sameOrganizationCustomer] {
            let response = try server.client().get(
                "/api/v1/tickets/\(id)", headers: [try Fixture.bearer(email, on: server)])
            #expect(response.status == 200, "\(email) GET /api/v1/tickets/\(id)")
            #expect(!response.text.contains(Fixture.canaryWord), "\(email) sees the internal note through the API")
        }
    }

    @Test func internalNoteAttachmentIsNotFoundForCustomers() throws {
        let server = try WebTestServer()
        try Fixture.requireRoute("/attachments/FD-1/a.txt", pattern: "/attachments/:id/:name", on: server)
        let id = Fixture.northwindTicket
        let name = "firewall-export.txt"
        try Fixture.addNoteAttachment(name, contents: Fixture.canaryNote, to: id, on: server)
        let path = "/attachments/\(id)/\(name)"
        let agent = try server.signedIn(WebTestServer.agent).get(path)
        #expect(agent.status == 200, "the agent's download of \(path)")
        #expect(agent.text == Fixture.canaryNote)
        for email in [WebTestServer.customer, Fixture.sameOrganizationCustomer] {
            let response = try server.signedIn(email).get(path)
            #expect(response.status == 404, "\(email) GET \(path)")
            #expect(!response.text.contains(Fixture.canaryWord))
        }
    }

    @Test func ticketHistoryIsForStaffOnly() throws {
        let server = try WebTestServer()
        let path = "/console/tickets/\(Fixture.northwindTicket)/history"
        let staff = try server.signedIn(WebTestServer.agent).get(path)
        #expect(staff.status == 200)
        #expect(staff.text.contains("data-commit=\""))
        let customer = try server.signedIn(WebTestServer.customer).get(path)
        #expect(customer.status == 403)
        #expect(!customer.text.contains("data-commit=\""))
    }

    // MARK: CSRF

    @Test func portalReplyWithoutCSRFTokenIsForbidden() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let id = Fixture.northwindTicket
        let path = "/portal/tickets/\(id)/replies"
        let before = try server.helpdesk.ticket(id).version
        #expect(try tom.request("POST", path, form: ["text": "No token"]).status == 403)
        #expect(try tom.request("POST", path, form: ["text": "Forged", "_csrf": "forged"]).status == 403)
        #expect(try server.helpdesk.ticket(id).version == before, "a reply without a valid token was written")
        let page = try tom.get("/portal/tickets/\(id)")
        #expect(try tom.post(path, ["text": "With the token"], csrfFrom: page).status == 303)
    }

    @Test func consoleFieldChangeWithoutCSRFTokenIsForbidden() throws {
        let server = try WebTestServer()
        let agent = try server.signedIn(WebTestServer.agent)
        let id = Fixture.agentTicket
        let path = "/console/tickets/\(id)/fields"
        let version = try server.helpdesk.ticket(id).version
        let form = ["field": "priority", "value": "urgent", "version": version]
        #expect(try agent.request("POST", path, form: form).status == 403)
        let forged = try agent.request(
            "POST", path, form: form, headers: ["X-CSRF-Token: forged", "Accept: application/json"])
        #expect(forged.status == 403)
        #expect(try server.helpdesk.ticket(id).version == version, "a field change without a valid token was saved")
        let page = try agent.get("/console/tickets/\(id)")
        #expect(try agent.post(path, form, csrfFrom: page).status == 303)
        #expect(try server.helpdesk.ticket(id).ticket.priority == .urgent)
    }

    @Test func logoutWithoutCSRFTokenIsForbidden() throws {
        let server = try WebTestServer()
        let agent = try server.signedIn(WebTestServer.agent)
        #expect(try agent.request("POST", "/logout", form: [:]).status == 403)
        #expect(try agent.request("POST", "/logout", form: ["_csrf": "forged"]).status == 403)
        #expect(try agent.get("/console").status == 200, "the session ended without a valid token")
    }

    // MARK: Markup injection

    @Test func scriptInSubjectAndBodyIsEscapedOnEveryPage() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let form = try tom.get("/portal/new")
        let fields = ["subject": Self.injectedSubject, "type": "incident", "description": Self.injectedBody]
        let created = try tom.post("/portal/new", fields, csrfFrom: form)
        #expect(created.status == 303)
        let location = try #require(created.headers["Location"])
        let id = String(location.split(separator: "/").last ?? "")
        // Intake statuses are in no console queue, so open the ticket to have "All open" list it.
        try server.helpdesk.update(
            id, edits: [try TicketEdit.parse(field: "status", value: "open")], actor: Fixture.agentActor)
        let agent = try server.signedIn(WebTestServer.agent)
        let pages: [(String, WebClient)] = [
            (location, tom), ("/portal", tom), ("/search?q=plotter", tom), ("/console/tickets/\(id)", agent),
            ("/console/queues/open", agent), ("/console/tickets/\(id)/history", agent), ("/search?q=plotter", agent),
        ]
        for (path, client) in pages {
            let page = try client.get(path)
            #expect(page.status == 200, "GET \(path)")
            #expect(!page.text.contains("<script>alert"), "a raw script element on \(path)")
            #expect(!page.text.contains("<img src=x"), "a raw image element on \(path)")
            #expect(page.text.contains(Self.escapedSubject), "the escaped subject is missing on \(path)")
        }
    }

    static let injectedSubject = "<script>alert(1)</script><img src=x onerror=alert(1)> Basement plotter jams"
    static let escapedSubject =
        "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; Basement plotter jams"
    static let injectedBody = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nThe plotter jams."

    @Test func pagesForbidInlineScripts() throws {
        let server = try WebTestServer()
        let responses = [
            ("/login", try server.client().get("/login")),
            ("/portal", try server.signedIn(WebTestServer.customer).get("/portal")),
            ("/console", try server.signedIn(WebTestServer.agent).get("/console")),
        ]
        for (path, response) in responses {
            let policy = response.headers["Content-Security-Policy"] ?? ""
            #expect(policy.contains("default-src 'self'"), "Content-Security-Policy of \(path): \(policy)")
            #expect(!policy.contains("unsafe-inline"), "Content-Security-Policy of \(path): \(policy)")
        }
    }

    // MARK: Limits

    @Test func oversizedRequestBodyIsRejected() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let token = try Fixture.csrfToken(tom)
        let count = server.helpdesk.index.count
        let description = String(repeating: "A", count: 30 * 1024 * 1024)
        let response = try tom.request(
            "POST", "/portal/new", form: ["_csrf": token, "subject": "Large upload", "description": description])
        #expect(response.status == 413)
        #expect(server.helpdesk.index.count == count, "a ticket was created from the oversized request")
    }

    @Test func sixthFailedSignInIsThrottled() throws {
        let server = try WebTestServer()
        let client = server.client()
        for attempt in 1...5 {
            let response = try client.signIn(WebTestServer.agent, password: "wrong-password-\(attempt)")
            #expect(response.status == 401, "failed sign-in \(attempt)")
        }
        let sixth = try client.signIn(WebTestServer.agent, password: "wrong-password-6")
        #expect(sixth.status == 429)
        let retryAfter = Int(sixth.headers["Retry-After"] ?? "") ?? 0
        #expect((1...15 * 60).contains(retryAfter), "Retry-After: \(sixth.headers["Retry-After"] ?? "missing")")
        #expect(try client.signIn(WebTestServer.agent, password: WebTestServer.password).status == 429)
        #expect(try server.client().signIn(WebTestServer.customer, password: WebTestServer.password).status == 303)
    }
}
