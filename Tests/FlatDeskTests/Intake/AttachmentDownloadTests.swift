import Foundation
import Testing

@testable import FlatDesk

@Suite struct AttachmentDownloadTests {
    static let pdf = Array("%PDF-1.4 quarterly report".utf8)

    /// Starts a server with one ticket from the requester carrying `report.pdf` and `page.html`.
    func serverWithTicket() throws -> (server: IntakeWebServer, ticketID: String, email: TestEmail) {
        let server = try IntakeWebServer()
        var email = TestEmail()
        email.attachments = [
            ("report.pdf", "application/pdf", Self.pdf), ("page.html", "text/html", Array("<script>x</script>".utf8)),
        ]
        let response = try server.post(SendGridForm.raw(email.bytes))
        var reader = JSONReader(bytes: response.body)
        guard let id = (try reader.readDocument())["ticket"]?.stringValue else {
            throw TestFailure("no ticket: \(response.text)")
        }
        return (server, id, email)
    }

    @Test func requesterDownloadsAttachment() throws {
        let (server, id, _) = try serverWithTicket()
        let response = try server.signedIn(IntakeDesk.requester).get("/attachments/\(id)/E1-report.pdf")
        #expect(response.status == 200)
        #expect(response.body == Self.pdf)
        #expect(response.headers["Content-Type"] == "application/pdf")
        #expect(
            response.headers["Content-Disposition"]
                == "attachment; filename=\"E1-report.pdf\"; filename*=UTF-8''E1-report.pdf")
    }

    /// Returns the `href` values of the links in `html` that point at attachments.
    func attachmentLinks(_ html: String) -> [String] {
        html.matches(of: #/<a href="(/attachments/[^"]+)" download>/#).map { String($0.1) }
    }

    @Test func threadsLinkTheirFiles() throws {
        let (server, id, email) = try serverWithTicket()
        let agent = try server.signedIn(IntakeDesk.agent)
        let console = try agent.get("/console/tickets/\(id)")
        #expect(
            attachmentLinks(console.text)
                == ["/attachments/\(id)/E1-report.pdf", "/attachments/\(id)/E1-page.html", "/attachments/\(id)/E1-original.eml"])
        #expect(console.text.contains(">report.pdf</a>"))
        #expect(try agent.get("/attachments/\(id)/E1-original.eml").body == email.bytes)

        let requester = try server.signedIn(IntakeDesk.requester)
        let portal = try requester.get("/portal/tickets/\(id)")
        let links = attachmentLinks(portal.text)
        #expect(links == ["/attachments/\(id)/E1-report.pdf", "/attachments/\(id)/E1-page.html"])
        #expect(!portal.text.contains("Original message"))
        for link in links {
            #expect(try requester.get(link).status == 200, "\(link)")
        }
    }

    @Test func linkEncodesNameAsOneSegment() {
        #expect(AttachmentLinks.url("FD-7", "E2-Q3 plan #2.pdf") == "/attachments/FD-7/E2-Q3%20plan%20%232.pdf")
        #expect(AttachmentLinks.url("FD-7", "E2-Übersicht.txt") == "/attachments/FD-7/E2-%C3%9Cbersicht.txt")
    }

    @Test func otherCustomerGets404() throws {
        let (server, id, _) = try serverWithTicket()
        let response = try server.signedIn(IntakeDesk.otherCustomer).get("/attachments/\(id)/E1-report.pdf")
        #expect(response.status == 404)
        #expect(response.body != Self.pdf)
    }

    @Test func anonymousViewerMustSignIn() throws {
        let (server, id, _) = try serverWithTicket()
        let response = try WebClient(baseURL: server.baseURL).get("/attachments/\(id)/E1-report.pdf")
        #expect(response.status == 303)
        #expect(response.headers["Location"]?.hasPrefix("/login") == true)
    }

    @Test func originalIsForStaffOnly() throws {
        let (server, id, email) = try serverWithTicket()
        let customer = try server.signedIn(IntakeDesk.requester).get("/attachments/\(id)/E1-original.eml")
        #expect(customer.status == 404)
        let agent = try server.signedIn(IntakeDesk.agent).get("/attachments/\(id)/E1-original.eml")
        #expect(agent.status == 200)
        #expect(agent.body == email.bytes)
        #expect(agent.headers["Content-Type"] == "application/octet-stream")
    }

    @Test func unsafeTypeIsServedAsOctetStream() throws {
        let (server, id, _) = try serverWithTicket()
        let response = try server.signedIn(IntakeDesk.requester).get("/attachments/\(id)/E1-page.html")
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/octet-stream")
        #expect(response.headers["Content-Disposition"]?.hasPrefix("attachment;") == true)
    }

    @Test func unlistedOrTraversingNamesAreRejected() throws {
        let (server, id, _) = try serverWithTicket()
        let agent = try server.signedIn(IntakeDesk.agent)
        #expect(try agent.get("/attachments/\(id)/E1-missing.pdf").status == 404)
        #expect(try agent.get("/attachments/\(id)/..%2F..%2Fsettings%2Fpeople.json").status == 400)
        #expect(try agent.get("/attachments/\(id)/.hidden").status == 404)
        #expect(try agent.get("/attachments/FD-999/E1-report.pdf").status == 404)
        #expect(try agent.get("/attachments/not-a-key/E1-report.pdf").status == 404)
    }

    @Test func internalEntryFilesAreHiddenFromCustomers() throws {
        let (server, id, email) = try serverWithTicket()
        var outOfOffice = email.reply(from: IntakeDesk.requester, body: "Away this week.")
        outOfOffice.extraHeaders = ["Auto-Submitted: auto-replied"]
        outOfOffice.attachments = [("signature.png", "image/png", [0x89, 0x50, 0x4E, 0x47])]
        #expect(try server.post(SendGridForm.raw(outOfOffice.bytes)).status == 200)
        let entry = try server.helpdesk.ticket(id).ticket.entries.last
        #expect(entry?.kind == .event)
        #expect(entry?.attribute("attachments") == "E2-signature.png")
        #expect(try server.signedIn(IntakeDesk.requester).get("/attachments/\(id)/E2-signature.png").status == 404)
        let staff = try server.signedIn(IntakeDesk.agent).get("/attachments/\(id)/E2-signature.png")
        #expect(staff.status == 200)
        #expect(staff.headers["Content-Type"] == "image/png")
    }

    @Test func contentDispositionEncodesNonASCIINames() {
        let header = WebApp.contentDisposition("E1-Über \"Plan\".pdf")
        #expect(header == "attachment; filename=\"E1-_ber _Plan_.pdf\"; filename*=UTF-8''E1-%C3%9Cber%20%22Plan%22.pdf")
    }
}
