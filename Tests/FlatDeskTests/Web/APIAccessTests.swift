import Foundation
import Testing

@testable import FlatDesk

@Suite struct APIAccessTests {
    @Test func customerListsOnlyVisibleTickets() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.customer)
        let response = try api.get("/api/v1/tickets?per_page=200")
        let visible = server.helpdesk.index.allTickets().map(\.ticket).filter { ticket in
            ticket.requester == WebTestServer.customer || ticket.followers.contains(WebTestServer.customer)
                || ticket.organizationId == "northwind"
        }
        #expect(response.status == 200)
        #expect(Set(response.ticketIDs) == Set(visible.map(\.id)))
        #expect(response.json["total"]?.intValue == visible.count)
        #expect(!response.ticketIDs.contains("FD-8"), "FD-8 belongs to another organization")
    }

    @Test func customerPagesOverRestrictedList() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.customer)
        let whole = try api.get("/api/v1/tickets?sort=id&per_page=200")
        let second = try api.get("/api/v1/tickets?sort=id&per_page=5&page=2")
        #expect(second.ticketIDs == Array(whole.ticketIDs.dropFirst(5).prefix(5)))
        #expect(second.json["total"]?.intValue == whole.ticketIDs.count)
    }

    @Test func customerWithoutOrganizationTicketsSeesOwnOnly() throws {
        let server = try WebTestServer()
        let rita = "rita.novak@fabrikam.example"
        let api = try APITestClient(server, as: rita)
        #expect(try api.get("/api/v1/tickets").ticketIDs.isEmpty)
        let created = try api.send(
            "POST", "/api/v1/tickets", #"{"subject": "Printer jam", "text": "Tray 2 is stuck."}"#)
        #expect(created.status == 201)
        let id = try #require(created.json["id"]?.stringValue)
        #expect(try api.get("/api/v1/tickets").ticketIDs == [id])
    }

    @Test func customerGetsOtherTicketAs404() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.customer)
        let version = try api.version("FD-8")
        #expect(try api.get("/api/v1/tickets/FD-8").status == 404)
        #expect(try api.get("/api/v1/tickets/FD-8/history").status == 404)
        #expect(
            try api.send("PATCH", "/api/v1/tickets/FD-8", #"{"version": "\#(version)", "priority": "low"}"#).status
                == 404)
        #expect(try api.send("POST", "/api/v1/tickets/FD-8/replies", #"{"text": "Hi"}"#).status == 404)
        #expect(
            try api.get("/api/v1/tickets/FD-8").text
                == api.get("/api/v1/tickets/FD-9999").text.replacingOccurrences(of: "FD-9999", with: "FD-8"))
    }

    @Test func customerSeesPublicEntriesOnly() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.customer)
        let ticket = try server.helpdesk.ticket("FD-15").ticket
        let response = try api.get("/api/v1/tickets/FD-15")
        #expect(response.status == 200)
        let ids = response.json["entries"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(ids == ticket.entries.filter { $0.kind.isPublic }.map(\.id))
        for hidden in ticket.entries where !hidden.kind.isPublic {
            #expect(!response.text.contains("\"id\": \"\(hidden.id)\""), "entry \(hidden.id) (\(hidden.kind)) leaked")
        }
        #expect(ticket.entries.contains { $0.kind == .note }, "FD-15 should have a note for this test to mean anything")
    }

    @Test func customerCannotChangeFieldsOrAddNotes() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.customer)
        let version = try api.version("FD-26")
        let patch = try api.send("PATCH", "/api/v1/tickets/FD-26", #"{"version": "\#(version)", "priority": "urgent"}"#)
        #expect(patch.status == 403)
        #expect(try api.send("POST", "/api/v1/tickets/FD-26/notes", #"{"text": "Secret"}"#).status == 403)
        #expect(try api.get("/api/v1/tickets/FD-26/history").status == 403)
        #expect(try api.get("/api/v1/queues").status == 403)
        #expect(try api.version("FD-26") == version)
        let reply = try api.send("POST", "/api/v1/tickets/FD-26/replies", #"{"text": "Still broken."}"#)
        #expect(reply.status == 201)
        #expect(try server.helpdesk.ticket("FD-26").ticket.entries.last?.author == WebTestServer.customer)
    }

    @Test func customerCreatesOnlyForThemselves() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.customer)
        let other = #"{"subject": "S", "text": "T", "requester": "anna.schulz@northwind.example"}"#
        #expect(try api.send("POST", "/api/v1/tickets", other).status == 403)
        #expect(
            try api.send("POST", "/api/v1/tickets", #"{"subject": "S", "text": "T", "team": "tier1"}"#).status == 403)
        let own = try api.send(
            "POST", "/api/v1/tickets", #"{"subject": "S", "text": "T", "requester": "Tom.Baker@northwind.example"}"#)
        #expect(own.status == 201)
        #expect(own.json["requester"]?.stringValue == WebTestServer.customer)
        #expect(own.json["entries"]?.arrayValue?.count == 1)
    }

    @Test func sessionWriteNeedsCSRFHeader() throws {
        let server = try WebTestServer()
        let client = try server.signedIn(WebTestServer.agent)
        let body = #"{"subject": "From the browser", "text": "Body"}"#
        #expect(try client.request("POST", "/api/v1/tickets", json: body).status == 403)
        #expect(
            try client.request("POST", "/api/v1/tickets", json: body, headers: ["X-CSRF-Token: forged"]).status == 403)
        let token = try #require(WebClient.csrfToken(in: try client.get("/console").text))
        let created = try client.request("POST", "/api/v1/tickets", json: body, headers: ["X-CSRF-Token: \(token)"])
        #expect(created.status == 201)
        #expect(try client.get("/api/v1/tickets?q=From%20the%20browser").ticketIDs.count == 1)
    }

    @Test func bodyMustBeJSONObject() throws {
        let server = try WebTestServer()
        let api = try APITestClient(server, as: WebTestServer.agent)
        let plain = try api.send("POST", "/api/v1/tickets", "subject=x", headers: ["Content-Type: text/plain"])
        #expect(plain.status == 415)
        #expect(plain.json["error"]?.stringValue?.contains("text/plain") == true)
        let form = try api.send(
            "POST", "/api/v1/tickets", "subject=x", headers: ["Content-Type: application/x-www-form-urlencoded"])
        #expect(form.status == 415)
        let malformed = try api.send("POST", "/api/v1/tickets", #"{"subject": "x",, }"#)
        #expect(malformed.status == 400)
        #expect(malformed.json["error"]?.stringValue?.contains("not valid JSON") == true)
        let array = try api.send("POST", "/api/v1/tickets", #"["subject"]"#)
        #expect(array.status == 400)
        #expect(array.json["error"]?.stringValue?.contains("an array") == true)
        #expect(try api.send("POST", "/api/v1/tickets", "").status == 400)
        let charset = try api.send(
            "POST", "/api/v1/tickets", #"{"subject": "S", "text": "T"}"#,
            headers: ["Content-Type: application/json; charset=utf-8"])
        #expect(charset.status == 201)
    }

    @Test func peopleCarryNoSecrets() throws {
        let server = try WebTestServer()
        let agent = try APITestClient(server, as: WebTestServer.agent)
        let response = try agent.get("/api/v1/people")
        let people = response.json["people"]?.arrayValue ?? []
        #expect(response.status == 200)
        #expect(people.count == server.helpdesk.settings.people.count)
        for person in people {
            #expect(person.memberNames == ["email", "name", "role", "team", "organizationId"])
        }
        for secret in ["argon2", "fdt_", "password", "digest", agent.token] {
            #expect(!response.text.contains(secret), "\(secret) in the people list")
        }
        let customer = try APITestClient(server, as: WebTestServer.customer)
        let own = try customer.get("/api/v1/people").json["people"]?.arrayValue ?? []
        #expect(own.compactMap { $0["email"]?.stringValue } == [WebTestServer.customer])
    }

    @Test func knowledgeBaseFollowsVisibility() throws {
        let server = try WebTestServer()
        let articles = try server.helpdesk.knowledgeBase.allArticles()
        let agent = try APITestClient(server, as: WebTestServer.agent)
        let customer = try APITestClient(server, as: WebTestServer.customer)
        let all = try agent.get("/api/v1/kb").json["articles"]?.arrayValue ?? []
        #expect(all.count == articles.count)
        let visible = articles.filter { $0.isVisible(to: .customer, organization: "northwind") }.map(\.id)
        let listed = try customer.get("/api/v1/kb").json["articles"]?.arrayValue ?? []
        #expect(listed.compactMap { $0["id"]?.stringValue } == visible)
        #expect(listed.allSatisfy { $0["body"] == nil })
        for hidden in ["new-starter-checklist", "guest-wifi-vouchers", "contoso-it-support"] {
            #expect(try customer.get("/api/v1/kb/\(hidden)").status == 404, "\(hidden)")
        }
        let article = try customer.get("/api/v1/kb/reset-vpn-token")
        #expect(article.status == 200)
        #expect(article.json["body"]?.stringValue?.contains("# Reset your VPN token") == true)
        let contoso = try APITestClient(server, as: WebTestServer.otherCustomer)
        #expect(try contoso.get("/api/v1/kb/contoso-it-support").status == 200)
        #expect(try agent.get("/api/v1/kb/vpn-known-error-ikev2-rekey").status == 200)
    }
}
