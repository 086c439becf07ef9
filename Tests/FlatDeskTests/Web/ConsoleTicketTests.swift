import Foundation
import Testing

@testable import FlatDesk

@Suite struct ConsoleTicketTests {
    @Test func ticketPageShowsThreadWithInternalNotes() throws {
        let server = try ConsoleTestSupport.server()
        let page = try server.signedIn(WebTestServer.agent).get("/console/tickets/FD-23")
        #expect(page.status == 200)
        let html = page.text
        #expect(html.contains("<article id=\"ticket\" class=\"ticket\" data-ticket=\"FD-23\""))
        #expect(html.contains("class=\"entry note "))
        #expect(html.contains("<span class=\"entry-label\">Internal note</span>"))
        #expect(html.contains("class=\"entry reply "))
        #expect(html.contains("class=\"entry request "))
        let request = html.range(of: "id=\"entry-E1\"")
        let second = html.range(of: "id=\"entry-E2\"")
        #expect(request != nil)
        #expect(second != nil)
        if let request, let second { #expect(request.lowerBound < second.lowerBound, "oldest entry first") }
        #expect(html.contains("data-field-display=\"status\">Escalated</dd>"))
        #expect(
            html.contains("<select id=\"field-priority\" name=\"value\" data-field=\"priority\" data-current=\"high\">")
        )
        #expect(html.contains("id=\"reply-text\""))
        #expect(html.contains("id=\"flash\""))
    }

    @Test func markdownIsRenderedInTheThread() throws {
        let server = try ConsoleTestSupport.server()
        let ticket = try ConsoleTestSupport.openTicket(
            server, subject: "Printer", text: "Tried **twice**:\n\n- cable\n- power")
        let page = try server.signedIn(WebTestServer.agent).get("/console/tickets/\(ticket.id)")
        #expect(page.text.contains("<strong>twice</strong>"))
        #expect(page.text.contains("<li>cable</li>"))
    }

