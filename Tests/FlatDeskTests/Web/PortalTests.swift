import Foundation
import Testing

@testable import FlatDesk

@Suite struct PortalTests {
    static let hannah = "hannah.lee@contoso.example"

    @Test func homeListsOwnAndOrganizationTickets() throws {
        let server = try WebTestServer()
        for (email, organization) in [(WebTestServer.customer, "northwind"), (WebTestServer.otherCustomer, "contoso")] {
            let home = try server.signedIn(email).get("/portal")
            #expect(home.status == 200)
            let open = PortalSample.attributeValues("data-ticket", in: home.text, within: "open-tickets")
            let shared = PortalSample.attributeValues("data-ticket", in: home.text, within: "organization-tickets")
            let recent = PortalSample.attributeValues("data-ticket", in: home.text, within: "recent-tickets")
            let own = try PortalSample.ticketIDs(for: email, organization: nil, closed: false)
            let organizationOpen = try PortalSample.ticketIDs(for: email, organization: organization, closed: false)
            #expect(Set(open) == own, "own open requests of \(email)")
            #expect(Set(shared) == organizationOpen.subtracting(own), "colleagues' open requests for \(email)")
            #expect(Set(recent) == (try PortalSample.ticketIDs(for: email, organization: nil, closed: true)))
            #expect(open.count == Set(open).count, "a ticket is listed twice for \(email)")
            #expect(shared.count == Set(shared).count, "a ticket is listed twice for \(email)")
        }
    }

    @Test func homePagesLongLists() throws {
        let server = try WebTestServer()
        let email = WebTestServer.otherCustomer
        let before = try PortalSample.ticketIDs(for: email, organization: nil, closed: false)
        var opened = Set<String>()
        for number in 1...(WebApp.portalOpenLimit + 5 - before.count) {
            let draft = NewTicket(subject: "Badge reader \(number) offline", text: "Door \(number).", requester: email)
            opened.insert(try server.helpdesk.createTicket(draft, actor: TestSupport.agent).id)
        }
        let client = try server.signedIn(email)
        let first = try client.get("/portal")
        let firstIDs = PortalSample.attributeValues("data-ticket", in: first.text, within: "open-tickets")
        #expect(firstIDs.count == WebApp.portalOpenLimit)
        #expect(first.text.contains("href=\"/portal?open_page=2#open-requests\""))

        let second = try client.get("/portal?open_page=2")
        let secondIDs = PortalSample.attributeValues("data-ticket", in: second.text, within: "open-tickets")
        #expect(secondIDs.count == 5)
        #expect(Set(firstIDs).isDisjoint(with: secondIDs))
        #expect(Set(firstIDs + secondIDs) == before.union(opened), "the two pages hold every open request once")
        #expect(second.text.contains("href=\"/portal#open-requests\""), "page 2 links back to page 1")
        #expect(!second.text.contains("open_page=3"))
        #expect(try client.get("/portal?open_page=abc").status == 200, "an invalid page shows page 1")
    }

    @Test func pagerKeepsOtherListsPages() {
        let pages = PortalHomePages(query: ["open_page": "2", "closed_page": "3", "organization_page": "x"])
        #expect(pages.organization == 1)
        let pager = pages.pager(.organization, hasMore: true).rendered
        #expect(pager.contains("href=\"/portal?open_page=2&amp;organization_page=2&amp;closed_page=3#organization-requests\""))
        #expect(!pager.contains("rel=\"prev\""))
        #expect(pages.pager(.organization, hasMore: false).rendered.isEmpty, "one page needs no pager")
        #expect(pages.pager(.closed, hasMore: false).rendered.contains("closed_page=2"), "page 3 links back to 2")
    }

