import Foundation
import Testing

@testable import FlatDesk

@Suite struct MailComposerTests {
    let composer = MailComposer(messageIDDomain: "helpdesk.northwind.example")
    /// 2026-11-30 08:12:00 UTC, a Monday.
    let date = Date(timeIntervalSince1970: 1_796_026_320)

    func mail(subject: String = "VPN drops every ten minutes", text: String = "Hello Tom,\n\nwe are on it.\n")
        -> OutgoingMail
    {
        OutgoingMail(
            from: OutgoingAddress("support@northwind.example", displayName: "Northwind Support"),
            to: [OutgoingAddress("tom.baker@northwind.example", displayName: "Tom Baker")],
            subject: subject, textBody: text, date: date)
    }

    /// Splits a message at CRLF; fails the test for a bare CR or LF.
    func lines(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n")
        #expect(parts.allSatisfy { !$0.contains("\r") })
        #expect(parts.allSatisfy { !$0.contains("\n") })
        #expect(parts.last == "")
        return Array(parts.dropLast())
    }

    func headerLines(_ bytes: [UInt8]) -> [String] {
        Array(lines(bytes).prefix { !$0.isEmpty })
    }

    @Test func headersParseBack() throws {
        var message = mail()
        message.to.append(OutgoingAddress("it@northwind.example"))
        message.cc = [OutgoingAddress("maria.lopez@northwind.example", displayName: "Lopez, Maria")]
        message.replyTo = [OutgoingAddress("support+FD-1042@northwind.example")]
        message.inReplyTo = "CAF=abc123@mail.northwind.example"
        message.references = ["<first@mail.example>", "CAF=abc123@mail.northwind.example"]
        message.autoSubmitted = .autoReplied
        let composed = try composer.compose(message)
        let parsed = try #require(ParsedMail(composed.bytes))
        #expect(parsed.subject == "VPN drops every ten minutes")
        #expect(parsed.from == ["Northwind Support|support@northwind.example"])
        #expect(parsed.to == ["Tom Baker|tom.baker@northwind.example", "|it@northwind.example"])
        #expect(parsed.cc == ["Lopez, Maria|maria.lopez@northwind.example"])
        #expect(parsed.replyTo == ["|support+FD-1042@northwind.example"])
        #expect(parsed.messageID == composed.messageID)
        #expect(parsed.headers["In-Reply-To"] == "<CAF=abc123@mail.northwind.example>")
        #expect(parsed.headers["References"] == "<first@mail.example> <CAF=abc123@mail.northwind.example>")
        #expect(parsed.headers["Auto-Submitted"] == "auto-replied")
        #expect(parsed.headers["MIME-Version"] == "1.0")
        #expect(parsed.headers["Date"] == "Mon, 30 Nov 2026 08:12:00 +0000")
        #expect(
            composed.envelopeRecipients
                == ["tom.baker@northwind.example", "it@northwind.example", "maria.lopez@northwind.example"])
    }

    @Test func headerOrderAndFormat() throws {
        let composed = try composer.compose(mail())
        let header = headerLines(composed.bytes)
        #expect(
            header.map { $0.prefix { $0 != ":" } } == [
                "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding",
            ])
        #expect(header[0] == "From: Northwind Support <support@northwind.example>")
        #expect(header[2] == "Subject: VPN drops every ten minutes")
        #expect(header[4] == "Message-ID: <\(composed.messageID)>")
        #expect(header[6] == "Content-Type: text/plain; charset=utf-8")
        #expect(header[7] == "Content-Transfer-Encoding: quoted-printable")
        #expect(!header.contains { $0.hasPrefix("Auto-Submitted") })
    }

    @Test func messageIDIsRandomAtDomain() throws {
        let first = try composer.compose(mail())
        let second = try composer.compose(mail())
        #expect(first.messageID != second.messageID)
        #expect(first.messageID.hasSuffix("@helpdesk.northwind.example"))
        #expect(first.messageID.count == 24 + "@helpdesk.northwind.example".count)
    }

    @Test func nonASCIISubjectIsEncoded() throws {
        let subject = "Grüße: Drucker im 3. Stock druckt nur 🖨️ Sonderzeichen"
        let composed = try composer.compose(mail(subject: subject))
        let header = headerLines(composed.bytes)
        #expect(header.allSatisfy { $0.utf8.allSatisfy { $0 < 128 } })
        #expect(header.contains { $0.hasPrefix("Subject: =?UTF-8?Q?") })
        #expect(try #require(ParsedMail(composed.bytes)).subject == subject)
    }

    @Test func longSubjectsFoldBelow78() throws {
        let ascii = String(repeating: "printer offline again ", count: 20).trimmingCharacters(in: .whitespaces)
        let unicode = String(repeating: "Сеть не работает ", count: 20).trimmingCharacters(in: .whitespaces)
        for subject in [ascii, unicode] {
            let composed = try composer.compose(mail(subject: subject))
            let header = headerLines(composed.bytes)
            #expect(header.allSatisfy { $0.utf8.count <= 78 }, "\(header)")
            #expect(header.filter { $0.hasPrefix(" ") }.count >= 3)
            let decoded = try #require(ParsedMail(composed.bytes)).subject
            #expect(decoded == subject, "\(decoded ?? "")")
        }
    }

    @Test func unbreakableSubjectStaysWithinLineLimit() throws {
        let subject = String(repeating: "x", count: 2000)
        let composed = try composer.compose(mail(subject: subject))
        #expect(lines(composed.bytes).allSatisfy { $0.utf8.count <= 998 })
        #expect(try #require(ParsedMail(composed.bytes)).subject == subject)
    }

    @Test func subjectLineBreaksCannotInjectHeaders() throws {
        let composed = try composer.compose(mail(subject: "Hi\r\nBcc: evil@example.org\nX-Other: 1"))
        let header = headerLines(composed.bytes)
        #expect(!header.contains { $0.hasPrefix("Bcc") })
        #expect(!header.contains { $0.hasPrefix("X-Other") })
        #expect(try #require(ParsedMail(composed.bytes)).subject == "Hi  Bcc: evil@example.org X-Other: 1")
    }

    @Test func encodedWordLookalikeSubjectIsKept() throws {
        let subject = "Literal =?UTF-8?B?SGk=?= text"
        let composed = try composer.compose(mail(subject: subject))
        #expect(try #require(ParsedMail(composed.bytes)).subject == subject)
    }

    @Test func displayNamesRoundTrip() throws {
        var message = mail()
        message.to = [
            OutgoingAddress("juergen@northwind.example", displayName: "Jürgen Müller"),
            OutgoingAddress("q@northwind.example", displayName: "O'Brien \"Ops\" \\ Team"),
            OutgoingAddress("m@northwind.example", displayName: "山田 太郎"),
        ]
        let parsed = try #require(ParsedMail(try composer.compose(message).bytes))
        #expect(
            parsed.to == [
                "Jürgen Müller|juergen@northwind.example", "O'Brien \"Ops\" \\ Team|q@northwind.example",
                "山田 太郎|m@northwind.example",
            ])
    }

    @Test func quotedPrintableBodyRoundTrips() throws {
        let text =
            "Grüße,\nthe price is 5 = five € \nFrom here on\n.\n" + String(repeating: "long line ", count: 40)
            + "\n\tTab\n"
        let composed = try composer.compose(mail(text: text))
        let body = lines(composed.bytes).drop { !$0.isEmpty }.dropFirst()
        #expect(body.allSatisfy { $0.utf8.count <= 76 })
        #expect(body.allSatisfy { $0.utf8.allSatisfy { $0 < 128 } })
        #expect(body.contains("=46rom here on"))
        #expect(body.contains("the price is 5 =3D five =E2=82=AC=20"))
        let parsed = try #require(ParsedMail(composed.bytes))
        #expect(parsed.parts.count == 1)
        #expect(parsed.parts.first?.mimeType == "text/plain")
        #expect(parsed.parts.first?.text.replacingOccurrences(of: "\r\n", with: "\n") == text)
    }

    @Test func base64BodyRoundTrips() throws {
        var message = mail(text: "Сеть не работает.\r\nПожалуйста, помогите.\r\n")
        message.bodyEncoding = .base64
        let composed = try composer.compose(message)
        let header = headerLines(composed.bytes)
        #expect(header.contains("Content-Transfer-Encoding: base64"))
        let body = lines(composed.bytes).drop { !$0.isEmpty }.dropFirst()
        #expect(body.allSatisfy { $0.utf8.count <= 76 })
        let parsed = try #require(ParsedMail(composed.bytes))
        #expect(parsed.parts.first?.text == "Сеть не работает.\r\nПожалуйста, помогите.\r\n")
    }

    @Test func htmlAlternativeIsMultipart() throws {
        var message = mail(text: "Plain *text*")
        message.htmlBody = "<p>Plain <em>text</em> – ünïcode</p>"
        let composed = try composer.compose(message)
        let header = headerLines(composed.bytes)
        #expect(header.contains("Content-Type: multipart/alternative;"))
        #expect(header.contains { $0.hasPrefix(" boundary=\"=_FlatDesk_") })
        let parsed = try #require(ParsedMail(composed.bytes))
        #expect(parsed.parts.map(\.mimeType) == ["text/plain", "text/html"])
        #expect(parsed.parts.first?.text.trimmingCharacters(in: .newlines) == "Plain *text*")
        #expect(parsed.parts.last?.text.trimmingCharacters(in: .newlines) == "<p>Plain <em>text</em> – ünïcode</p>")
    }

    @Test func allLinesEndInCRLFWithinLimit() throws {
        var message = mail(text: "a\rb\nc\r\nd" + String(repeating: "€", count: 2000))
        message.htmlBody = String(repeating: "<p>x</p>", count: 500)
        message.references = (0..<40).map { "ref\($0).\(String(repeating: "z", count: 30))@mail.example" }
        let composed = try composer.compose(message)
        let all = lines(composed.bytes)
        #expect(all.allSatisfy { $0.utf8.count <= 998 })
        #expect(headerLines(composed.bytes).allSatisfy { $0.utf8.count <= 78 })
        #expect(try #require(ParsedMail(composed.bytes)).headers["References"]?.contains("ref39.") == true)
    }

    @Test func invalidInputIsRejected() {
        var injected = mail()
        injected.to = [OutgoingAddress("tom@northwind.example>\r\nBcc: evil@example.org")]
        #expect(throws: MailComposerError.invalidAddress(field: "To", address: injected.to[0].address)) {
            try composer.compose(injected)
        }
        var badReply = mail()
        badReply.inReplyTo = "has space@example.org"
        #expect(throws: MailComposerError.invalidMessageID(field: "In-Reply-To", value: "has space@example.org")) {
            try composer.compose(badReply)
        }
        var noRecipients = mail()
        noRecipients.to = []
        #expect(throws: MailComposerError.missingRecipients) { try composer.compose(noRecipients) }
        #expect(throws: MailComposerError.invalidDomain("bad domain")) {
            try MailComposer(messageIDDomain: "bad domain").compose(mail())
        }
    }
}
