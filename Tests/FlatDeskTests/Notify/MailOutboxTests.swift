import Foundation
import Testing

@testable import FlatDesk

@Suite struct MailOutboxTests {
    func service(_ desk: IntakeDesk, pollInterval: TimeInterval = 0.2) -> (Notifier, MailOutboxSender) {
        let logger = Logger(label: "test", minimumLevel: .error)
        let outbox = MailOutbox(gitDirectory: desk.helpdesk.store.gitDirectory)
        let notifier = Notifier(helpdesk: desk.helpdesk, outbox: outbox, logger: logger)
        let sender = MailOutboxSender(
            helpdesk: desk.helpdesk, outbox: outbox, secrets: nil, environment: [:], logger: logger,
            pollInterval: pollInterval)
        return (notifier, sender)
    }

    @Test func temporaryFailureIsRetried() throws {
        let smtp = try IntakeSMTPServer()
        try smtp.replyToData("451 4.3.0 Try again later")
        let desk = try IntakeDesk(mailSettings: smtp.mailSettings(firstRetrySeconds: 0.3))
        let (notifier, sender) = service(desk)
        sender.start()
        defer { sender.stop() }
        let created = try desk.ingest(TestEmail())
        #expect(eventually { smtp.refusedCount >= 2 })
        let waiting = notifier.outbox.messages().first
        #expect(waiting?.status == .pending)
        #expect((waiting?.attempts ?? 0) >= 2)
        #expect(waiting?.lastError?.contains("451") == true)
        try smtp.replyToData(nil)
        let delivered = try smtp.waitForMessages(1)
        #expect(delivered.first?.subject.hasPrefix("[\(created.ticketID ?? "")]") == true)
        #expect(eventually { notifier.outbox.messages().isEmpty })
        #expect(try desk.ticket(created.ticketID).entries.count == 1)
    }

    @Test func permanentFailureIsRecordedOnTicket() throws {
        let smtp = try IntakeSMTPServer()
        try smtp.replyToRecipients([IntakeDesk.requester: "550 5.1.1 Mailbox unavailable"])
        let desk = try IntakeDesk(mailSettings: smtp.mailSettings())
        let (notifier, sender) = service(desk)
        sender.start()
        defer { sender.stop() }
        let created = try desk.ingest(TestEmail())
        let ticketID = created.ticketID ?? ""
        #expect(eventually { (try? desk.ticket(ticketID).entries.count) == 2 })
        let event = try desk.ticket(ticketID).entries.last
        #expect(event?.kind == .event)
        #expect(event?.text.hasPrefix("Email to \(IntakeDesk.requester) could not be delivered: 550") == true)
        let failed = notifier.outbox.messages().first
        #expect(failed?.status == .failed)
        #expect(failed?.attempts == 1)
        let listed = try TestSupport.run(TestSupport.executable, ["mail", "outbox", "-C", desk.path])
        #expect(listed.output.contains("failed"))
        #expect(listed.output.contains(ticketID))
        #expect(listed.output.contains("550"))
    }

    @Test func exhaustedRetriesFailAndAreRecorded() throws {
        let smtp = try IntakeSMTPServer()
        try smtp.replyToData("421 4.7.0 Too busy")
        let desk = try IntakeDesk(mailSettings: smtp.mailSettings(firstRetrySeconds: 0.1, maxAttempts: 2))
        let (notifier, sender) = service(desk)
        sender.start()
        defer { sender.stop() }
        let created = try desk.ingest(TestEmail())
        #expect(eventually { notifier.outbox.messages().first?.status == .failed })
        #expect(notifier.outbox.messages().first?.attempts == 2)
        #expect(eventually { (try? desk.ticket(created.ticketID).entries.count) == 2 })
        #expect(try desk.ticket(created.ticketID).entries.last?.text.contains("gave up after 2 attempts") == true)
    }

    @Test func failedMessageCanBeRetried() throws {
        let smtp = try IntakeSMTPServer()
        try smtp.replyToRecipients([IntakeDesk.requester: "550 5.1.1 Mailbox unavailable"])
        let desk = try IntakeDesk(mailSettings: smtp.mailSettings())
        let (notifier, sender) = service(desk)
        try desk.ingest(TestEmail())
        sender.deliverDue()
        let failed = try #require(notifier.outbox.messages().first)
        #expect(failed.status == .failed)
        try smtp.replyToRecipients([:])
        let retried = try TestSupport.run(
            TestSupport.executable, ["mail", "outbox", "--retry", failed.id, "-C", desk.path])
        #expect(retried.status == 0)
        #expect(sender.deliverDue() == 1)
        #expect(try smtp.received().count == 1)
    }

