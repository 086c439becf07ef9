import Foundation
import Testing

@testable import FlatDesk

/// Classification of messages built in the test, one signal at a time.
@Suite struct AutoReplyClassifierTests {
    private static func message(headers: String, subject: String = "VPN drops", from: String = "tom@northwind.example")
        throws -> InboundMessage
    {
        try MailFixtures.parse(
            message: """
                From: \(from)
                To: support@flatdesk.example
                Subject: \(subject)
                Message-ID: <m1@northwind.example>
                \(headers)
                Content-Type: text/plain; charset=utf-8

                Hello
                """)
    }

    @Test func plainMessageIsHuman() throws {
        #expect(try Self.message(headers: "X-Mailer: Test").autoReply == AutoReplyKind.none)
    }

    @Test(arguments: ["All", "OOF, AutoReply", "DR, NDR, RN, NRN, OOF, AutoReply"])
    func autoResponseSuppressAloneIsHuman(value: String) throws {
        #expect(try Self.message(headers: "X-Auto-Response-Suppress: \(value)").autoReply == AutoReplyKind.none)
    }

    @Test func suppressWithNullReturnPathIsAuto() throws {
        let headers = "Return-Path: <>\nX-Auto-Response-Suppress: All"
        #expect(try Self.message(headers: headers).autoReply == .autoReply)
    }

    @Test func nullReturnPathAloneIsHuman() throws {
        #expect(try Self.message(headers: "Return-Path: <>").autoReply == AutoReplyKind.none)
    }

    @Test(arguments: ["auto-replied", "auto-generated", "auto-notified; owner-email=\"x@example.com\""])
    func autoSubmittedIsAutoReply(value: String) throws {
        #expect(try Self.message(headers: "Auto-Submitted: \(value)").autoReply == .autoReply)
    }

    @Test func autoSubmittedNoIsHuman() throws {
        #expect(try Self.message(headers: "Auto-Submitted: no").autoReply == AutoReplyKind.none)
    }

    @Test(arguments: ["bulk", "junk", "list", "Bulk"])
    func bulkPrecedenceIsAutoReply(value: String) throws {
        #expect(try Self.message(headers: "Precedence: \(value)").autoReply == .autoReply)
    }

    @Test func firstClassPrecedenceIsHuman() throws {
        #expect(try Self.message(headers: "Precedence: first-class").autoReply == AutoReplyKind.none)
    }

    @Test(arguments: ["X-Autoreply: yes", "X-Autorespond: Vacation", "X-Autoresponse: 1"])
    func autoreplyHeaderIsAutoReply(header: String) throws {
        #expect(try Self.message(headers: header).autoReply == .autoReply)
    }

    @Test(arguments: [
        "Out of Office: VPN drops", "Automatic reply: VPN drops", "Abwesenheitsnotiz: VPN drops",
        "Réponse automatique : VPN drops", "Automatische Antwort: VPN drops", "Respuesta automática: VPN drops",
        "Auto-Reply: VPN drops",
    ])
    func outOfOfficeSubjectIsAutoReply(subject: String) throws {
        #expect(try Self.message(headers: "X-Mailer: Test", subject: subject).autoReply == .autoReply)
    }

    @Test(arguments: ["Re: Out of office policy", "Question about automatic reply rules"])
    func laterAutoReplyWordsAreHuman(subject: String) throws {
        #expect(try Self.message(headers: "X-Mailer: Test", subject: subject).autoReply == AutoReplyKind.none)
    }

    @Test func mailerDaemonSenderIsBounce() throws {
        let message = try Self.message(headers: "X-Mailer: Test", subject: "Notice", from: "MAILER-DAEMON@mx.example")
        #expect(message.autoReply == .bounce)
    }

    @Test func postmasterSenderAloneIsHuman() throws {
        let message = try Self.message(
            headers: "X-Mailer: Test", subject: "Mailbox quota", from: "postmaster@example.de")
        #expect(message.autoReply == AutoReplyKind.none)
    }

    @Test func failedRecipientsHeaderIsBounce() throws {
        #expect(try Self.message(headers: "X-Failed-Recipients: lena@example.com").autoReply == .bounce)
    }

    @Test(arguments: ["Undeliverable: VPN drops", "Undelivered Mail Returned to Sender", "Unzustellbar: VPN drops"])
    func bounceSubjectIsBounce(subject: String) throws {
        #expect(try Self.message(headers: "X-Mailer: Test", subject: subject).autoReply == .bounce)
    }

    @Test func forwardedBounceFromPersonIsHuman() throws {
        let message = try Self.message(headers: "X-Mailer: Test", subject: "Fwd: Undeliverable: VPN drops")
        #expect(message.autoReply == AutoReplyKind.none)
    }

    @Test func bounceOutranksBulkPrecedence() throws {
        let message = try Self.message(headers: "Precedence: bulk\nX-Failed-Recipients: lena@example.com")
        #expect(message.autoReply == .bounce)
    }

    @Test func bounceTextWithoutReportIsNoBounce() throws {
        let message = try MailFixtures.parse("autoreplies/sisimai-not-rb-issue-368-bug.eml")
        #expect(message.autoReply == .autoReply)
        #expect(message.bouncedMessageID == nil)
    }

    @Test func deliveryReportGivesBouncedMessageID() throws {
        let message = try MailFixtures.parse(
            message: """
                From: Mail Delivery System <mailer@mx.example>
                To: support@flatdesk.example
                Subject: Delivery problem
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                Your message could not be delivered.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example

                Final-Recipient: rfc822; lena@example.com
                Action: failed
                Status: 5.1.1
                --b1
                Content-Type: text/rfc822-headers

                From: support@flatdesk.example
                Message-ID: <FD-1042.E2@flatdesk.example>
                Subject: Re: VPN drops
                --b1--
                """)
        #expect(message.autoReply == .bounce)
        #expect(message.bouncedMessageID == "FD-1042.E2@flatdesk.example")
        #expect(message.textBody == "Your message could not be delivered.")
    }

    @Test func dispositionNotificationIsReadReceipt() throws {
        let message = try MailFixtures.parse(
            message: """
                From: lena@example.com
                Subject: Read: VPN drops
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification; boundary="b1"

                --b1
                Content-Type: text/plain

                Your message was displayed.
                --b1
                Content-Type: message/disposition-notification

                Final-Recipient: rfc822; lena@example.com
                Disposition: manual-action/MDN-sent-manually; displayed
                --b1--
                """)
        #expect(message.autoReply == .readReceipt)
    }
}