    @Test func replyAndNoteThroughTheForm() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        let reply = try client.post(
            "/console/tickets/FD-20/entries", ["kind": "reply", "text": "We are on it."], csrfFrom: page)
        #expect(reply.status == 303)
        #expect(reply.headers["Location"] == "/console/tickets/FD-20")
        let note = try client.post(
            "/console/tickets/FD-20/entries", ["kind": "note", "text": "Check the *IKE* logs."], csrfFrom: page)
        #expect(note.status == 303)
        let entries = try server.helpdesk.ticket("FD-20").ticket.entries
        #expect(entries.count >= 2)
        let last = entries.suffix(2).map { ($0.kind, $0.text, $0.author) }
        #expect(last.first?.0 == .reply)
        #expect(last.first?.1 == "We are on it.")
        #expect(last.first?.2 == WebTestServer.agent)
        #expect(last.last?.0 == .note)
        #expect(last.last?.1 == "Check the *IKE* logs.")
        let shown = try client.get("/console/tickets/FD-20").text
        #expect(shown.contains("<em>IKE</em>"))
    }

    @Test func emptyReplyIsRejectedWithMessage() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        let before = try server.helpdesk.ticket("FD-20").ticket.entries.count
        let empty = try client.post(
            "/console/tickets/FD-20/entries", ["kind": "reply", "text": "  \n"], csrfFrom: page)
        #expect(empty.status == 422)
        #expect(empty.text.contains("role=\"alert\">The change was not saved"))
        let wrongKind = try client.post(
            "/console/tickets/FD-20/entries", ["kind": "event", "text": "x"], csrfFrom: page)
        #expect(wrongKind.status == 422)
        #expect(wrongKind.text.contains(">x</textarea>"), "the draft is kept")
        #expect(try server.helpdesk.ticket("FD-20").ticket.entries.count == before)
    }

    @Test func fieldChangeThroughTheForm() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        let version = try #require(ConsoleTestSupport.version(page.text))
        let response = try client.post(
            "/console/tickets/FD-20/fields", ["field": "priority", "value": "urgent", "version": version],
            csrfFrom: page)
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/console/tickets/FD-20")
        #expect(try server.helpdesk.ticket("FD-20").ticket.priority == .urgent)
        let assign = try client.post(
            "/console/tickets/FD-20/fields", ["field": "assignee", "value": "", "version": ""], csrfFrom: page)
        #expect(assign.status == 303)
        #expect(try server.helpdesk.ticket("FD-20").ticket.assignee == nil)
    }

    @Test func staleVersionThroughTheFormShowsMessage() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        let version = try #require(ConsoleTestSupport.version(page.text))
        try server.helpdesk.addEntry("FD-20", kind: .note, text: "Meanwhile.", actor: TestSupport.agent)
        let (before, current) = try server.helpdesk.ticket("FD-20")
        let response = try client.post(
            "/console/tickets/FD-20/fields", ["field": "status", "value": "resolved", "version": version],
            csrfFrom: page)
        #expect(response.status == 409)
        #expect(
            response.text.contains(
                "id=\"flash\" class=\"flash notice error\" role=\"alert\">FD-20 was changed by someone else"))
        #expect(response.text.contains("data-version=\"\(current)\""))
        let (after, unchanged) = try server.helpdesk.ticket("FD-20")
        #expect(after.status == before.status)
        #expect(unchanged == current)
    }

    @Test func fieldChangeAsJSON() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        let token = try #require(WebClient.csrfToken(in: page.text))
        let version = try #require(ConsoleTestSupport.version(page.text))
        let response = try ConsoleTestSupport.postJSON(
            client, "/console/tickets/FD-20/fields", ["field": "team", "value": "tier2", "version": version],
            token: token)
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true)
        let answer = try ConsoleTestSupport.jsonObject(response.text)
        let (ticket, current) = try server.helpdesk.ticket("FD-20")
        #expect(ticket.team == "tier2")
        #expect(answer["id"] as? String == "FD-20")
        #expect(answer["field"] as? String == "team")
        #expect(answer["value"] as? String == "tier2")
        #expect(answer["version"] as? String == current)
        #expect(current != version)
        let cleared = try ConsoleTestSupport.postJSON(
            client, "/console/tickets/FD-20/fields", ["field": "category", "value": "", "version": current],
            token: token)
        #expect(cleared.status == 200)
        #expect(try ConsoleTestSupport.jsonObject(cleared.text)["value"] is NSNull)
    }

    @Test func staleVersionAsJSONIsConflict() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        let token = try #require(WebClient.csrfToken(in: page.text))
        let version = try #require(ConsoleTestSupport.version(page.text))
        _ = try server.helpdesk.update("FD-20", edits: [.addTag("needs-callback")], actor: TestSupport.agent)
        let (before, current) = try server.helpdesk.ticket("FD-20")
        let response = try ConsoleTestSupport.postJSON(
            client, "/console/tickets/FD-20/fields", ["field": "priority", "value": "urgent", "version": version],
            token: token)
        #expect(response.status == 409)
        let answer = try ConsoleTestSupport.jsonObject(response.text)
        #expect((answer["error"] as? String)?.contains("FD-20") == true)
        #expect(answer["status"] as? Int == 409)
        let (after, unchanged) = try server.helpdesk.ticket("FD-20")
        #expect(after.priority == before.priority)
        #expect(unchanged == current)
    }

    @Test func invalidFieldValuesAreRejected() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        let token = try #require(WebClient.csrfToken(in: page.text))
        let cases = [
            ("priority", "extreme"), ("status", "lost"), ("assignee", WebTestServer.customer), ("subject", "New"),
        ]
        for (field, value) in cases {
            let response = try ConsoleTestSupport.postJSON(
                client, "/console/tickets/FD-20/fields", ["field": field, "value": value], token: token)
            #expect(response.status == 422, "\(field)=\(value)")
        }
        #expect(try server.helpdesk.ticket("FD-20").ticket.subject == "VPN drops during Teams interviews")
    }

    @Test func followersAreAddedAndRemoved() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        let email = "anna.schulz@northwind.example"
        let added = try client.post("/console/tickets/FD-20/followers", ["op": "add", "email": email], csrfFrom: page)
        #expect(added.status == 303)
        #expect(try server.helpdesk.ticket("FD-20").ticket.followers == [email])
        #expect(try client.get("/console/tickets/FD-20").text.contains("data-follower=\"\(email)\""))
        let removed = try client.post(
            "/console/tickets/FD-20/followers", ["op": "remove", "email": email], csrfFrom: page)
        #expect(removed.status == 303)
        #expect(try server.helpdesk.ticket("FD-20").ticket.followers.isEmpty)
        let invalid = try client.post(
            "/console/tickets/FD-20/followers", ["op": "add", "email": "nobody"], csrfFrom: page)
        #expect(invalid.status == 422)
    }

    @Test func linksAreMirroredOnBothTickets() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        let added = try client.post(
            "/console/tickets/FD-20/links", ["op": "add", "kind": "blocks", "target": "fd-26"], csrfFrom: page)
        #expect(added.status == 303)
        #expect(try server.helpdesk.ticket("FD-20").ticket.links.contains(TicketLink(kind: .blocks, target: "FD-26")))
        #expect(
            try server.helpdesk.ticket("FD-26").ticket.links.contains(TicketLink(kind: .blockedBy, target: "FD-20")))
        let other = try client.get("/console/tickets/FD-26").text
        #expect(other.contains("data-link-kind=\"blocked_by\" data-link-target=\"FD-20\""))
        #expect(other.contains("VPN drops during Teams interviews"))
        let removed = try client.post(
            "/console/tickets/FD-20/links", ["op": "remove", "kind": "blocks", "target": "FD-26"], csrfFrom: page)
        #expect(removed.status == 303)
        #expect(try server.helpdesk.ticket("FD-26").ticket.links.isEmpty)
        let missing = try client.post(
            "/console/tickets/FD-20/links", ["op": "add", "kind": "relates_to", "target": "FD-999"], csrfFrom: page)
        #expect(missing.status == 422)
        let itself = try client.post(
            "/console/tickets/FD-20/links", ["op": "add", "kind": "relates_to", "target": "FD-20"], csrfFrom: page)
        #expect(itself.status == 422)
    }

    @Test func existingLinksShowBothDirections() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let problem = try client.get("/console/tickets/FD-6").text
        #expect(problem.contains("data-link-kind=\"causes\" data-link-target=\"FD-20\""))
        let incident = try client.get("/console/tickets/FD-20").text
        #expect(incident.contains("data-link-kind=\"caused_by\" data-link-target=\"FD-6\""))
    }

    @Test func historyListsCommits() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        let page = try client.get("/console/tickets/FD-20")
        _ = try client.post("/console/tickets/FD-20/fields", ["field": "priority", "value": "high"], csrfFrom: page)
        let history = try client.get("/console/tickets/FD-20/history")
        #expect(history.status == 200)
        let commits = history.text.matches(of: #/<li data-commit="[0-9a-f]{40}">/#).count
        #expect(commits == 2)
        #expect(history.text.contains("<span class=\"commit-subject\">FD-20: priority low → high</span>"))
        #expect(history.text.contains("Lena Fischer"))
        #expect(history.text.contains("Initialize helpdesk"))
        let newest = history.text.range(of: "priority low")
        let oldest = history.text.range(of: "Initialize helpdesk")
        if let newest, let oldest { #expect(newest.lowerBound < oldest.lowerBound) }
        #expect(page.text.contains("id=\"history-link\" href=\"/console/tickets/FD-20/history\""))
    }

    @Test func knowledgeSuggestionsBesideTicket() throws {
        let server = try ConsoleTestSupport.server()
        let page = try server.signedIn(WebTestServer.agent).get("/console/tickets/FD-20")
        #expect(page.text.contains("<li data-article=\"reset-vpn-token\"><a href=\"/console/kb/reset-vpn-token\">"))
        #expect(!page.text.contains("data-article=\"vpn-known-error-ikev2-rekey\""), "drafts are not suggested")
    }

    @Test func unknownTicketIsNotFound() throws {
        let server = try ConsoleTestSupport.server()
        let client = try server.signedIn(WebTestServer.agent)
        #expect(try client.get("/console/tickets/FD-999").status == 404)
        #expect(try client.get("/console/tickets/FD-999/history").status == 404)
    }
}