    @Test func outboxSurvivesRestart() throws {
        let smtp = try IntakeSMTPServer()
        let desk = try IntakeDesk(mailSettings: smtp.mailSettings())
        let (notifier, _) = service(desk)
        let created = try desk.ingest(TestEmail())
        #expect(notifier.outbox.messages().count == 1)
        let reopened = try Helpdesk(path: desk.path, logger: Logger(label: "test", minimumLevel: .error))
        let outbox = MailOutbox(gitDirectory: reopened.store.gitDirectory)
        let sender = MailOutboxSender(helpdesk: reopened, outbox: outbox, secrets: nil, environment: [:])
        #expect(sender.deliverDue() == 1)
        #expect(outbox.messages().isEmpty)
        let received = try smtp.received()
        #expect(received.first?.subject.hasPrefix("[\(created.ticketID ?? "")]") == true)
        var reply = TestEmail()
        reply.inReplyTo = "<\(received.first?.messageID ?? "")>"
        let intake = try MailIntake(helpdesk: reopened)
        let threaded = try intake.ingest(raw: reply.bytes)
        #expect(threaded.outcome == .threaded)
        #expect(threaded.ticketID == created.ticketID)
    }

    @Test func passwordComesFromEnvironmentOrSecretStore() throws {
        let smtp = try IntakeSMTPServer()
        let settings = smtp.mailSettings().replacingOccurrences(
            of: #""startTLS": "none""#, with: #""startTLS": "none", "username": "desk""#)
        let desk = try IntakeDesk(mailSettings: settings)
        let store = SecretStore(directory: TestSupport.temporaryFolder("secrets"))
        try store.write(MailOutboxSender.passwordSecretName, "from-store\n")
        let outbox = MailOutbox(gitDirectory: desk.helpdesk.store.gitDirectory)
        let fromStore = MailOutboxSender(helpdesk: desk.helpdesk, outbox: outbox, secrets: store, environment: [:])
        let smtpSettings = try #require(try MailSettings.load(from: desk.helpdesk.settings).smtp)
        #expect(fromStore.configuration(smtpSettings).password == "from-store")
        let fromEnvironment = MailOutboxSender(
            helpdesk: desk.helpdesk, outbox: outbox, secrets: store, environment: ["FLATDESK_SMTP_PASSWORD": "from-env"]
        )
        #expect(fromEnvironment.configuration(smtpSettings).password == "from-env")
        #expect(fromEnvironment.configuration(smtpSettings).username == "desk")
    }

    @Test func retryPolicyDoublesUpToMaximum() {
        let policy = MailRetryPolicy()
        #expect(policy.delay(afterAttempts: 1) == 60)
        #expect(policy.delay(afterAttempts: 2) == 120)
        #expect(policy.delay(afterAttempts: 3) == 240)
        #expect(policy.delay(afterAttempts: 9) == 15_360.0)
        #expect(policy.delay(afterAttempts: 10) == nil)
        let longer = MailRetryPolicy(maximumAttempts: 20)
        #expect(longer.delay(afterAttempts: 10) == 21_600.0)
    }

    @Test func invalidMailSettingsAreReported() {
        var settings = HelpdeskSettings()
        settings.rawFiles["mail.json"] = Array(
            #"{"smtp": {"url": "smtp://127.0.0.1:25", "startTLS": "sometimes"}}"#.utf8)
        #expect(
            throws: MailNotifyError.invalidSettings(
                key: "smtp.startTLS", value: "sometimes", expected: "none, optional or required")
        ) {
            try MailSettings.load(from: settings)
        }
        settings.rawFiles["mail.json"] = Array(#"{"maxAttachmentBytes": -1}"#.utf8)
        #expect(throws: MailNotifyError.self) { try MailSettings.load(from: settings) }
        settings.rawFiles["mail.json"] = Array(#"{"supportAddress": "help desk@x"}"#.utf8)
        #expect(throws: MailNotifyError.self) { try MailSettings.load(from: settings) }
    }

    @Test func cliIngestIsAcknowledgedAndThreaded() throws {
        let smtp = try IntakeSMTPServer()
        let desk = try IntakeDesk(mailSettings: smtp.mailSettings())
        let (_, sender) = service(desk, pollInterval: 0.2)
        sender.start()
        defer { sender.stop() }
        func ingest(_ email: TestEmail) throws -> String {
            let path = TestSupport.temporaryFolder("mail") + "/message.eml"
            try Data(email.bytes).write(to: URL(fileURLWithPath: path))
            return try TestSupport.run(TestSupport.executable, ["mail", "ingest", path, "-C", desk.path]).output
        }
        let request = TestEmail()
        #expect(try ingest(request) == "FD-30 created E1\n")
        let acknowledgement = try smtp.waitForMessages(1).first
        #expect(acknowledgement?.subject == "[FD-30] Printer on floor 2 jams")
        var reply = TestEmail()
        reply.subject = "Re: " + (acknowledgement?.subject ?? "")
        reply.inReplyTo = "<\(acknowledgement?.messageID ?? "")>"
        #expect(try ingest(reply) == "FD-30 threaded E2\n")
        var outOfOffice = reply
        outOfOffice.messageID = "<ooo-\(UUID().uuidString)@northwind.example>"
        outOfOffice.extraHeaders = ["Auto-Submitted: auto-replied"]
        #expect(try ingest(outOfOffice) == "FD-30 recorded E3\n")
        var stranger = TestEmail()
        stranger.from = IntakeDesk.otherCustomer
        stranger.subject = "[FD-30] hello"
        #expect(try ingest(stranger) == "FD-31 created E1\n")
        let messages = try smtp.waitForMessages(2)
        #expect(messages.count == 2)
        #expect(messages.last?.to.first?.email == IntakeDesk.otherCustomer)
    }
}
