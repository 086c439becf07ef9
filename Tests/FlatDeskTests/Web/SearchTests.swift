import Foundation
import Testing

@testable import FlatDesk

@Suite struct SearchTests {
    /// FD-2's internal note mentions a "damaged embedded font", which no public text does.
    @Test func staffFindInternalNotes() throws {
        let server = try WebTestServer()
        let agent = try server.signedIn(WebTestServer.agent)
        let page = try agent.get("/search?q=embedded+font")
        #expect(page.status == 200)
        #expect(page.text.contains("/console/tickets/FD-2"))
    }

    @Test func customersNeverMatchInternalNotes() throws {
        let server = try WebTestServer()
        let ticket = try server.helpdesk.ticket("FD-2").ticket
        let requester = try server.signedIn(ticket.requester)
        let notes = ticket.entries.filter { $0.kind == .note }.map(\.text).joined()
        #expect(notes.contains("embedded font"))
        let page = try requester.get("/search?q=embedded+font")
        #expect(page.status == 200)
        #expect(!page.text.contains("/portal/tickets/FD-2\""))
        #expect(!page.text.contains("embedded</mark>"))
        let subjectWord = ticket.subject.split(separator: " ").first { $0.count > 4 }.map(String.init) ?? ticket.subject
        #expect(try requester.get("/search?q=" + subjectWord).text.contains("/portal/tickets/FD-2"))
    }

    @Test func customersDoNotSeeOtherCustomersTickets() throws {
        let server = try WebTestServer()
        let ticket = try server.helpdesk.ticket("FD-2").ticket
        let outsider = try server.signedIn(WebTestServer.otherCustomer)
        let word = ticket.subject.split(separator: " ").first { $0.count > 4 }.map(String.init) ?? ticket.subject
        #expect(!(try outsider.get("/search?q=" + word).text.contains("FD-2")))
    }

    @Test func anonymousReadersFindOnlyPublicArticles() throws {
        let server = try WebTestServer()
        let articles = try server.helpdesk.knowledgeBase.allArticles()
        let internalArticle = try #require(articles.first { $0.visibility == .internal })
        let publicArticle = try #require(articles.first { $0.visibility == .public && $0.status == .published })
        func titleWord(_ article: KBArticle) -> String {
            let words: [Substring] = article.title.split(separator: " ")
            return String(words.max { $0.count < $1.count } ?? "")
        }
        let anonymous = server.client()
        #expect(try anonymous.get("/search?q=" + titleWord(publicArticle)).text.contains("/kb/\(publicArticle.id)"))
        #expect(!(try anonymous.get("/search?q=" + titleWord(internalArticle)).text.contains(internalArticle.id)))
        let agent = try server.signedIn(WebTestServer.agent)
        #expect(try agent.get("/search?q=" + titleWord(internalArticle)).text.contains("/console/kb/\(internalArticle.id)"))
    }

    @Test func newTicketsAreSearchable() throws {
        let server = try WebTestServer()
        try server.helpdesk.createTicket(NewTicket(subject: "Quokka badge reader", text: "The xylophone door stays shut.", requester: WebTestServer.customer), actor: TestSupport.agent)
        let agent = try server.signedIn(WebTestServer.agent)
        #expect(try agent.get("/search?q=xylophone").text.contains("Quokka badge reader"))
        let token = try server.accounts.createToken(name: "t", email: WebTestServer.agent, role: .agent)
        let json = try server.client().get("/api/v1/search?q=quokka", headers: ["Authorization: Bearer \(token)"])
        #expect(json.status == 200)
        #expect(json.text.contains("\"kind\": \"ticket\""))
    }
}
