import Foundation
import Testing

@testable import FlatDesk

@Suite struct InboundWebhookTests {
    static let payloads = MailFixtures.paths(in: "sendgrid")
    static let validPayloads = payloads.filter { !$0.contains("bad_data") }

    /// Returns the `outcome` and `ticket` fields of a webhook response.
    func fields(_ response: CurlResponse) -> (outcome: String?, ticket: String?) {
        var reader = JSONReader(bytes: response.body)
        let value = try? reader.readDocument()
        return (value?["outcome"]?.stringValue, value?["ticket"]?.stringValue)
    }

    @Test func everySendGridPayloadIsAccepted() throws {
        let server = try IntakeWebServer()
        #expect(Self.validPayloads.count == 8)
        for path in Self.validPayloads {
            let response = try server.post(try MailFixtures.bytes(path))
            #expect(response.status == 200, "\(path): \(response.text)")
            let outcome = fields(response).outcome ?? ""
            #expect(["created", "threaded", "duplicate"].contains(outcome), "\(path): \(response.text)")
        }
        #expect(server.helpdesk.index.count > 29)
        #expect(server.helpdesk.index.problems.isEmpty)
    }

    @Test func rawPayloadKeepsAttachment() throws {
        let server = try IntakeWebServer()
        let response = try server.post(try MailFixtures.bytes("sendgrid/sendgrid-python-raw_data_with_attachments.txt"))
        let ticketID = fields(response).ticket ?? ""
        let entry = try server.helpdesk.ticket(ticketID).ticket.entries.first
        let names = (entry?.attribute("attachments") ?? "").split(separator: ",").map(String.init)
        #expect(names.count == 1)
        #expect(names.first?.hasSuffix(".jpg") == true)
        let folder = InboundFilePlan.folder(ofTicketAt: Ticket.path(for: ticketID))
        let stored = try server.helpdesk.store.read { try $0.read(folder + "/" + (names.first ?? "")) } ?? []
        #expect(stored.starts(with: [0xFF, 0xD8]))
    }

