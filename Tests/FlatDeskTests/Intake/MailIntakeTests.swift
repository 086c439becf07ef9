import Foundation
import Testing

@testable import FlatDesk

@Suite struct MailIntakeTests {
    @Test func newMessageOpensTicket() throws {
        let desk = try IntakeDesk()
        var email = TestEmail()
        email.from = "Ann Carter <Ann.Carter@Fabrikam.example>"
        email.cc = ["bob@fabrikam.example", IntakeDesk.support, "flatdesk@northwind.example"]
        email.subject = "Re: VPN drops every ten minutes"
        let result = try desk.ingest(email)
        #expect(result.outcome == .created)
        #expect(result.entryID == "E1")
        let ticket = try desk.ticket(result.ticketID)
        #expect(ticket.requester == "ann.carter@fabrikam.example")
        #expect(ticket.organizationId == "fabrikam")
        #expect(ticket.followers == ["bob@fabrikam.example"])
        #expect(ticket.channel == .email)
        #expect(ticket.subject == "Re: VPN drops every ten minutes")
        #expect(ticket.entries.first?.text == "The printer jams on every second page.")
        #expect(ticket.entries.first?.attribute("via") == "email")
        #expect(ticket.entries.first?.attribute("message-id") == email.messageID?.trimmingCharacters(in: ["<", ">"]))
        #expect(ticket.entries.first?.attribute("original") == "E1-original.eml")
        #expect(desk.helpdesk.settings.person("ann.carter@fabrikam.example") == nil)
    }

    @Test func originalIsStoredBesideTicket() throws {
        let desk = try IntakeDesk()
        let email = TestEmail()
        let result = try desk.ingest(email)
        let folder = InboundFilePlan.folder(ofTicketAt: Ticket.path(for: result.ticketID ?? ""))
        #expect(try desk.file(folder + "/E1-original.eml") == email.bytes)
    }

    @Test func commitIsAuthoredBySender() throws {
        let desk = try IntakeDesk()
        let result = try desk.ingest(TestEmail())
        let history = try desk.helpdesk.history(result.ticketID ?? "")
        #expect(history.first?.authorEmail == IntakeDesk.requester)
    }

    @Test func replyByInReplyToJoinsTicket() throws {
        let desk = try IntakeDesk()
        let first = TestEmail()
        let created = try desk.ingest(first)
        let reply = first.reply(
            from: "someone.else@example.org",
            body:
                "It works again, thanks!\n\nOn Mon, 30 Nov 2026 at 08:12, Tom wrote:\n> The printer jams on every second page."
        )
        let result = try desk.ingest(reply)
        #expect(result.outcome == .threaded)
        #expect(result.ticketID == created.ticketID)
        #expect(result.entryID == "E2")
        let ticket = try desk.ticket(created.ticketID)
        #expect(ticket.entries.count == 2)
        #expect(ticket.entries.last?.kind == .reply)
        #expect(ticket.entries.last?.text == "It works again, thanks!")
        #expect(ticket.entries.last?.author == "someone.else@example.org")
        #expect(ticket.entries.last?.attribute("original") == "E2-original.eml")
    }

    @Test func referencesThreadWhenInReplyToIsUnknown() throws {
        let desk = try IntakeDesk()
        let first = TestEmail()
        let created = try desk.ingest(first)
        var reply = first.reply(from: IntakeDesk.requester, body: "More details.")
        reply.inReplyTo = "<unknown@elsewhere.example>"
        reply.references = [first.messageID ?? "", "<unknown@elsewhere.example>"]
        let result = try desk.ingest(reply)
        #expect(result.outcome == .threaded)
        #expect(result.ticketID == created.ticketID)
    }

    @Test func subjectKeyFromRequesterJoins() throws {
        let desk = try IntakeDesk()
        let created = try desk.ingest(TestEmail())
        var email = TestEmail()
        email.subject = "[\(created.ticketID ?? "")] one more thing"
        let result = try desk.ingest(email)
        #expect(result.outcome == .threaded)
        #expect(result.ticketID == created.ticketID)
    }

    @Test func subjectKeyFromOrganizationMemberJoins() throws {
        let desk = try IntakeDesk()
        let created = try desk.ingest(TestEmail())
        var email = TestEmail()
        email.from = IntakeDesk.colleague
        email.subject = "Re: \(created.ticketID ?? "") printer"
        let result = try desk.ingest(email)
        #expect(result.outcome == .threaded)
        #expect(result.ticketID == created.ticketID)
    }

