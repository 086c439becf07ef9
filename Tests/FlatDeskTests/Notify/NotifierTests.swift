import Foundation
import Testing

@testable import FlatDesk

/// Email in, ticket, notifications out through a real SMTP server on 127.0.0.1, and replies back in.
@Suite struct NotifierTests {
    /// A helpdesk with mail settings for `smtp`, its intake and a running notification service.
    final class MailDesk {
        let smtp: IntakeSMTPServer
        let desk: IntakeDesk
        let service: MailNotificationService

        init() throws {
            smtp = try IntakeSMTPServer()
            desk = try IntakeDesk(mailSettings: smtp.mailSettings())
            service = MailNotificationService(
                helpdesk: desk.helpdesk, secrets: nil, logger: Logger(label: "test", minimumLevel: .error))
            service.start()
        }

        deinit {
            service.stop()
        }
    }

    func header(_ message: InboundMessage?, _ name: String) -> String? {
        message?.headerValues(name).first
    }

    @Test func conversationRoundTrip() throws {
        let mail = try MailDesk()
        var request = TestEmail()
        request.cc = ["maria.lopez@northwind.example"]
        let created = try mail.desk.ingest(request)
        let ticketID = created.ticketID ?? ""

        let acknowledgement = try mail.smtp.waitForMessages(1).first
        #expect(acknowledgement?.subject == "[\(ticketID)] Printer on floor 2 jams")
        #expect(acknowledgement?.to.map(\.email) == [IntakeDesk.requester])
        #expect(acknowledgement?.messageID?.hasSuffix("@northwind.example") == true)
        #expect(header(acknowledgement, "Auto-Submitted") == "auto-replied")
        #expect(acknowledgement?.replyTo.map(\.email) == [IntakeDesk.support])
        #expect(acknowledgement?.from?.email == IntakeDesk.support)
        #expect(acknowledgement?.inReplyTo == request.messageID?.trimmingCharacters(in: ["<", ">"]))
        #expect(acknowledgement?.autoReply == .autoReply)

        let agent = Actor(person: try #require(mail.desk.helpdesk.settings.person(IntakeDesk.agent)))
        try mail.desk.helpdesk.addEntry(ticketID, kind: .reply, text: "Please try the tray on the left.", actor: agent)
        let afterReply = try mail.smtp.waitForMessages(3)
        #expect(afterReply.count == 3)
        let replies = afterReply.dropFirst()
        #expect(Set(replies.flatMap { $0.to.map(\.email) }) == [IntakeDesk.requester, "maria.lopez@northwind.example"])
        let toRequester = replies.first { $0.to.first?.email == IntakeDesk.requester }
        #expect(toRequester?.subject == "[\(ticketID)] Printer on floor 2 jams")
        #expect(toRequester?.inReplyTo == request.messageID?.trimmingCharacters(in: ["<", ">"]))
        #expect(toRequester?.references.contains(acknowledgement?.messageID ?? "-") == true)
        #expect(header(toRequester, "Auto-Submitted") == nil)
        #expect(toRequester?.textBody.contains("Please try the tray on the left.") == true)

        var answer = TestEmail()
        answer.subject = "Re: " + (toRequester?.subject ?? "")
        answer.inReplyTo = "<\(toRequester?.messageID ?? "")>"
        answer.body = "That worked, thank you."
        let threaded = try mail.desk.ingest(answer)
        #expect(threaded.outcome == .threaded)
        #expect(threaded.ticketID == ticketID)
        #expect(try mail.desk.ticket(ticketID).entries.last?.text == "That worked, thank you.")

        var outOfOffice = TestEmail()
        outOfOffice.subject = "Automatic reply: " + (acknowledgement?.subject ?? "")
        outOfOffice.inReplyTo = "<\(acknowledgement?.messageID ?? "")>"
        outOfOffice.extraHeaders = ["Auto-Submitted: auto-replied"]
        outOfOffice.body = "I am out of the office."
        let recorded = try mail.desk.ingest(outOfOffice)
        #expect(recorded.outcome == .recorded)
        #expect(recorded.ticketID == ticketID)
        #expect(mail.desk.helpdesk.index.count == 30)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try mail.smtp.received().count == 3)
    }

    @Test func conversationThroughWebhook() throws {
        let smtp = try IntakeSMTPServer()
        let server = try IntakeWebServer(mailSettings: smtp.mailSettings())
        let service = MailNotificationService(
            helpdesk: server.helpdesk, secrets: nil, logger: Logger(label: "test", minimumLevel: .error))
        service.start()
        defer { service.stop() }
        func outcome(_ response: CurlResponse) -> String {
            var reader = JSONReader(bytes: response.body)
            let value = try? reader.readDocument()
            return [value?["ticket"]?.stringValue, value?["outcome"]?.stringValue].compactMap { $0 }.joined(
                separator: " ")
        }
        #expect(outcome(try server.post(SendGridForm.raw(TestEmail().bytes))) == "FD-30 created")
        let acknowledgement = try smtp.waitForMessages(1).first
        #expect(acknowledgement?.subject == "[FD-30] Printer on floor 2 jams")

        let headers = """
            From: \(IntakeDesk.requester)
            To: \(IntakeDesk.support)
            Subject: Re: [FD-30] Printer on floor 2 jams
            Message-ID: <webhook-reply-\(UUID().uuidString)@northwind.example>
            In-Reply-To: <\(acknowledgement?.messageID ?? "")>

            """
        let reply = SendGridForm.parsed(
            headers: headers, text: "The tray is empty.", from: IntakeDesk.requester, subject: "Re: [FD-30] Printer")
        #expect(outcome(try server.post(reply)) == "FD-30 threaded")

        var outOfOffice = TestEmail()
        outOfOffice.subject = "Automatic reply: [FD-30] Printer on floor 2 jams"
        outOfOffice.inReplyTo = "<\(acknowledgement?.messageID ?? "")>"
        outOfOffice.extraHeaders = ["Auto-Submitted: auto-replied"]
        #expect(outcome(try server.post(SendGridForm.raw(outOfOffice.bytes))) == "FD-30 recorded")

        var stranger = TestEmail()
        stranger.from = IntakeDesk.otherCustomer
        stranger.subject = "[FD-30] hello"
        #expect(outcome(try server.post(SendGridForm.raw(stranger.bytes))) == "FD-31 created")
        let messages = try smtp.waitForMessages(2)
        #expect(messages.count == 2)
        #expect(messages.last?.to.first?.email == IntakeDesk.otherCustomer)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try smtp.received().count == 2)
    }

    @Test func strangerWithKeyGetsOwnTicketAndAcknowledgement() throws {
        let mail = try MailDesk()
        let created = try mail.desk.ingest(TestEmail())
        var stranger = TestEmail()
        stranger.from = IntakeDesk.otherCustomer
        stranger.subject = "[\(created.ticketID ?? "")] let me in"
        let separate = try mail.desk.ingest(stranger)
        #expect(separate.outcome == .created)
        #expect(separate.ticketID != created.ticketID)
        let messages = try mail.smtp.waitForMessages(2)
        #expect(Set(messages.compactMap { $0.to.first?.email }) == [IntakeDesk.requester, IntakeDesk.otherCustomer])
        let toStranger = messages.first { $0.to.first?.email == IntakeDesk.otherCustomer }
        #expect(toStranger?.subject == "[\(separate.ticketID ?? "")] [\(created.ticketID ?? "")] let me in")
    }

    @Test func statusAndAssignmentNotices() throws {
        let mail = try MailDesk()
        let created = try mail.desk.ingest(TestEmail())
        let ticketID = created.ticketID ?? ""
        _ = try mail.smtp.waitForMessages(1)
        let supervisor = Actor(
            person: try #require(mail.desk.helpdesk.settings.person("maria.lopez@northwind.example")))
        try mail.desk.helpdesk.update(ticketID, edits: [.assignee(IntakeDesk.agent)], actor: supervisor)
        let assigned = try mail.smtp.waitForMessages(2).last
        #expect(assigned?.to.first?.email == IntakeDesk.agent)
        #expect(assigned?.subject == "[\(ticketID)] Assigned to you: Printer on floor 2 jams")
        #expect(header(assigned, "Auto-Submitted") == "auto-generated")
        try mail.desk.helpdesk.addEntry(
            ticketID, kind: .note, text: "Internal: toner supplier is late.", actor: supervisor)
        try mail.desk.helpdesk.update(ticketID, edits: [.status("resolved")], actor: supervisor)
        let resolved = try mail.smtp.waitForMessages(3).last
        #expect(resolved?.to.first?.email == IntakeDesk.requester)
        #expect(resolved?.subject == "[\(ticketID)] Resolved: Printer on floor 2 jams")
        try mail.desk.helpdesk.update(ticketID, edits: [.status("closed")], actor: supervisor)
        let closed = try mail.smtp.waitForMessages(4).last
        #expect(closed?.subject == "[\(ticketID)] Closed: Printer on floor 2 jams")
        Thread.sleep(forTimeInterval: 0.3)
        let all = try mail.smtp.received()
        #expect(all.count == 4)
        #expect(!all.contains { $0.textBody.contains("toner supplier") })
    }

    @Test func customerReplyIsNotSentBack() throws {
        let mail = try MailDesk()
        let request = TestEmail()
        let created = try mail.desk.ingest(request)
        _ = try mail.smtp.waitForMessages(1)
        let reply = try mail.desk.ingest(request.reply(from: IntakeDesk.requester, body: "One more detail."))
        #expect(reply.outcome == .threaded)
        #expect(created.ticketID == reply.ticketID)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(try mail.smtp.received().count == 1)
    }

    @Test func missingMailSettingsSendNothing() throws {
        let sink = CapturingLogSink()
        let desk = try IntakeDesk()
        let outbox = MailOutbox(gitDirectory: desk.helpdesk.store.gitDirectory)
        let notifier = Notifier(helpdesk: desk.helpdesk, outbox: outbox, logger: Logger(label: "test", sink: sink))
        try withExtendedLifetime(notifier) {
            try desk.ingest(TestEmail())
            try desk.ingest(TestEmail())
        }
        #expect(outbox.messages().isEmpty)
        let lines = sink.captured.filter { $0.contains("email notifications are off") }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("settings/mail.json is missing") == true)
    }

    @Test func acknowledgementsPerAddressAreLimited() throws {
        let smtp = try IntakeSMTPServer()
        let desk = try IntakeDesk(mailSettings: smtp.mailSettings())
        let outbox = MailOutbox(gitDirectory: desk.helpdesk.store.gitDirectory)
        let notifier = Notifier(
            helpdesk: desk.helpdesk, outbox: outbox, logger: Logger(label: "test", minimumLevel: .error))
        try withExtendedLifetime(notifier) {
            for _ in 0..<(Notifier.acknowledgementsPerHour + 3) {
                try desk.ingest(TestEmail())
            }
        }
        #expect(outbox.messages().count == Notifier.acknowledgementsPerHour)
    }
}

/// Changes made on the command line queue their emails for the server to send.
@Suite struct CommandLineNotificationTests {
    static let settings = """
        {
          "formatVersion": 1,
          "smtp": {"url": "smtp://127.0.0.1:9", "startTLS": "none"},
          "fromName": "Northwind IT",
          "supportAddress": "\(IntakeDesk.support)"
        }
        """