    @Test func parsedPayloadKeepsHeadersAndText() throws {
        let server = try IntakeWebServer()
        let response = try server.post(
            try MailFixtures.bytes("sendgrid/sendgrid-nodejs-example-email-parse-payload.txt"))
        #expect(response.status == 200)
        let ticket = try server.helpdesk.ticket(fields(response).ticket ?? "").ticket
        #expect(
            ticket.entries.first?.attribute("message-id")
                == "CAGsruKuAJk58E07TRMD28pA+mktpZ1mg2fjr6PAWj19e0jdnFg@mail.gmail.com")
        #expect(ticket.subject.hasPrefix("Fwd:"))
        #expect(ticket.entries.first?.text.isEmpty == false)
    }

    @Test func parsedPayloadUsesDeclaredCharset() throws {
        let server = try IntakeWebServer()
        let headers =
            "From: Jörg <joerg.mueller@northwind.example>\nTo: support@northwind.example\nSubject: Drucker\nMessage-ID: <latin1@northwind.example>\nContent-Type: text/plain; charset=iso-8859-1\n"
        var body = SendGridForm.parsed(
            headers: headers, text: "", from: "joerg.mueller@northwind.example", subject: "Drucker",
            charsets: #"{"text":"iso-8859-1"}"#)
        // Put the ISO-8859-1 bytes of "Grüße" into the text field.
        let marker = Array("name=\"text\"\r\n\r\n".utf8)
        if let range = body.firstRange(of: marker) {
            body.insert(contentsOf: [0x47, 0x72, 0xFC, 0xDF, 0x65], at: range.upperBound)
        }
        let response = try server.post(body)
        #expect(response.status == 200)
        let ticket = try server.helpdesk.ticket(fields(response).ticket ?? "").ticket
        #expect(ticket.entries.first?.text == "Grüße")
        #expect(ticket.requester == "joerg.mueller@northwind.example")
    }

    @Test func parsedPayloadStoresFiles() throws {
        let server = try IntakeWebServer()
        let headers = "From: tom.baker@northwind.example\nSubject: Scan\nMessage-ID: <scan@northwind.example>\n"
        let pdf = Array("%PDF-1.4 scanned".utf8)
        let body = SendGridForm.parsed(
            headers: headers, text: "See the scan.", from: "tom.baker@northwind.example", subject: "Scan",
            files: [("scan 1.pdf", "application/pdf", pdf)])
        let response = try server.post(body)
        let ticketID = fields(response).ticket ?? ""
        let entry = try server.helpdesk.ticket(ticketID).ticket.entries.first
        #expect(entry?.attribute("attachments") == "E1-scan 1.pdf")
        let folder = InboundFilePlan.folder(ofTicketAt: Ticket.path(for: ticketID))
        #expect(try server.helpdesk.store.read { try $0.read(folder + "/E1-scan 1.pdf") } == pdf)
    }

    @Test func invalidBodyIsRejectedWith400() throws {
        let server = try IntakeWebServer()
        let head = try server.helpdesk.store.head()
        let response = try server.post(try MailFixtures.bytes("sendgrid/sendgrid-go-bad_data.txt"))
        #expect(response.status == 400)
        let empty = try server.post(
            Array("--xYzZY\r\nContent-Disposition: form-data; name=\"dkim\"\r\n\r\nnone\r\n--xYzZY--\r\n".utf8))
        #expect(empty.status == 400)
        #expect(try server.helpdesk.store.head() == head)
        #expect(!FileManager.default.fileExists(atPath: server.helpdesk.store.gitDirectory + "flatdesk/dead-letter"))
    }

    @Test func wrongSecretIsRejectedWith401() throws {
        let server = try IntakeWebServer()
        let head = try server.helpdesk.store.head()
        let body = try MailFixtures.bytes("sendgrid/sendgrid-python-raw_data.txt")
        let wrong = try server.post(body, token: "not-the-secret")
        #expect(wrong.status == 401)
        let missing = try server.post(body, token: nil)
        #expect(missing.status == 401)
        #expect(missing.headers["WWW-Authenticate"]?.hasPrefix("Basic") == true)
        #expect(try server.helpdesk.store.head() == head)
        #expect(server.helpdesk.index.count == 29)
    }

    @Test func missingSecretIsRejectedWith503() throws {
        let server = try IntakeWebServer(secret: nil)
        let response = try server.post(
            try MailFixtures.bytes("sendgrid/sendgrid-python-raw_data.txt"), token: "anything")
        #expect(response.status == 503)
        #expect(response.text.contains("flatdesk mail secret"))
        #expect(server.helpdesk.index.count == 29)
    }

    @Test func basicAuthPasswordIsAccepted() {
        let good = "Basic " + Data("inbound:s3cret".utf8).base64EncodedString()
        let bad = "Basic " + Data("inbound:wrong".utf8).base64EncodedString()
        let request = { (header: String) in HTTPRequest(method: .post, path: "/", headers: ["Authorization": header]) }
        #expect(InboundWebhookSecret.isAuthorized(request(good), secret: "s3cret"))
        #expect(!InboundWebhookSecret.isAuthorized(request(bad), secret: "s3cret"))
        #expect(!InboundWebhookSecret.isAuthorized(request("Bearer s3cret"), secret: "s3cret"))
        #expect(!InboundWebhookSecret.isAuthorized(HTTPRequest(method: .post, path: "/"), secret: "s3cret"))
    }

    @Test func basicAuthReachesWebhookOnServer() throws {
        let server = try IntakeWebServer()
        let credentials = Data("inbound:\(IntakeWebServer.secret)".utf8).base64EncodedString()
        let response = try Curl.request(
            server.webhookURL, method: "POST",
            headers: ["Content-Type: multipart/form-data; boundary=xYzZY", "Authorization: Basic \(credentials)"],
            body: try MailFixtures.bytes("sendgrid/sendgrid-python-raw_data.txt"))
        #expect(response.status == 200)
    }

    @Test func environmentSecretTakesPrecedence() {
        let store = SecretStore(directory: TestSupport.temporaryFolder("secrets"))
        #expect(InboundWebhookSecret.configured(in: store, environment: [:]) == nil)
        #expect(
            InboundWebhookSecret.configured(in: store, environment: ["FLATDESK_INBOUND_SECRET": "from-env"])
                == "from-env")
    }

    @Test func threadingWorksThroughWebhook() throws {
        let server = try IntakeWebServer()
        let first = TestEmail()
        let created = fields(try server.post(SendGridForm.raw(first.bytes)))
        #expect(created.outcome == "created")
        let reply = first.reply(from: IntakeDesk.requester, body: "Any news?")
        let headers =
            "From: \(reply.from)\nTo: \(reply.to)\nSubject: \(reply.subject)\nMessage-ID: <reply-\(UUID().uuidString)@x.example>\nIn-Reply-To: \(first.messageID ?? "")\n"
        let threaded = fields(
            try server.post(
                SendGridForm.parsed(headers: headers, text: "Any news?", from: reply.from, subject: reply.subject)))
        #expect(threaded.outcome == "threaded")
        #expect(threaded.ticket == created.ticket)
        var stranger = TestEmail()
        stranger.from = IntakeDesk.otherCustomer
        stranger.subject = "[\(created.ticket ?? "")] hello"
        let separate = fields(try server.post(SendGridForm.raw(stranger.bytes)))
        #expect(separate.outcome == "created")
        #expect(separate.ticket != created.ticket)
        let duplicate = fields(try server.post(SendGridForm.raw(first.bytes)))
        #expect(duplicate.outcome == "duplicate")
        #expect(try server.helpdesk.ticket(created.ticket ?? "").ticket.entries.count == 2)
    }
}
