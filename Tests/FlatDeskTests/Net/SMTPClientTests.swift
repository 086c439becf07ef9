import Foundation
import Testing

@testable import FlatDesk

@Suite struct SMTPClientTests {
    static let message = Array(
        ("From: FlatDesk <desk@flatdesk.example>\r\nTo: tom@northwind.example\r\nSubject: Test\r\n\r\n"
            + "Line one\r\n.leading dot\r\n..two dots\r\nLast line\r\n").utf8)

    struct ReceivedEnvelope: Decodable {
        let mailFrom: String
        let rcptTos: [String]
        let login: String?
    }

    func configuration(port: Int, username: String? = nil, password: String? = nil) -> SMTPConfiguration {
        SMTPConfiguration(
            url: "smtp://127.0.0.1:\(port)", username: username, password: password, startTLS: .none,
            timeout: .seconds(10))
    }

    func receivedEnvelopes(_ server: LoopbackServerProcess) throws -> [ReceivedEnvelope] {
        try server.files(withSuffix: ".json").map {
            try JSONDecoder().decode(ReceivedEnvelope.self, from: Data(contentsOf: URL(fileURLWithPath: $0)))
        }
    }

    @Test func sendDeliversEnvelopeAndBytes() throws {
        let server = try LoopbackServerProcess(script: "smtp_test_server.py").start()
        let client = SMTPClient(configuration: configuration(port: server.port))
        try client.send(
            from: "desk@flatdesk.example", recipients: ["tom@northwind.example", "lena@northwind.example"],
            message: Self.message)
        let envelopes = try receivedEnvelopes(server)
        #expect(envelopes.count == 1)
        #expect(envelopes.first?.mailFrom == "desk@flatdesk.example")
        #expect(envelopes.first?.rcptTos == ["tom@northwind.example", "lena@northwind.example"])
        let received = try server.files(withSuffix: ".eml").map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(received.first.map(Array.init) == Self.message)
    }