    @Test func subjectKeyFromDomainOfOrganizationJoins() throws {
        let desk = try IntakeDesk()
        let created = try desk.ingest(TestEmail())
        var email = TestEmail()
        email.from = "new.hire@northwind.example"
        email.subject = "[\(created.ticketID ?? "")] same here"
        #expect(try desk.ingest(email).ticketID == created.ticketID)
    }

    @Test func subjectKeyFromStrangerOpensNewTicket() throws {
        let desk = try IntakeDesk()
        let created = try desk.ingest(TestEmail())
        var email = TestEmail()
        email.from = IntakeDesk.otherCustomer
        email.subject = "[\(created.ticketID ?? "")] let me in"
        let result = try desk.ingest(email)
        #expect(result.outcome == .created)
        #expect(result.ticketID != created.ticketID)
        #expect(try desk.ticket(created.ticketID).entries.count == 1)
        #expect(try desk.ticket(result.ticketID).requester == IntakeDesk.otherCustomer)
    }

    @Test func duplicateMessageIDAddsOneEntry() throws {
        let desk = try IntakeDesk()
        let first = TestEmail()
        let created = try desk.ingest(first)
        let again = try desk.ingest(first)
        #expect(again.outcome == .duplicate)
        #expect(again.ticketID == created.ticketID)
        let reply = first.reply(from: IntakeDesk.requester, body: "Still broken.")
        #expect(try desk.ingest(reply).outcome == .threaded)
        #expect(try desk.ingest(reply).outcome == .duplicate)
        #expect(try desk.ticket(created.ticketID).entries.count == 2)
        #expect(desk.helpdesk.index.count == 30)
    }

    @Test func messageWithoutIDGetsStableDerivedID() throws {
        let desk = try IntakeDesk()
        var email = TestEmail()
        email.messageID = nil
        let first = try desk.ingest(email)
        let second = try desk.ingest(email)
        #expect(first.outcome == .created)
        #expect(first.messageID.hasSuffix("@no-message-id.invalid"))
        #expect(second.outcome == .duplicate)
        #expect(second.messageID == first.messageID)
    }

    @Test func duplicateIsFoundAfterRestart() throws {
        let desk = try IntakeDesk()
        let email = TestEmail()
        let created = try desk.ingest(email)
        let reopened = try Helpdesk(path: desk.path, logger: Logger(label: "test", minimumLevel: .error))
        let intake = try MailIntake(helpdesk: reopened)
        let again = try intake.ingest(raw: email.bytes)
        #expect(again.outcome == .duplicate)
        #expect(again.ticketID == created.ticketID)
        let reply = try intake.ingest(raw: email.reply(from: IntakeDesk.requester, body: "Hello?").bytes)
        #expect(reply.outcome == .threaded)
        #expect(reply.ticketID == created.ticketID)
    }

    @Test func handWrittenEntryMessageIDThreads() throws {
        let desk = try IntakeDesk()
        let id = "hand-written-\(UUID().uuidString)@mail.example"
        try desk.helpdesk.addEntry(
            "FD-6", kind: .reply, text: "From an old import.", actor: TestSupport.agent,
            attributes: [("message-id", id)])
        var email = TestEmail()
        email.inReplyTo = "<\(id)>"
        let result = try desk.ingest(email)
        #expect(result.ticketID == "FD-6")
        #expect(result.outcome == .threaded)
    }

    @Test func changeFromOtherWriterIsRead() throws {
        let desk = try IntakeDesk()
        let other = try Helpdesk(path: desk.path, logger: Logger(label: "test", minimumLevel: .error))
        let id = "other-writer-\(UUID().uuidString)@mail.example"
        try other.addEntry(
            "FD-6", kind: .reply, text: "Written elsewhere.", actor: TestSupport.agent, attributes: [("message-id", id)]
        )
        try desk.helpdesk.refresh()
        var email = TestEmail()
        email.inReplyTo = "<\(id)>"
        let result = try desk.ingest(email)
        #expect(result.outcome == .threaded)
        #expect(result.ticketID == "FD-6")
    }