    @Test func homeWithoutOrganizationTicketsListsOwnOnly() throws {
        let server = try WebTestServer()
        try PortalSample.setOrganizationTickets(false, in: server.helpdesk)
        for email in [WebTestServer.customer, WebTestServer.otherCustomer, Self.hannah] {
            let home = try server.signedIn(email).get("/portal")
            let listed = Set(PortalSample.attributeValues("data-ticket", in: home.text))
            let open = try PortalSample.ticketIDs(for: email, organization: nil, closed: false)
            let closed = try PortalSample.ticketIDs(for: email, organization: nil, closed: true)
            #expect(listed == open.union(closed), "tickets listed for \(email)")
            #expect(!home.text.contains("id=\"organization-requests\""), "no organization section for \(email)")
        }
        let hannahHome = try server.signedIn(Self.hannah).get("/portal")
        #expect(
            PortalSample.attributeValues("data-ticket", in: hannahHome.text, within: "recent-tickets").contains("FD-8"))
    }

    @Test func homeShowsStatusNameAndUpdateTime() throws {
        let server = try WebTestServer()
        let home = try server.signedIn(WebTestServer.customer).get("/portal")
        #expect(home.text.contains("<span class=\"status-badge status-awaiting_vendor\">Awaiting vendor</span>"))
        #expect(home.text.contains("href=\"/portal/tickets/FD-26\""))
        #expect(home.text.contains("Harbour meeting room: no picture and no camera"))
        #expect(home.text.contains("<time datetime=\"2026-12-09T15:06:00Z\">9 Dec 2026, 16:06 GMT+1</time>"))
    }

    @Test func homeRequiresSignIn() throws {
        let server = try WebTestServer()
        let response = try server.client().get("/portal")
        #expect(response.status == 303)
        #expect(response.headers["Location"]?.hasPrefix("/login") == true)
    }

    @Test func staffHomeListsTicketsTheyFollow() throws {
        let server = try WebTestServer()
        let email = "maria.lopez@northwind.example"
        let home = try server.signedIn(email).get("/portal")
        #expect(home.status == 200)
        let listed = Set(PortalSample.attributeValues("data-ticket", in: home.text))
        let expected = try PortalSample.ticketIDs(for: email, organization: nil, closed: false)
            .union(PortalSample.ticketIDs(for: email, organization: nil, closed: true))
        #expect(listed == expected)
    }

    @Test func ticketPageShowsPublicThreadOnly() throws {
        let server = try WebTestServer()
        for email in [WebTestServer.customer, WebTestServer.agent] {
            let page = try server.signedIn(email).get("/portal/tickets/FD-26")
            #expect(page.status == 200)
            #expect(page.text.contains("Hi Tom, I'll check the room at 15:30"))
            #expect(page.text.contains("In the Harbour meeting room the big screen shows"))
            #expect(!page.text.contains("USB extender has no power"), "internal note shown to \(email)")
            #expect(!page.text.contains("Status changed from"), "event shown to \(email)")
            #expect(page.text.contains("id=\"reply-form\""))
            #expect(
                page.text.contains("<dd id=\"ticket-status\"><span class=\"status-badge status-open\">Open</span></dd>")
            )
        }
    }

    @Test func otherCustomersTicketIsNotFound() throws {
        let server = try WebTestServer()
        let olivia = try server.signedIn(WebTestServer.otherCustomer)
        let home = try olivia.get("/portal")
        let hidden = try olivia.get("/portal/tickets/FD-26")
        let missing = try olivia.get("/portal/tickets/FD-999")
        #expect(hidden.status == 404)
        #expect(missing.status == 404)
        #expect(hidden.text.replacingOccurrences(of: "FD-26", with: "FD-999") == missing.text)
        #expect(!hidden.text.contains("Harbour"))
        let before = try server.helpdesk.ticket("FD-26").ticket.entries.count
        let reply = try olivia.post("/portal/tickets/FD-26/replies", ["text": "Let me in"], csrfFrom: home)
        #expect(reply.status == 404)
        #expect(try server.helpdesk.ticket("FD-26").ticket.entries.count == before)
        #expect(try server.signedIn(WebTestServer.customer).get("/portal/tickets/FD-8").status == 404)
    }

    @Test func organizationTicketIsVisibleOnlyWhenEnabled() throws {
        let server = try WebTestServer()
        let anna = try server.signedIn("anna.schulz@northwind.example")
        #expect(try anna.get("/portal/tickets/FD-26").status == 200)
        try PortalSample.setOrganizationTickets(false, in: server.helpdesk)
        #expect(try anna.get("/portal/tickets/FD-26").status == 404)
        #expect(try anna.get("/portal/tickets/FD-16").status == 200)
    }

    @Test func replyAppearsOnTicket() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let page = try tom.get("/portal/tickets/FD-26")
        let reply = try tom.post(
            "/portal/tickets/FD-26/replies", ["text": "Thanks, the **camera** works now."], csrfFrom: page)
        #expect(reply.status == 303)
        let stored = try server.helpdesk.ticket("FD-26").ticket
        let last = try #require(stored.entries.last)
        #expect(reply.headers["Location"] == "/portal/tickets/FD-26#entry-\(last.id)")
        #expect(last.kind == .reply)
        #expect(last.author == WebTestServer.customer)
        #expect(last.attribute("via") == "portal")
        let after = try tom.get("/portal/tickets/FD-26")
        #expect(after.text.contains("Thanks, the <strong>camera</strong> works now."))
    }

    @Test func replyReopensWaitingTicket() throws {
        let server = try WebTestServer()
        let cases = [
            ("FD-22", Self.hannah, "awaiting_customer"), ("FD-25", "samuel.okafor@contoso.example", "resolved"),
        ]
        for (id, email, status) in cases {
            #expect(try server.helpdesk.ticket(id).ticket.status == status)
            let client = try server.signedIn(email)
            let page = try client.get("/portal/tickets/\(id)")
            let reply = try client.post("/portal/tickets/\(id)/replies", ["text": "It happened again."], csrfFrom: page)
            #expect(reply.status == 303)
            #expect(try server.helpdesk.ticket(id).ticket.status == "open", "status of \(id)")
        }
    }

    @Test func emptyReplyIsRejected() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let page = try tom.get("/portal/tickets/FD-26")
        let before = try server.helpdesk.ticket("FD-26").version
        let reply = try tom.post("/portal/tickets/FD-26/replies", ["text": "  \n "], csrfFrom: page)
        #expect(reply.status == 422)
        #expect(reply.text.contains("class=\"field-error\" id=\"reply-text-error\""))
        #expect(try server.helpdesk.ticket("FD-26").version == before)
    }

    @Test func closedTicketHasNoReplyBox() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let page = try tom.get("/portal/tickets/FD-4")
        #expect(page.status == 200)
        #expect(!page.text.contains("id=\"reply-form\""))
        #expect(page.text.contains("id=\"reply-closed\""))
        let before = try server.helpdesk.ticket("FD-4").version
        let reply = try tom.post("/portal/tickets/FD-4/replies", ["text": "One more thing"], csrfFrom: page)
        #expect(reply.status == 409)
        #expect(try server.helpdesk.ticket("FD-4").version == before)
    }

    @Test func replyWithoutCSRFTokenIsForbidden() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let response = try tom.request("POST", "/portal/tickets/FD-26/replies", form: ["text": "forged"])
        #expect(response.status == 403)
    }

    @Test func newRequestCreatesPortalTicket() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let form = try tom.get("/portal/new")
        #expect(form.status == 200)
        #expect(form.text.contains("<form id=\"new-request\""))
        let fields = [
            "subject": "Docking station flickers", "description": "The screen goes *black* every few minutes.",
            "category": "Hardware",
        ]
        let created = try tom.post("/portal/new", fields, csrfFrom: form)
        #expect(created.status == 303)
        let location = try #require(created.headers["Location"])
        #expect(location.hasPrefix("/portal/tickets/FD-"))
        let id = String(location.dropFirst("/portal/tickets/".count))
        let ticket = try server.helpdesk.ticket(id).ticket
        #expect(ticket.channel == .portal)
        #expect(ticket.requester == WebTestServer.customer)
        #expect(ticket.ticketType == .incident)
        #expect(ticket.category == "Hardware")
        #expect(ticket.organizationId == "northwind")
        #expect(ticket.entries.first?.text == "The screen goes *black* every few minutes.")
        let page = try tom.get(location)
        #expect(page.status == 200)
        #expect(page.text.contains("Docking station flickers"))
        let home = try tom.get("/portal")
        #expect(PortalSample.attributeValues("data-ticket", in: home.text, within: "open-tickets").contains(id))
    }

    @Test func newRequestAcceptsServiceRequestType() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let form = try tom.get("/portal/new")
        let fields = [
            "subject": "Second monitor", "description": "A second monitor for my desk, please.",
            "type": "service_request",
        ]
        let created = try tom.post("/portal/new", fields, csrfFrom: form)
        let id = String(try #require(created.headers["Location"]).dropFirst("/portal/tickets/".count))
        #expect(try server.helpdesk.ticket(id).ticket.ticketType == .serviceRequest)
        #expect(try server.helpdesk.ticket(id).ticket.category == nil)
    }

    @Test func invalidNewRequestKeepsValues() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let form = try tom.get("/portal/new")
        let count = PortalSample.ticketCount(server)
        let response = try tom.post(
            "/portal/new", ["subject": "", "description": "Kept text", "category": "Plumbing"], csrfFrom: form)
        #expect(response.status == 422)
        #expect(response.text.contains("id=\"request-subject-error\""))
        #expect(response.text.contains("id=\"request-category-error\""))
        #expect(response.text.contains(">Kept text</textarea>"))
        #expect(PortalSample.ticketCount(server) == count)
    }

    @Test func scriptInSubjectBodyAndReplyIsInert() throws {
        let server = try WebTestServer()
        let tom = try server.signedIn(WebTestServer.customer)
        let form = try tom.get("/portal/new")
        let fields = [
            "subject": "<script>alert('subject')</script>",
            "description": "<script>alert('body')</script>\n\n<img src=x onerror=alert(1)> [link](javascript:alert(2))",
        ]
        let created = try tom.post("/portal/new", fields, csrfFrom: form)
        let location = try #require(created.headers["Location"])
        let page = try tom.get(location)
        _ = try tom.post(location + "/replies", ["text": "<script>alert('reply')</script>"], csrfFrom: page)
        let after = try tom.get(location)
        let home = try tom.get("/portal")
        for html in [after.text, home.text] {
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("onerror=alert"))
            #expect(!html.contains("javascript:alert"))
        }
        #expect(
            after.text.contains("<h1 id=\"ticket-subject\">&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;</h1>"))
        #expect(home.text.contains("&lt;script&gt;alert("))
        let rejected = try tom.post(
            "/portal/new", ["subject": "\"><script>alert(3)</script>", "description": ""], csrfFrom: form)
        #expect(rejected.status == 422)
        #expect(!rejected.text.contains("<script>alert(3)"))
    }
}