    func flatdesk(_ arguments: [String], _ desk: IntakeDesk) throws -> Int32 {
        let environment = ["FLATDESK_USER": IntakeDesk.agent]
        return try TestSupport.run(TestSupport.executable, arguments + ["-C", desk.path], in: desk.path, environment: environment)
            .status
    }

    @Test func newTicketIsRoutedAndAcknowledged() throws {
        let desk = try IntakeDesk(mailSettings: Self.settings)
        let outbox = MailOutbox(gitDirectory: desk.helpdesk.store.gitDirectory)
        let arguments = ["new", "Laptop will not charge", "--requester", IntakeDesk.requester, "--text", "Since Monday."]
        #expect(try flatdesk(arguments, desk) == 0)
        try desk.helpdesk.refresh()
        let created = try #require(desk.helpdesk.index.allTickets().max { ($0.ticket.number ?? 0) < ($1.ticket.number ?? 0) })
        #expect(created.ticket.subject == "Laptop will not charge")
        #expect(created.ticket.team == "tier1", "the sample's default routing rule ran on the command line")
        #expect(outbox.messages().filter { $0.ticketID == created.id }.map(\.kind) == [.acknowledgement])
    }

    @Test func replyAndResolveQueueEmails() throws {
        let desk = try IntakeDesk(mailSettings: Self.settings)
        let outbox = MailOutbox(gitDirectory: desk.helpdesk.store.gitDirectory)
        #expect(try flatdesk(["reply", "FD-20", "The new VPN profile is on its way."], desk) == 0)
        #expect(try flatdesk(["note", "FD-20", "Profile built from the template."], desk) == 0)
        #expect(try flatdesk(["set", "FD-20", "status=resolved"], desk) == 0)
        let messages = outbox.messages().filter { $0.ticketID == "FD-20" }
        #expect(messages.map(\.kind) == [.reply, .resolved], "the note sends nothing")
        let requester = try desk.helpdesk.ticket("FD-20").ticket.requester
        #expect(messages.allSatisfy { $0.recipients.contains(requester) })
    }
}
