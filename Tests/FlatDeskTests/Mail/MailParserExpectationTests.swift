import Foundation
import Testing

@testable import FlatDesk

/// Expected results for corpus messages, each checked by reading the message file.
@Suite struct MailParserExpectationTests {
    struct Expectation: Sendable, CustomTestStringConvertible {
        let path: String
        let subject: String
        let from: String?
        let textStart: String
        let attachments: [String]
        let kind: AutoReplyKind
        var bouncedMessageID: String?

        init(
            _ path: String, subject: String, from: String?, textStart: String, attachments: [String],
            kind: AutoReplyKind, bouncedMessageID: String? = nil
        ) {
            self.path = path
            self.subject = subject
            self.from = from
            self.textStart = textStart
            self.attachments = attachments
            self.kind = kind
            self.bouncedMessageID = bouncedMessageID
        }

        var testDescription: String { path }
    }

    static let expectations: [Expectation] = [
        // ISO-2022-JP body and a Subject split over several ISO-2022-JP encoded words
        .init(
            "raw/mimekit-japanese.eml",
            subject: "日本語メールテスト (testing Japanese emails)",
            from: "x@x.com",
            textStart: "Let\'s see if both subject and body works fine...\n\n日本語が\n正常に\n送",
            attachments: [],
            kind: .none),
        // ISO-2022-JP body, UTF-8 B encoded Subject
        .init(
            "raw/rubymail-japanese_iso_2022.eml",
            subject: "まみむめも",
            from: "raasdnil@gmail.com",
            textStart: "すみません。",
            attachments: [],
            kind: .none),
        // Shift_JIS 8bit body
        .init(
            "raw/rubymail-japanese_shift_jis.eml",
            subject: "test",
            from: "xxxxxxx@docomo.ne.jp",
            textStart: "あいうえお\n\nこのメールはテスト用のメールです。\n\n今後ともよろしくお願い申し上げます！",
            attachments: [],
            kind: .none),
        // GB18030 body and Subject with extra '=' padding
        .init(
            "raw/rt-new-ticket-from-gb18030.eml",
            subject: "测试",
            from: "root@localhost",
            textStart: "测试",
            attachments: [],
            kind: .none),
        // KOI8-R text part and a TNEF attachment
        .init(
            "raw/mimekit-tnef-ukr.eml",
            subject: "rr test 7",
            from: "rrtest1@xink.io",
            textStart: "шостий\n\n\n{EMAILSIGNATURE}\n\n\n\nRR Test 1",
            attachments: ["winmail.dat"],
            kind: .none),
        // Windows-1252 Subject and body; the second From header is ignored
        .init(
            "raw/hunnysoft-m0010.eml",
            subject: "Die Hasen und die Frösche (Microsoft Outlook 00)",
            from: "doug@example.com",
            textStart: "Die Hasen und die Frösche\n\nDie Hasen klagten einst über ihre",
            attachments: [],
            kind: .none),
        // Korean ks_c_5601-1987
        .init(
            "raw/rubymail-ks_c_5601-1987.eml",
            subject: "test",
            from: "from@example.com",
            textStart: "스티해",
            attachments: [],
            kind: .none),
        // UTF-7 body and UTF-7 encoded-word Subject
        .init(
            "raw/hunnysoft-m0006.eml",
            subject: "Die Hasen und die Frösche (Microsoft Outlook 00)",
            from: "doug@example.com",
            textStart: "Die Hasen und die Frösche\n\nDie Hasen klagten einst über ihre",
            attachments: [],
            kind: .none),
        // UTF-8 B Subject folded into two encoded words
        .init(
            "raw/flanker-bilingual-simple.eml",
            subject: "Simple text. How are you? Как ты поживаешь?",
            from: "hello@example.com",
            textStart: "This line is in English\nА эта линия по-русски.",
            attachments: [],
            kind: .none),
        // raw 8-bit ISO-8859-1 in a folded, unencoded Subject
        .init(
            "raw/hunnysoft-m0001.eml",
            subject: "Die Hasen und   die Frösche (Microsoft Outlook 00)",
            from: "doug@example.com",
            textStart: "Die Hasen und die Frösche\n\nDie Hasen klagten einst über ihre",
            attachments: [],
            kind: .none),
        // ISO-8859-1 Q encoded Subject
        .init(
            "raw/hunnysoft-m0004.eml",
            subject: "Die Hasen und die Frösche (Microsoft Outlook 00)",
            from: "doug@example.com",
            textStart: "Die Hasen und die Frösche\n\nDie Hasen klagten einst über ihre",
            attachments: [],
            kind: .none),
        // whitespace between encoded words dropped
        .init(
            "raw/rt-subject-with-folding-ws.eml",
            subject: "test",
            from: "foo@example.com",
            textStart: "test",
            attachments: [],
            kind: .none),
        // UTF-8 Subject split over four B words; RFC 2231 continued file name
        .init(
            "raw/rubymail-japanese_attachment_long_name.eml",
            subject: "まみむめもまみむめもまみむめもまみむめもまみむめもまみむめもまみむめもまみむめもまみむめもまみむめも",
            from: "mikel@test.lindsaar.net",
            textStart: "",
            attachments: ["かきくけこかきくけこかきくけこかきくけこかきくけこ.txt"],
            kind: .none),
        // RFC 2231 continuations with percent-encoded ISO-2022-JP file name
        .init(
            "raw/rt-rfc2231-attachment-filename-continuations.eml",
            subject: "Client ? Japanese Attachment Name issue",
            from: "root@localhost",
            textStart: "Some data in a file",
            attachments: ["新しいテキスト ドキュメント.txt"],
            kind: .none),
        // RFC 2047 encoded word inside a quoted file name
        .init(
            "raw/rubymail-japanese_attachment.eml",
            subject: "testing",
            from: "raasdnil@gmail.com",
            textStart: "testing\n\n-- \nhttp://lindsaar.net/\nRails, RSpec and Life blog",
            attachments: ["てすと.txt"],
            kind: .none),
        // raw UTF-8 file name
        .init(
            "raw/enmime-mime-bad-8bit-filename.eml",
            subject: "Malformed test",
            from: "pavel.bazika@some.domain",
            textStart: "Text part",
            attachments: ["管理.doc"],
            kind: .none),
        // RFC 6532 raw UTF-8 headers
        .init(
            "raw/rubymail-rfc6532-utf8_headers.eml",
            subject: "Säying Hello",
            from: "jdöe@mächine.example",
            textStart: "body",
            attachments: [],
            kind: .none),
        // 8bit UTF-8 Cyrillic text/plain with an HTML alternative
        .init(
            "raw/flanker-8bitmime.eml",
            subject: "2 RCPT MIME",
            from: "bob@example.com",
            textStart: "Превел\n\n123",
            attachments: [],
            kind: .none),
        // HTML only, quoted-printable ISO-8859-1
        .init(
            "raw/rt-text-html-with-umlaut.eml",
            subject: "An example of mail containing text-html with an umlaut in the content",
            from: "gst@example.com",
            textStart: "Hello,\n\nist this kind of Messages, that causes rt to crash.\n",
            attachments: [],
            kind: .none),
        // HTML only with very long links
        .init(
            "raw/flanker-long-links.eml",
            subject: "Please enjoy this mega long link",
            from: "postmaster@example.com",
            textStart: "http://www.longurlmaker.com/view/?id=UAOJNVKBMQUGPYZKCQZRZKJ",
            attachments: [],
            kind: .none),
        // HTML only in multipart/related with an inline image
        .init(
            "raw/enmime-html-only-inline.eml",
            subject: "MIME test 1",
            from: "james@makita.skynet",
            textStart: "Test of HTML section",
            attachments: ["favicon.png"],
            kind: .none),
        // nested message/rfc822 kept as .eml, its text not in the body
        .init(
            "raw/rt-nested-rfc-822.eml",
            subject: "[Jonas Liljegren] Re: [Para] Nivåer?",
            from: "jonas@example.com",
            textStart: "Material för att uppdatera texten om nivåer.\n\nDenna text bör",
            attachments: ["Re: [Para] Nivåer?.eml"],
            kind: .none),
        // top-level message/rfc822 forward
        .init(
            "raw/cpython-msg_46.eml",
            subject: "GroupwiseForwardingTest",
            from: "sender@example.net",
            textStart: "",
            attachments: ["GroupwiseForwardingTest.eml"],
            kind: .none),
        // Outlook attached message
        .init(
            "raw/rt-outlook-rfc822.eml",
            subject: "msg attachment",
            from: "root@localhost",
            textStart: "Could this look more spammy? “Check out the attached file.” ",
            attachments: ["Updates to our terms of use.eml"],
            kind: .none),
        // MESSAGE/RFC822 in upper case inside MULTIPART/MIXED
        .init(
            "raw/flanker-torture-part.eml",
            subject: "Multi-media mail demonstration",
            from: "mrc@cac.washington.edu",
            textStart: "This is a demonstration of multi-part mail with encapsulated",
            attachments: ["Re: a MIME-Version misfeature.eml"],
            kind: .none),
        // base64 GIF attachment
        .init(
            "raw/cpython-msg_07.eml",
            subject: "Here is your dingus fish",
            from: "barry@digicool.com",
            textStart: "Hi there,\n\nThis is the dingus fish.",
            attachments: ["dingusfish.gif"],
            kind: .none),
        // alternative with related HTML, inline images and attachments
        .init(
            "raw/hunnysoft-m1005.eml",
            subject: "Die Hasen und die Frösche (Netscape Messenger 4.7)",
            from: "dwsauder@example.com",
            textStart: "[blue ball]\n\nDie Hasen und die Frösche\n\nDie Hasen klagten ei",
            attachments: ["nsmailEG.png", "nsmail39.png", "redball.png", "greenball.png"],
            kind: .none),
        // multipart/signed uses the signed content
        .init(
            "raw/cpython-msg_45.eml",
            subject: "test",
            from: "foo@bar.baz",
            textStart: "This is the signed contents.",
            attachments: [],
            kind: .none),
        // text interleaved with an inline image
        .init(
            "raw/flanker-iphone.eml",
            subject: "Subject",
            from: "someone@somewhere.com",
            textStart: "Hello\n\n~Danielle",
            attachments: ["photo.JPG"],
            kind: .none),
        // boundary mismatch: the body is read from the prologue
        .init(
            "raw/cpython-msg_31.eml",
            subject: "",
            from: "aperson@dom.ain",
            textStart: "--BOUNDARY\nContent-Type: text/plain\n\nmessage 1\n\n--BOUNDARY\nC",
            attachments: [],
            kind: .none),
        // UTF-8 byte order mark before the headers
        .init(
            "raw/sendgrid-csharp-raw_email_with_attachments.eml",
            subject: "Inbound Parse Test Raw Data with Attachment",
            from: "test@example.com",
            textStart: "Hello SendGrid!",
            attachments: ["SendGrid.jpg"],
            kind: .none),
        // encoded display name containing a comma
        .init(
            "raw/flanker-encoded-header.eml",
            subject: "hello",
            from: "foo.bar@example.com",
            textStart: "hello, world",
            attachments: [],
            kind: .none),
        // declared us-ascii but UTF-8 bytes
        .init(
            "raw/enmime-incorrect-charset.eml",
            subject: "plain text",
            from: "james@makita.skynet",
            textStart: "Using Unicode/UTF-8, you can write in emails and source code",
            attachments: [],
            kind: .none),
        // format=flowed; delsp=yes
        .init(
            "raw/mimekit-issue1130.eml",
            subject: "Test of text body with format=flowed; delsp=yes",
            from: "unit-tests@mimekit.net",
            textStart: "We should have access, and apparently did a few months ago, ",
            attachments: [],
            kind: .none),
        // digest of message/rfc822 parts, one without a Subject
        .init(
            "raw/cpython-msg_02.eml",
            subject: "Ppp digest, Vol 1 #2 - 5 msgs",
            from: "ppp-request@zzz.org",
            textStart: "Send Ppp mailing list submissions to\n\tppp@zzz.org\n\nTo subscr",
            attachments: [
                "[Ppp] testing #1.eml", "attachment-2.eml", "[Ppp] testing #3.eml", "[Ppp] testing #4.eml",
                "[Ppp] testing #5.eml",
            ],
            kind: .none),
        // Postfix DSN whose returned message is empty
        .init(
            "autoreplies/sisimai-lhost-postfix-01.eml",
            subject: "Undelivered Mail Returned to Sender",
            from: "mailer-daemon@p351355.pool.example.ne.jp",
            textStart: "This is the mail system at host p351355.pool.example.ne.jp.\n",
            attachments: ["attachment-1.bin"],
            kind: .bounce),
        // Exim plain-text bounce, original after the copy marker
        .init(
            "autoreplies/sisimai-lhost-exim-01.eml",
            subject: "Mail delivery failed: returning message to sender",
            from: "mailer-daemon@e1.example.org",
            textStart: "This message was created automatically by mail delivery soft",
            attachments: [],
            kind: .bounce, bouncedMessageID: "E1P1ce6-000Egt-GZ@e1.example.org"),
        // qmail plain-text bounce
        .init(
            "autoreplies/sisimai-lhost-qmail-01.eml",
            subject: "failure notice",
            from: "mailer-daemon@mx4.example.jp",
            textStart: "Hi. This is the qmail-send program at mx4.example.jp.\nI\'m af",
            attachments: [],
            kind: .bounce, bouncedMessageID: "000000000.9999999999999.JavaMail.postmaster@mailhub"),
        // Sendmail DSN returning another DSN
        .init(
            "autoreplies/sisimai-lhost-sendmail-41.eml",
            subject: "Postmaster notify: see transcript for details",
            from: "mailer-daemon@mx2.example.jp",
            textStart: "The original message was received at Tue, 13 Sep 2016 04:50:",
            attachments: ["attachment-1.bin", "Returned mail: see transcript for details.eml"],
            kind: .bounce, bouncedMessageID: "201609121950.u8CJoQN3016081@mx2.example.jp"),
        // Office 365 NDR
        .init(
            "autoreplies/flanker-bounce-office365.eml",
            subject: "Undeliverable: test_bounce 8",
            from: "postmaster@example.no",
            textStart: "[http://products.office.com/en-us/CMSImages/Office365Logo_Or",
            attachments: ["attachment-1.bin", "test_bounce 8.eml"],
            kind: .bounce, bouncedMessageID: "20171013111011.20866.254C2F3A4D7AA526@ninomail.com"),
        // Gmail plain-text bounce
        .init(
            "autoreplies/flanker-bounce-gmail-invalid-address.eml",
            subject: "Delivery Status Notification (Failure)",
            from: "mailer-daemon@googlemail.com",
            textStart: "Delivery to the following recipient failed permanently:\n\n   ",
            attachments: [],
            kind: .bounce, bouncedMessageID: "CAKsfaBUUGqVZiaMrmH3TRPfq1odQPtM7Ey5YW1SgyJJRHtAjgw@mail.gmail.com"),
        // Japanese carrier notice: UTF-8 text labelled ISO-2022-JP
        .init(
            "autoreplies/sisimai-lhost-kddi-01.eml",
            subject: "メールエラー通知",
            from: "no-reply@x0000000000000.dion.ne.jp",
            textStart: "送信先のメールボックスが一杯のため、送信できませんでした。\n\n※本メールはau one netのメールシステムより配信し",
            attachments: ["猫ちゃん.eml"],
            kind: .bounce, bouncedMessageID: "2013000000000000@example.jp"),
        // Sun Internet Mail Server DSN without report-type
        .init(
            "autoreplies/cpython-msg_16.eml",
            subject: "Delivery Notification: Delivery has failed",
            from: "postmaster@ucla.edu",
            textStart: "This report relates to a message you sent with the following",
            attachments: ["attachment-1.bin", "[scr] yeah for Ians!!.eml"],
            kind: .bounce, bouncedMessageID: "002001c144a6$8752e060$56104586@oxy.edu"),
        // Mail.ru bounce with X-Failed-Recipients
        .init(
            "autoreplies/sisimai-lhost-mailru-01.eml",
            subject: "Ваше сообщение не доставлено. Mail failure.",
            from: "mailer-daemon@corp.mail.ru",
            textStart: "Это письмо создано автоматически сервером Mail.Ru, отвечать ",
            attachments: [],
            kind: .bounce, bouncedMessageID: "8F3CE2D8-D60E-48C3-B9AF-BED628EE2CA5@mail.example.ru"),
        // spam firewall report from 'MAILER DAEMON <>'
        .init(
            "autoreplies/cpython-msg_43.eml",
            subject: "Banned file: auto__mail.python.bat in mail from you",
            from: "",
            textStart: "BANNED FILENAME ALERT\n\nYour message to: xxxxxxx@dot.ca.gov, ",
            attachments: ["attachment-1.bin", "attachment-2.bin"],
            kind: .bounce, bouncedMessageID: "edab.7804f5cb8070@python.org"),
        // Sendmail 'User unknown' DSN
        .init(
            "autoreplies/rt-multipart-report.eml",
            subject: "Returned mail: User unknown",
            from: "mailer-daemon@other.example.com",
            textStart: "The original message was received at Sat, 23 Aug 2003 00:15:",
            attachments: ["attachment-1.bin", "Thank you!.eml"],
            kind: .bounce, bouncedMessageID: "200308221615.h7MGFGac020135@mx12.other.example.com"),
        // Exchange 'Automatic reply:' with X-Auto-Response-Suppress
        .init(
            "autoreplies/sisimai-rfc3834-02.eml",
            subject: "Automatic reply: Nyaan",
            from: "nekonyaan@example.org",
            textStart: "I\'m out of the office Friday. For pressing news matters, Nya",
            attachments: [],
            kind: .autoReply),
        // Auto-Submitted with bare CR line endings
        .init(
            "autoreplies/sisimai-rfc3834-01-cr.eml",
            subject: "Away until May 5",
            from: "kijitora@example.net",
            textStart: "I am currently away returning to the office on May 5th. I wi",
            attachments: [],
            kind: .autoReply),
        // Outlook out-of-office in Windows-1252 quoted-printable
        .init(
            "autoreplies/sisimai-rfc3834-04.eml",
            subject: "Automatic reply: Nyaan",
            from: "kijitora@example.org",
            textStart: "***Please stop and read this message.***\n\nI will be travelin",
            attachments: [],
            kind: .autoReply),
        // Mimecast auto-response with Precedence: bulk
        .init(
            "autoreplies/sisimai-rfc3834-06.eml",
            subject: "AutoRespons :Nyaan?",
            from: "noreply@example.com",
            textStart: "This email inbox kijitora@example.com is no longer in use. P",
            attachments: [],
            kind: .autoReply),
        // MDN read receipt
        .init(
            "autoreplies/flanker-disposition-notification.eml",
            subject: "Disposition notification",
            from: "joe_recipient@example.com",
            textStart: "The message sent on 1995 Sep 19 at 13:30:00 (EDT) -0400 to J",
            attachments: ["attachment-1.bin", "Hi.eml"],
            kind: .readReceipt),
        // Outlook read receipt in TNEF
        .init(
            "autoreplies/hunnysoft-m4006.eml",
            subject: "Read: invitation",
            from: "sender@email.test",
            textStart: "",
            attachments: ["winmail.dat"],
            kind: .readReceipt),
        // AOL ARF complaint
        .init(
            "autoreplies/flanker-complaints-aol.eml",
            subject: "Email Feedback Report for IP 173.193.210.34",
            from: "scomp@aol.net",
            textStart: "This is an email abuse report for an email message with the ",
            attachments: ["attachment-1.bin", "exciting Repair the transmittion.eml"],
            kind: .feedbackReport),
        // ARF report starting with a byte order mark
        .init(
            "autoreplies/mimekit-feedback-report.eml",
            subject: "FW: Earn money",
            from: "abusedesk@example.com",
            textStart: "This is an email abuse report for an email message received ",
            attachments: ["attachment-1.bin", "Earn money.eml"],
            kind: .feedbackReport),
        // not a bounce: postmaster auto-reply without DSN structure
        .init(
            "autoreplies/sisimai-not-rb-issue-368-bug.eml",
            subject: "email bounce notification",
            from: "postmaster@yyyyyy.de",
            textStart: "############################################################",
            attachments: [],
            kind: .autoReply),
        // Gmail reply
        .init(
            "replies/talon-gmail.eml",
            subject: "Re: Test",
            from: "xxx@gmail.com",
            textStart: "Hello\n\nOn Mon, Apr 2, 2012 at 6:26 PM, Megan One <xxx@gmail.",
            attachments: [],
            kind: .none),
        // raw 8-bit ISO-8859-1 in the From display name
        .init(
            "replies/rt-new-ticket-from-iso-8859-1.eml",
            subject: "Re: rt-3.0.3pre1",
            from: "hw@nordkapp.net",
            textStart: "Håvard",
            attachments: [],
            kind: .none),
        // mailing list post with Precedence: bulk
        .init(
            "replies/flanker-from-encoding.eml",
            subject: "Re: running server as root (Was: Re: PUT method)",
            from: "ingo@blank.pages.de",
            textStart: "Marc Slemko wrote:\n> If you have a real uid of root, then if",
            attachments: [],
            kind: .autoReply),
        // Italian Outlook reply chain
        .init(
            "replies/mimekit-issue358.eml",
            subject: "R: R: R: I: FR-selca LA selcaE",
            from: "jang.abcdef@xyzlinux12345678.it",
            textStart: "Test headers",
            attachments: [],
            kind: .none),
    ]

    @Test func tableCoversFortyMessages() {
        #expect(Self.expectations.count >= 40)
    }

    @Test(arguments: expectations)
    func parsedMessageMatches(_ expected: Expectation) throws {
        let message = try MailFixtures.parse(expected.path)
        #expect(message.subject == expected.subject)
        #expect(message.from?.email == expected.from)
        #expect(
            message.textBody.hasPrefix(expected.textStart),
            "text starts \(message.textBody.prefix(80).debugDescription)")
        #expect(message.attachments.map(\.filename) == expected.attachments)
        #expect(message.autoReply == expected.kind)
        #expect(message.bouncedMessageID == expected.bouncedMessageID)
    }
}