    @Test func cacheIsUpdatedFromLaterCommits() throws {
        let desk = try IntakeDesk()
        let first = TestEmail()
        let created = try desk.ingest(first)
        let cache = MailThreadIndexCache(path: desk.helpdesk.store.gitDirectory + "flatdesk/message-ids.cache")
        #expect(cache.load()?.received.isEmpty == true)
        let id = "after-cache-\(UUID().uuidString)@mail.example"
        try desk.helpdesk.addEntry(
            "FD-6", kind: .reply, text: "Later.", actor: TestSupport.agent, attributes: [("message-id", id)])
        let reopened = try Helpdesk(path: desk.path, logger: Logger(label: "test", minimumLevel: .error))
        let intake = try MailIntake(helpdesk: reopened)
        let saved = cache.load()
        #expect(saved?.commit == reopened.index.indexedCommit)
        #expect(saved?.received[id] == "FD-6")
        #expect(saved?.received[first.messageID?.trimmingCharacters(in: ["<", ">"]) ?? ""] == created.ticketID)
        #expect(intake.threads.ticket(for: id) == "FD-6")
    }

    @Test func unreadableCacheIsRebuilt() throws {
        let desk = try IntakeDesk()
        let first = TestEmail()
        let created = try desk.ingest(first)
        let path = desk.helpdesk.store.gitDirectory + "flatdesk/message-ids.cache"
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: path))
        let reopened = try Helpdesk(path: desk.path, logger: Logger(label: "test", minimumLevel: .error))
        let intake = try MailIntake(helpdesk: reopened)
        let reply = try intake.ingest(raw: first.reply(from: IntakeDesk.requester, body: "Again.").bytes)
        #expect(reply.ticketID == created.ticketID)
        #expect(MailThreadIndexCache(path: path).load() != nil)
    }

    @Test func autoReplyWithoutTicketIsDropped() throws {
        let desk = try IntakeDesk()
        var email = TestEmail()
        email.subject = "Out of office"
        email.extraHeaders = ["Auto-Submitted: auto-replied"]
        let result = try desk.ingest(email)
        #expect(result.outcome == .dropped)
        #expect(result.reason == "auto-reply without ticket")
        #expect(desk.helpdesk.index.count == 29)
        #expect(desk.deadLetterFiles.count == 1)
        let reason = try String(
            contentsOfFile: (desk.deadLetterFiles.first ?? "").replacingOccurrences(of: ".eml", with: ".reason.txt"),
            encoding: .utf8)
        #expect(reason.contains("Reason: auto-reply without ticket"))
        #expect(try desk.ingest(email).outcome == .duplicate)
    }

    @Test func autoReplyToTicketRecordsEvent() throws {
        let desk = try IntakeDesk()
        let first = TestEmail()
        let created = try desk.ingest(first)
        var outOfOffice = first.reply(from: IntakeDesk.requester, body: "I am out of the office until Monday.")
        outOfOffice.subject = "Automatic reply: " + first.subject
        outOfOffice.extraHeaders = ["Auto-Submitted: auto-replied"]
        let result = try desk.ingest(outOfOffice)
        #expect(result.outcome == .recorded)
        let entry = try desk.ticket(created.ticketID).entries.last
        #expect(entry?.kind == .event)
        #expect(entry?.text.hasPrefix("Automatic reply from \(IntakeDesk.requester)") == true)
        #expect(entry?.text.contains("> I am out of the office until Monday.") == true)
        #expect(desk.helpdesk.index.count == 30)
    }

    @Test func bounceOfSentMessageRecordsDeliveryFailure() throws {
        let desk = try IntakeDesk()
        let sentID = "sent-\(UUID().uuidString)@northwind.example"
        try desk.intake.threads.sent.append(
            MailMessageIDLog.Record(messageID: sentID, ticketID: "FD-3", recipient: "gone@fabrikam.example", at: Date())
        )
        let bounce = """
            From: Mail Delivery System <MAILER-DAEMON@mx.fabrikam.example>
            To: support@northwind.example
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <bounce-\(UUID().uuidString)@mx.fabrikam.example>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="r1"

            --r1
            Content-Type: text/plain

            The mail system could not deliver your message to gone@fabrikam.example.
            --r1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.fabrikam.example

            Final-Recipient: rfc822; gone@fabrikam.example
            Action: failed
            Status: 5.1.1
            --r1
            Content-Type: text/rfc822-headers

            From: support@northwind.example
            To: gone@fabrikam.example
            Subject: [FD-3] Printer
            Message-ID: <\(sentID)>
            --r1--
            """
        let result = try desk.intake.ingest(raw: Array(bounce.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(result.outcome == .recorded)
        #expect(result.ticketID == "FD-3")
        let entry = try desk.ticket("FD-3").entries.last
        #expect(entry?.kind == .event)
        #expect(entry?.text.hasPrefix("Delivery failed for gone@fabrikam.example.") == true)
    }

    @Test func humanReplyWithSuppressHeaderIsAdded() throws {
        let desk = try IntakeDesk()
        let created = try desk.ingest(TestEmail())
        let corpus = try MailFixtures.text("autoreplies/sisimai-rfc3834-02.eml")
        #expect(corpus.contains("X-Auto-Response-Suppress: All"))
        // Without the subject prefix and the null return path, X-Auto-Response-Suppress is the only sign left.
        let edited = corpus.replacingOccurrences(
            of: "Subject: Automatic reply: Nyaan", with: "Subject: Re: [\(created.ticketID ?? "")] Nyaan"
        )
        .replacingOccurrences(of: "nekonyaan@example.org", with: IntakeDesk.requester)
        .replacingOccurrences(of: "Return-path: <>\n", with: "")
        let parsed = try MailParser.parse(Array(edited.utf8))
        #expect(parsed.autoReply == AutoReplyKind.none)
        let result = try desk.intake.ingest(raw: Array(edited.utf8))
        #expect(result.outcome == .threaded)
        #expect(result.ticketID == created.ticketID)
        #expect(try desk.ticket(created.ticketID).entries.last?.kind == .reply)
    }

    @Test func replyReopensResolvedTicket() throws {
        let desk = try IntakeDesk()
        let first = TestEmail()
        let created = try desk.ingest(first)
        try desk.helpdesk.update(created.ticketID ?? "", edits: [.status("resolved")], actor: TestSupport.agent)
        _ = try desk.ingest(first.reply(from: IntakeDesk.requester, body: "It is broken again."))
        let ticket = try desk.ticket(created.ticketID)
        #expect(ticket.status == "open")
        #expect(ticket.entries.last?.kind == .event)
    }

    @Test func replyToClosedTicketOpensLinkedTicket() throws {
        let desk = try IntakeDesk()
        let first = TestEmail()
        let created = try desk.ingest(first)
        let closedID = created.ticketID ?? ""
        try desk.helpdesk.update(closedID, edits: [.status("closed")], actor: TestSupport.agent)
        let result = try desk.ingest(first.reply(from: IntakeDesk.requester, body: "Thanks again!"))
        #expect(result.outcome == .created)
        #expect(result.ticketID != closedID)
        #expect(try desk.ticket(result.ticketID).links == [TicketLink(kind: .relatesTo, target: closedID)])
        #expect(try desk.ticket(closedID).links == [TicketLink(kind: .relatesTo, target: result.ticketID ?? "")])
    }

    @Test func attachmentsAreStoredWithTicket() throws {
        let desk = try IntakeDesk()
        var email = TestEmail()
        email.attachments = [
            ("invoice.pdf", "application/pdf", Array("%PDF-1.4 test".utf8)),
            ("notes.md", "text/markdown", Array("# Notes".utf8)),
            ("invoice.pdf", "application/pdf", Array("%PDF-1.4 second".utf8)),
        ]
        let result = try desk.ingest(email)
        let entry = try desk.ticket(result.ticketID).entries.first
        #expect(entry?.attribute("attachments") == "E1-invoice.pdf,E1-notes.md.txt,E1-invoice-2.pdf")
        let folder = InboundFilePlan.folder(ofTicketAt: Ticket.path(for: result.ticketID ?? ""))
        #expect(try desk.file(folder + "/E1-invoice.pdf") == Array("%PDF-1.4 test".utf8))
        #expect(try desk.file(folder + "/E1-notes.md.txt") == Array("# Notes".utf8))
        #expect(try desk.file(folder + "/E1-invoice-2.pdf") == Array("%PDF-1.4 second".utf8))
        #expect(desk.helpdesk.index.problems.isEmpty)
        let commits = try desk.helpdesk.history(result.ticketID ?? "")
        #expect(commits.count == 1)
    }

    @Test func overLimitAttachmentIsNoted() throws {
        let desk = try IntakeDesk(mailSettings: #"{"formatVersion": 1, "maxAttachmentBytes": 2048}"#)
        let created = try desk.ingest(TestEmail())
        var reply = TestEmail().reply(from: IntakeDesk.requester, body: "Logs attached.")
        reply.inReplyTo = nil
        reply.references = []
        reply.subject = "[\(created.ticketID ?? "")] logs"
        reply.attachments = [
            ("small.txt", "text/plain", Array(repeating: UInt8(ascii: "a"), count: 100)),
            ("big.log", "text/plain", Array(repeating: UInt8(ascii: "b"), count: 5000)),
        ]
        let result = try desk.ingest(reply)
        let entry = try desk.ticket(created.ticketID).entries.last
        #expect(result.entryID == "E2")
        #expect(entry?.attribute("attachments") == "E2-small.txt")
        #expect(entry?.text.contains("Attachment big.log (5 KB) was not stored: larger than the 2 KB limit.") == true)
        let folder = InboundFilePlan.folder(ofTicketAt: Ticket.path(for: created.ticketID ?? ""))
        #expect(try desk.file(folder + "/E2-big.log") == nil)
        let original = try desk.file(folder + "/E2-original.eml") ?? []
        #expect(original.count < 2048)
        #expect(String(decoding: original, as: UTF8.self).contains("Subject: [\(created.ticketID ?? "")] logs"))
    }

    @Test func garbageIsDeadLettered() throws {
        let desk = try IntakeDesk()
        let result = try desk.intake.ingest(raw: Array("this is not an email at all".utf8))
        #expect(result.outcome == .deadLettered)
        #expect(result.reason?.hasPrefix("the message cannot be parsed") == true)
        #expect(desk.deadLetterFiles.count == 1)
        #expect(try desk.intake.ingest(raw: Array("this is not an email at all".utf8)).outcome == .duplicate)
        #expect(
            try desk.intake.ingest(raw: Array("this is not an email at all".utf8), ignoringDeadLetter: true).outcome
                == .deadLettered)
    }

    @Test func messageWithoutFromIsDeadLettered() throws {
        let desk = try IntakeDesk()
        let raw =
            "To: support@northwind.example\r\nSubject: Who am I\r\nMessage-ID: <nofrom@x.example>\r\n\r\nHello\r\n"
        let result = try desk.intake.ingest(raw: Array(raw.utf8))
        #expect(result.outcome == .deadLettered)
        #expect(result.reason == "the message has no From address")
        #expect(desk.helpdesk.index.count == 29)
    }

    @Test func ownAddressIsDeadLettered() throws {
        let desk = try IntakeDesk()
        var email = TestEmail()
        email.from = IntakeDesk.support
        let result = try desk.ingest(email)
        #expect(result.outcome == .deadLettered)
        #expect(desk.helpdesk.index.count == 29)
    }

    @Test func lockedRepositoryIsTemporaryFailure() throws {
        let desk = try IntakeDesk()
        let lock = desk.helpdesk.store.gitDirectory + desk.helpdesk.store.branch + ".lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: lock) }
        let email = TestEmail()
        #expect(throws: MailIntakeError.self) { try desk.ingest(email) }
        #expect(desk.deadLetterFiles.isEmpty)
        try FileManager.default.removeItem(atPath: lock)
        #expect(try desk.ingest(email).outcome == .created)
    }

    @Test func ticketKeysInSubject() {
        let cases: [(String, [String])] = [
            ("[FD-12] Printer", ["FD-12"]), ("Re: FD-12 printer", ["FD-12"]), ("fd-7: lower case", ["FD-7"]),
            ("XFD-12 inside a word", []), ("FD-12a trailing letter", []), ("FD- no number", []),
            ("Re: [FD-3] and FD-4", ["FD-3", "FD-4"]), ("FD-012", ["FD-12"]), ("Straße FD-9", ["FD-9"]),
        ]
        for (subject, expected) in cases {
            #expect(MailIntake.ticketKeys(in: subject, prefix: "FD") == expected, "\(subject)")
        }
    }

    @Test func unsafeAttachmentNamesAreChanged() {
        #expect(InboundFilePlan.safeName("a,b.pdf") == "a_b.pdf")
        #expect(InboundFilePlan.safeName("readme.MD") == "readme.MD.txt")
        #expect(InboundFilePlan.safeName("what?.txt") == "what_.txt")
        #expect(InboundFilePlan.safeName("   ") == "attachment.bin")
    }
}