    @Test func composedMessageIsDeliveredIntact() throws {
        let server = try LoopbackServerProcess(script: "smtp_test_server.py").start()
        var mail = OutgoingMail(
            from: OutgoingAddress("support@northwind.example", displayName: "Northwind Support"),
            to: [OutgoingAddress("tom.baker@northwind.example", displayName: "Tom Bäker")],
            cc: [OutgoingAddress("it@northwind.example")], subject: "Re: VPN – Verbindung bricht ab",
            textBody: "Hallo Tom,\n.\nwir kümmern uns darum.\n", autoSubmitted: .autoReplied)
        mail.htmlBody = "<p>Hallo Tom,</p>"
        let composed = try MailComposer(messageIDDomain: "helpdesk.northwind.example").compose(mail)
        try SMTPClient(configuration: configuration(port: server.port))
            .send(from: "support@northwind.example", recipients: composed.envelopeRecipients, message: composed.bytes)
        let received = try server.files(withSuffix: ".eml").map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(received.first.map(Array.init) == composed.bytes)
        #expect(
            try receivedEnvelopes(server).first?.rcptTos == ["tom.baker@northwind.example", "it@northwind.example"])
    }

    @Test func nullSenderIsSent() throws {
        let server = try LoopbackServerProcess(script: "smtp_test_server.py").start()
        try SMTPClient(configuration: configuration(port: server.port))
            .send(from: "", recipients: ["tom@northwind.example"], message: Self.message)
        #expect(try receivedEnvelopes(server).first?.mailFrom == "<>")
    }

    @Test func reply451IsTemporary() throws {
        let server = try LoopbackServerProcess(
            script: "smtp_test_server.py",
            arguments: ["--reject-stage", "data", "--reject-reply", "451 4.3.0 Try later"]
        ).start()
        let client = SMTPClient(configuration: configuration(port: server.port))
        let error = try #require(throws: SMTPError.self) {
            try client.send(from: "desk@flatdesk.example", recipients: ["tom@northwind.example"], message: Self.message)
        }
        guard case .rejected(let replyCode, _, _) = error else {
            Issue.record("expected a rejection, got \(error)")
            return
        }
        #expect(replyCode == 451)
        #expect(error.isTemporary)
    }

    @Test func reply550IsPermanent() throws {
        let server = try LoopbackServerProcess(
            script: "smtp_test_server.py",
            arguments: ["--reject-stage", "rcpt", "--reject-reply", "550 5.1.1 No such user"]
        ).start()
        let client = SMTPClient(configuration: configuration(port: server.port))
        let error = try #require(throws: SMTPError.self) {
            try client.send(
                from: "desk@flatdesk.example", recipients: ["nobody@northwind.example"], message: Self.message)
        }
        guard case .rejected(let replyCode, _, _) = error else {
            Issue.record("expected a rejection, got \(error)")
            return
        }
        #expect(replyCode == 550)
        #expect(!error.isTemporary)
        #expect(try server.files(withSuffix: ".eml").isEmpty)
    }

    @Test func connectionRefusedIsTemporary() throws {
        let client = SMTPClient(configuration: configuration(port: closedLoopbackPort()))
        let error = try #require(throws: SMTPError.self) {
            try client.send(from: "desk@flatdesk.example", recipients: ["tom@northwind.example"], message: Self.message)
        }
        #expect(error == .transferFailed(curlCode: 7, detail: error.detailForTest, url: client.configuration.url))
        #expect(error.isTemporary)
    }

    @Test func silentServerTimesOut() throws {
        let listener = SilentLoopbackListener()
        var settings = configuration(port: listener.port)
        settings.timeout = .milliseconds(500)
        let started = Date()
        let error = try #require(throws: SMTPError.self) {
            try SMTPClient(configuration: settings)
                .send(from: "desk@flatdesk.example", recipients: ["tom@northwind.example"], message: Self.message)
        }
        #expect(error == .transferFailed(curlCode: 28, detail: error.detailForTest, url: settings.url))
        #expect(error.isTemporary)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test(arguments: [SMTPConfiguration.AuthMechanism.plain, .login])
    func authenticationSucceeds(mechanism: SMTPConfiguration.AuthMechanism) throws {
        let server = try LoopbackServerProcess(
            script: "smtp_test_server.py", arguments: ["--user", "helpdesk", "--password", "s3cret pass"]
        ).start()
        var settings = configuration(port: server.port, username: "helpdesk", password: "s3cret pass")
        settings.authMechanism = mechanism
        try SMTPClient(configuration: settings)
            .send(from: "desk@flatdesk.example", recipients: ["tom@northwind.example"], message: Self.message)
        #expect(try receivedEnvelopes(server).first?.login == "helpdesk")
    }

    @Test func wrongPasswordIsPermanentAndNotLogged() throws {
        let server = try LoopbackServerProcess(
            script: "smtp_test_server.py", arguments: ["--user", "helpdesk", "--password", "right"]
        ).start()
        let sink = CapturingLogSink()
        let settings = configuration(port: server.port, username: "helpdesk", password: "wrong-Pa55word")
        let client = SMTPClient(configuration: settings, logger: Logger(label: "smtp", sink: sink))
        let error = try #require(throws: SMTPError.self) {
            try client.send(from: "desk@flatdesk.example", recipients: ["tom@northwind.example"], message: Self.message)
        }
        #expect(error == .rejected(replyCode: 535, detail: error.detailForTest, url: settings.url))
        #expect(!error.isTemporary)
        #expect(sink.captured.count == 1)
        #expect(!sink.captured.joined().contains("wrong-Pa55word"))
        #expect(!error.description.contains("wrong-Pa55word"))
    }

    @Test func missingAuthIsRejected() throws {
        let server = try LoopbackServerProcess(
            script: "smtp_test_server.py", arguments: ["--user", "helpdesk", "--password", "right"]
        ).start()
        let client = SMTPClient(configuration: configuration(port: server.port))
        let error = try #require(throws: SMTPError.self) {
            try client.send(from: "desk@flatdesk.example", recipients: ["tom@northwind.example"], message: Self.message)
        }
        #expect(!error.isTemporary)
        #expect(try server.files(withSuffix: ".eml").isEmpty)
    }

    @Test func requiredStartTLSFailsOnPlainServer() throws {
        let server = try LoopbackServerProcess(script: "smtp_test_server.py").start()
        var settings = configuration(port: server.port)
        settings.startTLS = .required
        let error = try #require(throws: SMTPError.self) {
            try SMTPClient(configuration: settings)
                .send(from: "desk@flatdesk.example", recipients: ["tom@northwind.example"], message: Self.message)
        }
        #expect(error == .transferFailed(curlCode: 64, detail: error.detailForTest, url: settings.url))
        #expect(!error.isTemporary)
        #expect(try server.files(withSuffix: ".eml").isEmpty)
    }

    @Test func optionalStartTLSFallsBackToPlain() throws {
        let server = try LoopbackServerProcess(script: "smtp_test_server.py").start()
        var settings = configuration(port: server.port)
        settings.startTLS = .optional
        try SMTPClient(configuration: settings)
            .send(from: "desk@flatdesk.example", recipients: ["tom@northwind.example"], message: Self.message)
        #expect(try server.files(withSuffix: ".eml").count == 1)
    }

    @Test func injectedAddressIsRejected() {
        let client = SMTPClient(configuration: configuration(port: 25))
        let sneaky = "tom@northwind.example>\r\nRCPT TO:<evil@example.org"
        #expect(throws: SMTPError.invalidAddress(field: "recipients", address: sneaky)) {
            try client.send(from: "desk@flatdesk.example", recipients: [sneaky], message: Self.message)
        }
        #expect(throws: SMTPError.invalidAddress(field: "from", address: "desk")) {
            try client.send(from: "desk", recipients: ["tom@northwind.example"], message: Self.message)
        }
        #expect(throws: SMTPError.missingRecipients) {
            try client.send(from: "desk@flatdesk.example", recipients: [], message: Self.message)
        }
    }

    @Test func invalidURLIsRejected() {
        for url in ["http://127.0.0.1:25", "smtp://", "not a url", "smtp://user:pw@127.0.0.1:25"] {
            let client = SMTPClient(configuration: SMTPConfiguration(url: url))
            let error = try? #require(throws: SMTPError.self) {
                try client.send(from: "desk@flatdesk.example", recipients: ["tom@northwind.example"], message: [])
            }
            #expect(error?.isTemporary == false, "\(url)")
            #expect(error?.description.contains("invalid SMTP setting url") == true, "\(url)")
            #expect(error?.description.contains("pw") == false, "\(url)")
        }
    }

    @Test func descriptionRedactsPassword() {
        let settings = SMTPConfiguration(url: "smtps://mail.example:465", username: "desk", password: "hunter2")
        #expect(!settings.description.contains("hunter2"))
        #expect(!String(reflecting: settings).contains("hunter2"))
        #expect(!"\(settings)".contains("hunter2"))
        #expect(settings.description.contains("<redacted>"))
    }
}

extension SMTPError {
    /// The libcurl message of a failure, so tests can compare the other fields exactly.
    var detailForTest: String {
        switch self {
        case .rejected(_, let detail, _), .transferFailed(_, let detail, _): detail
        default: ""
        }
    }
}
