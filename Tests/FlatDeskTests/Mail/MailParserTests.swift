import Foundation
import Testing

@testable import FlatDesk

/// MailParser on messages written in the test: fields, structure, charsets and hostile input.
@Suite struct MailParserTests {
    // MARK: headers

    @Test func headerFieldsAreDecoded() throws {
        let message = try MailFixtures.parse(
            message: """
                From: =?UTF-8?Q?J=C3=B6rg_Fischer?= <Joerg.Fischer@Northwind.Example>
                Reply-To: helpdesk-replies@northwind.example
                To: Support <support@flatdesk.example>, lena@northwind.example
                Cc: Team: tom@northwind.example, maria@northwind.example;
                Subject: =?ISO-8859-1?Q?Drucker_im_2=2E_OG_defekt_=E4?=
                Date: Mon, 30 Nov 2026 09:12:00 +0100
                Message-ID: <abc.123@mail.northwind.example>
                In-Reply-To: <FD-1042.E2@flatdesk.example>
                References: <FD-1042.E1@flatdesk.example>
                 <FD-1042.E2@flatdesk.example>
                X-Ticket: =?UTF-8?B?VGlja2V0IMOk?=

                Body
                """)
        #expect(message.from == MailAddress(name: "Jörg Fischer", email: "joerg.fischer@northwind.example"))
        #expect(message.replyTo.map(\.email) == ["helpdesk-replies@northwind.example"])
        #expect(message.to.map(\.email) == ["support@flatdesk.example", "lena@northwind.example"])
        #expect(message.cc.map(\.email) == ["tom@northwind.example", "maria@northwind.example"])
        #expect(message.subject == "Drucker im 2. OG defekt ä")
        #expect(message.date == Date(timeIntervalSince1970: 1_796_026_320))
        #expect(message.messageID == "abc.123@mail.northwind.example")
        #expect(message.inReplyTo == "FD-1042.E2@flatdesk.example")
        #expect(message.references == ["FD-1042.E1@flatdesk.example", "FD-1042.E2@flatdesk.example"])
        #expect(message.headerValues("x-ticket") == ["Ticket ä"])
        #expect(
            message.headers.first == MailHeader(name: "From", value: "Jörg Fischer <Joerg.Fischer@Northwind.Example>"))
    }

    @Test func missingHeadersGiveEmptyValues() throws {
        let message = try MailFixtures.parse(message: "X-Note: only this\n\nBody")
        #expect(message.messageID == nil)
        #expect(message.subject == "")
        #expect(message.from == nil)
        #expect(message.date == nil)
        #expect(message.references.isEmpty)
        #expect(message.textBody == "Body")
    }

    @Test(arguments: [
        ("=?UTF-8?B?ww==?= =?UTF-8?B?qQ==?=", "é"),
        ("=?UTF-8?B?Y2Fmw6k=?= =?UTF-8?B?w6k=?=", "caféé"),
        ("=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?IHdvcmxk?=", "Hello world"),
        ("=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?=", "café"),
        ("=?UTF-8?B?5pel5pys?=\n =?UTF-8?B?6Kqe?=", "日本語"),
        ("=?UTF-8?B?5pel?= =?UTF-8?B?5pys6Kqe?= plain =?ISO-8859-1?Q?=E4?=", "日本語 plain ä"),
    ])
    func encodedWordsSplittingCharactersAreJoined(encoded: String, decoded: String) throws {
        let message = try MailFixtures.parse(message: "From: a@example.com\nSubject: \(encoded)\n\nBody")
        #expect(message.subject == decoded)
    }

    @Test func splitDisplayNameIsJoined() throws {
        let message = try MailFixtures.parse(message: "From: =?UTF-8?B?SsO2?= =?UTF-8?B?cmc=?= <j@example.com>\n\nBody")
        #expect(message.from?.name == "Jörg")
    }

    @Test func mailboxWithoutAddressKeepsItsName() throws {
        let message = try MailFixtures.parse(message: "From: MAILER DAEMON <>\nSubject: x\n\nBody")
        #expect(message.from == MailAddress(name: "MAILER DAEMON", email: ""))
    }

    // MARK: structure

    @Test func alternativePrefersPlainText() throws {
        let message = try MailFixtures.parse(
            message: """
                From: tom@northwind.example
                Subject: Printer
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=utf-8

                The printer is broken.
                --alt
                Content-Type: text/html; charset=utf-8

                <p>The <b>printer</b> is broken.</p>
                --alt--
                """)
        #expect(message.textBody == "The printer is broken.")
        #expect(message.htmlBody?.contains("<b>printer</b>") == true)
        #expect(message.attachments.isEmpty)
    }

    @Test func htmlOnlyMessageIsConvertedToText() throws {
        let message = try MailFixtures.parse(
            message: """
                From: tom@northwind.example
                Subject: Printer
                Content-Type: text/html; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                <html><head><style>p{}</style></head><body><p>Gr=FC=DFe,</p><ul><li>eins</li><li>zwei</li></ul>=
                <p><a href=3D"https://kb.example/print">Anleitung</a></p></body></html>
                """)
        #expect(message.textBody == "Grüße,\n\n- eins\n- zwei\n\nAnleitung (https://kb.example/print)")
        #expect(message.htmlBody?.hasPrefix("<html>") == true)
    }

    @Test func relatedImageIsInlineAttachment() throws {
        let message = try MailFixtures.parse(
            message: """
                From: tom@northwind.example
                Subject: Screenshot
                MIME-Version: 1.0
                Content-Type: multipart/related; boundary="rel"

                --rel
                Content-Type: text/html; charset=utf-8

                <p>See <img src="cid:shot@northwind"></p>
                --rel
                Content-Type: image/png
                Content-Transfer-Encoding: base64
                Content-ID: <shot@northwind>

                iVBORw0KGgo=
                --rel--
                """)
        let image = try #require(message.attachments.first)
        #expect(message.textBody == "See")
        #expect(image.filename == "attachment-1.bin")
        #expect(image.contentType == "image/png")
        #expect(image.contentID == "shot@northwind")
        #expect(image.isInline)
        #expect(image.data == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    }

    @Test func signedMessageUsesSignedContent() throws {
        let message = try MailFixtures.parse(
            message: """
                From: tom@northwind.example
                Subject: Signed
                MIME-Version: 1.0
                Content-Type: multipart/signed; micalg=pgp-sha256; protocol="application/pgp-signature"; boundary="s"

                --s
                Content-Type: text/plain

                Signed text.
                --s
                Content-Type: application/pgp-signature; name="signature.asc"

                -----BEGIN PGP SIGNATURE-----
                -----END PGP SIGNATURE-----
                --s--
                """)
        #expect(message.textBody == "Signed text.")
        #expect(message.attachments.isEmpty)
    }

    @Test func attachedMessageBecomesEml() throws {
        let message = try MailFixtures.parse(
            message: """
                From: tom@northwind.example
                Subject: Fwd: Alarm
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: text/plain

                See the attached alarm.
                --m
                Content-Type: message/rfc822

                From: monitor@northwind.example
                Subject: Disk full
                Message-ID: <alarm-7@northwind.example>

                /var is full.
                --m--
                """)
        let attached = try #require(message.attachments.first)
        #expect(message.textBody == "See the attached alarm.")
        #expect(attached.filename == "Disk full.eml")
        #expect(attached.contentType == "message/rfc822")
        #expect(String(decoding: attached.data, as: UTF8.self).contains("/var is full."))
        #expect(message.autoReply == AutoReplyKind.none)
        #expect(message.bouncedMessageID == nil)
    }

    @Test func rfc2231FileNamesAreDecoded() throws {
        let message = try MailFixtures.parse(
            message: """
                From: tom@northwind.example
                Subject: Files
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="f"

                --f
                Content-Type: text/plain

                Two files.
                --f
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC%20rates.pdf

                pdf
                --f
                Content-Type: application/x-sh
                Content-Disposition: attachment;
                 filename*0="../../";
                 filename*1="run.sh"

                echo
                --f--
                """)
        #expect(message.attachments.map(\.filename) == ["€ rates.pdf", "run.sh"])
        #expect(message.attachments.map(\.isInline) == [false, false])
    }

    @Test func charsetsAreConvertedToUTF8() throws {
        let koi8 = "From: a@example.com\nContent-Type: text/plain; charset=koi8-r\n\n"
        let bytes = Array(koi8.utf8) + [0xD4, 0xC5, 0xD3, 0xD4]
        #expect(try MailParser.parse(bytes).textBody == "тест")
    }

    @Test func quotedPrintableNulDoesNotCutText() throws {
        let message = try MailFixtures.parse(
            message: """
                From: a@example.com
                Content-Type: text/plain; charset=windows-1252
                Content-Transfer-Encoding: quoted-printable

                before=00after =80
                """)
        #expect(message.textBody == "beforeafter €")
    }

    @Test func plainTextLabeledBase64IsKept() throws {
        let message = try MailFixtures.parse("raw/enmime-mime-bad-content-transfer-encoding.eml")
        #expect(message.textBody.hasPrefix("ploozdect  nispplul swunkglap zarplontruskdremp fruftsist\n"))
        #expect(message.htmlBody?.contains("This is an example") == true)
    }

    @Test func mislabeledUTF8IsReadAsUTF8() throws {
        let message = try MailFixtures.parse(
            message: "From: a@example.com\nContent-Type: text/plain; charset=iso-8859-1\n\nGrüße")
        #expect(message.textBody == "Grüße")
    }

    @Test func mboxLineAndBOMAreSkipped() throws {
        let text = "\u{FEFF}From MAILER-DAEMON Mon Nov 30 09:12:00 2026\nFrom: a@example.com\nSubject: Hi\n\nBody"
        let message = try MailParser.parse(Array(text.utf8))
        #expect(message.subject == "Hi")
        #expect(message.from?.email == "a@example.com")
    }

    @Test func forwardKeepsWholeTextAsNewText() throws {
        let message = try MailFixtures.parse("raw/flanker-multi-received-headers.eml")
        #expect(message.newText == message.textBody)
        #expect(message.newText.contains("Forward please"))
    }

    // MARK: hostile input

    @Test(arguments: [[UInt8](), Array("   \r\n\n\t\n".utf8)])
    func emptyInputIsRejected(bytes: [UInt8]) {
        #expect(throws: MailError.emptyInput) { try MailParser.parse(bytes) }
    }

    @Test func errorMessageNamesTheInput() {
        let error = MailError.notAMessage(byteCount: 26, start: "// Not an RFC-822 Document")
        #expect(error.description.contains("26 bytes"))
        #expect(error.description.contains("// Not an RFC-822 Document"))
    }

    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let count = Int.random(in: 0..<4096, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? MailParser.parse(bytes)
        }
    }

    @Test func randomMIMELikeInputNeverCrashes() {
        var generator = SeededGenerator(seed: 7)
        let pieces = [
            "Content-Type: multipart/mixed; boundary=\"b\"\n", "--b\n", "--b--\n", "Content-Type: message/rfc822\n",
            "Content-Transfer-Encoding: base64\n", "Content-Transfer-Encoding: quoted-printable\n", "=?UTF-8?B?w6k=?=",
            "Subject: =?x?q?=FF?=\n", "From: <>\n", "\n", "text=\n", "<html><blockquote>", "Content-Type: text/html\n",
            "filename*0*=UTF-8''%E2; filename*1*=%82%AC\n", "> quote\n", "On Mon, 1 Jan 2026 at 10:00, A wrote:\n",
        ]
        for _ in 0..<300 {
            var text = "From: a@example.com\n"
            for _ in 0..<Int.random(in: 1..<60, using: &generator) {
                text += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }
            _ = try? MailParser.parse(Array(text.utf8))
        }
    }

    @Test(arguments: MailFixtures.messagePaths.filter { $0.hasPrefix("autoreplies/") || $0.contains("rfc822") })
    func damagedCorpusMessagesNeverCrash(path: String) throws {
        let bytes = try MailFixtures.bytes(path)
        var generator = SeededGenerator(seed: UInt64(bytes.count))
        for step in 1...8 {
            _ = try? MailParser.parse(Array(bytes.prefix(bytes.count * step / 9)))
            var corrupted = bytes
            for _ in 0..<16 where !corrupted.isEmpty {
                corrupted[Int.random(in: 0..<corrupted.count, using: &generator)] = UInt8.random(
                    in: 0...255, using: &generator)
            }
            _ = try? MailParser.parse(corrupted)
        }
    }

    @Test func deeplyNestedMultipartsParseQuickly() throws {
        var text = "From: a@example.com\nSubject: deep\nMIME-Version: 1.0\n"
        for level in 0..<3000 {
            text += "Content-Type: multipart/mixed; boundary=\"b\(level)\"\n\n--b\(level)\n"
        }
        text += "Content-Type: text/plain\n\nhello\n"
        let bytes = Array(text.utf8)
        let clock = ContinuousClock()
        var subject = ""
        let elapsed = try clock.measure { subject = try MailParser.parse(bytes).subject }
        #expect(elapsed < MailFixtures.stressTimeLimit)
        #expect(subject == "deep")
    }

    @Test func unterminatedEncodedWordsParseQuickly() throws {
        let subject = String(repeating: "=?UTF-8?B?w6k ", count: 50_000)
        let bytes = Array("From: a@example.com\nSubject: \(subject)\n\nBody".utf8)
        let clock = ContinuousClock()
        var body = ""
        let elapsed = try clock.measure { body = try MailParser.parse(bytes).textBody }
        #expect(elapsed < MailFixtures.stressTimeLimit)
        #expect(body == "Body")
    }

    @Test func manyClosedEncodedWordsStayDecoded() throws {
        let subject = String(repeating: "=?UTF-8?Q?=C3=A4?= ", count: 600)
        let message = try MailFixtures.parse(message: "From: a@example.com\nSubject: \(subject)\n\nBody")
        #expect(message.subject == String(repeating: "ä", count: 600))
    }

    @Test func concurrentParsingGivesSameResults() async throws {
        let paths = Array(MailFixtures.messagePaths.prefix(60))
        let serial = paths.map { try? MailFixtures.parse($0) }.map { $0?.subject }
        let concurrent = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for (index, path) in paths.enumerated() {
                let bytes = try MailFixtures.bytes(path)
                group.addTask { (index, (try? MailParser.parse(bytes))?.subject) }
            }
            var subjects = [String?](repeating: nil, count: paths.count)
            for try await (index, subject) in group { subjects[index] = subject }
            return subjects
        }
        #expect(concurrent == serial)
    }
}

/// A small deterministic random number generator (SplitMix64) so fuzz inputs repeat across runs.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
