import Foundation
import Testing

@testable import FlatDesk

/// Quote and signature stripping against the talon expectations, the reply fixtures and own cases.
@Suite struct ReplyExtractorTests {
    /// Paragraph that every crisp-oss fixture starts with, which is its whole new text.
    static let crispReply = """
        Fusce bibendum, quam hendrerit sagittis tempor, dui turpis tempus erat, pharetra sodales ante sem sit amet metus.
        Nulla malesuada, orci non vulputate lobortis, massa felis pharetra ex, convallis consectetur ex libero eget ante.
        Nam vel turpis posuere, rhoncus ligula in, venenatis orci. Duis interdum venenatis ex a rutrum.
        Duis ut libero eu lectus consequat consequat ut vel lorem. Vestibulum convallis lectus urna,
        et mollis ligula rutrum quis. Fusce sed odio id arcu varius aliquet nec nec nibh.
        """

    // MARK: talon

    /// talon keeps signatures, so its expected files are compared with the history-only stripping.
    @Test(arguments: ["talon-iphone", "talon-sparrow"])
    func talonExpectationMatches(name: String) throws {
        let message = try MailFixtures.parse("replies/\(name).eml")
        let expected = try MailFixtures.text("replies/\(name)_reply_text.txt")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(ReplyExtractor.textWithoutQuotedHistory(from: message.textBody) == expected)
    }

    @Test(arguments: ["talon-iphone", "talon-sparrow"])
    func talonReplyWithoutSignature(name: String) throws {
        let message = try MailFixtures.parse("replies/\(name).eml")
        #expect(message.newText == "Hello")
    }

    /// talon's standard-reply test expects `Hello` for every reply that has no `_reply_text` file.
    @Test(arguments: [
        "talon-android", "talon-aol", "talon-apple_mail", "talon-apple_mail_2", "talon-comcast", "talon-gmail",
        "talon-hotmail", "talon-outlook", "talon-thunderbird", "talon-yahoo",
    ])
    func talonStandardReplyIsHello(name: String) throws {
        let message = try MailFixtures.parse("replies/\(name).eml")
        #expect(ReplyExtractor.textWithoutQuotedHistory(from: message.textBody) == "Hello")
        #expect(message.newText == "Hello")
    }

    /// talon's HTML tests compare with whitespace collapsed; the HTML is converted to text first.
    @Test(arguments: [
        "talon-html-gmail", "talon-html-hotmail", "talon-html-mail_ru", "talon-html-ms_outlook_2003",
        "talon-html-ms_outlook_2010", "talon-html-thunderbird", "talon-html-windows_mail", "talon-html-yandex_ru",
    ])
    func talonHTMLReplyIsCut(name: String) throws {
        let text = HTMLTextConverter.text(fromHTML: try MailFixtures.text("replies/\(name).html"))
        #expect(Self.collapsed(ReplyExtractor.newText(from: text)) == "Hi. I am fine. Thanks, Alex")
    }

    @Test func ruleSeparatedReplyIsCut() throws {
        let text = HTMLTextConverter.text(fromHTML: try MailFixtures.text("replies/talon-reply-separated-by-hr.html"))
        #expect(ReplyExtractor.newText(from: text) == "Hi\nthere\nBob")
    }

    @Test func yahooBlockquoteShareBlockIsCut() throws {
        let message = try MailFixtures.parse("replies/talon-reply-quotations-share-block.eml")
        #expect(message.newText.hasPrefix("Hi Katharine."))
        #expect(message.newText.hasSuffix("Joe XXX"))
    }

    // MARK: crisp-oss fixtures

    @Test(arguments: [
        "crisp-email_danish_dash_separator", "crisp-email_finnish", "crisp-email_french_2",
        "crisp-email_german_outlook",
        "crisp-email_gmail_split_line_from", "crisp-email_norwegian_gmail", "crisp-email_original_message",
        "crisp-email_outlook_split_line_from", "crisp-email_russian", "crisp-email_tricky_5_mixed_languages",
    ])
    func crispReplyKeepsFirstParagraph(name: String) throws {
        let text = try MailFixtures.text("replies/\(name).txt")
        #expect(ReplyExtractor.newText(from: text) == Self.crispReply)
    }

    @Test func nestedAttributionsAreCut() throws {
        let text = try MailFixtures.text("replies/crisp-email_tricky_9_nested_quotes.txt")
        #expect(ReplyExtractor.newText(from: text) == "I agree with the points below.")
    }

    @Test func zohoAttributionIsCut() throws {
        let text = try MailFixtures.text("replies/crisp-email_zoho.txt")
        #expect(
            ReplyExtractor.newText(from: text)
                == "What is the best way to clear a Riak bucket of all key, values after\nrunning a test?")
    }

    // MARK: email_reply_parser fixtures

    @Test(arguments: [
        ("erp-email_1_3", "Oh thanks.\n\nHaving the function would be great.\n\n-Abhishek Kona"),
        ("erp-email_1_4", "Awesome! I haven't had another problem with it."),
        ("erp-email_1_6", "I get proper rendering as well."),
        ("erp-email_1_7", ":+1:"),
        ("erp-email_2_1", "Outlook with a reply"),
        ("erp-email_2_2", "Outlook with a reply directly above line"),
        ("erp-email_2_3", "Outlook with a reply directly above line"),
        ("erp-email_BlackBerry", "Here is another email"),
        (
            "erp-email_one_is_not_on",
            "Thank, this is really helpful.\n\nOne outstanding question I had:\n\nLocally (on development), when I run..."
        ),
        (
            "erp-pathological",
            "I think you're onto something. I will try to fix the problem as soon as I\nget back to a computer."
        ),
    ])
    func replyParserFixtureKeepsNewText(name: String, expected: String) throws {
        let text = try MailFixtures.text("replies/\(name).txt")
        #expect(ReplyExtractor.newText(from: text) == expected)
    }

    @Test(arguments: [
        "erp-email_1_5", "erp-email_sent_from_my_not_signature", "erp-email_sig_delimiter_in_middle_of_line",
    ])
    func plainReplyStaysWhole(name: String) throws {
        let text = try MailFixtures.text("replies/\(name).txt")
        #expect(ReplyExtractor.newText(from: text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func greedyOnIsNotAnAttribution() throws {
        let text = try MailFixtures.text("replies/erp-greedy_on.txt")
        let expected = """
            On your remote host you can run:

                 telnet 127.0.0.1 52698

            This should connect to TextMate (on your Mac, via the tunnel). If that
            fails, the tunnel is not working.
            """
        #expect(ReplyExtractor.newText(from: text) == expected)
    }

    @Test func bulletsAboveQuoteAreKept() throws {
        let text = try MailFixtures.text("replies/erp-email_bullets.txt")
        let newText = ReplyExtractor.newText(from: text)
        #expect(newText.hasPrefix("test 2 this should list second"))
        #expect(newText.hasSuffix("   - how about bullets\n   - and another"))
    }

    @Test func inlineRepliesBetweenQuotesAreKept() throws {
        let text = try MailFixtures.text("replies/erp-email_1_8.txt")
        let newText = ReplyExtractor.newText(from: text)
        #expect(newText.contains("I will reply under this one\n\n>\n> okay?\n>\n\nand under this."))
        #expect(newText.hasSuffix("and under this."))
        #expect(!newText.contains("Hey there, this is my signature"))
    }

    @Test func inlineReplyDropsListFooter() throws {
        let text = try MailFixtures.text("replies/erp-email_1_2.txt")
        let newText = ReplyExtractor.newText(from: text)
        #expect(newText.hasPrefix("Hi,\nOn Tue, 2011-03-01 at 18:02 +0530, Abhishek Kona wrote:\n> Hi folks"))
        #expect(newText.hasSuffix("the keys in a bucket, you’ll need to delete them all individually.\""))
    }

    @Test func longQuoteLineIsHandledQuickly() throws {
        let text = try MailFixtures.text("replies/erp-email_long_quote.txt")
        let clock = ContinuousClock()
        var newText = ""
        let elapsed = clock.measure { newText = ReplyExtractor.newText(from: text) }
        #expect(elapsed < .seconds(1))
        #expect(newText.hasPrefix("Hi folks"))
    }

    @Test func manyAttributionLikeLinesAreFast() {
        let text = String(repeating: "Bob wrote:\n\n\n> quote\nreply\n", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = ReplyExtractor.newText(from: text) }
        #expect(elapsed < MailFixtures.stressTimeLimit)
    }

    // MARK: own cases

    @Test func germanOutlookBlockIsCut() {
        let text = """
            Danke, der Drucker geht wieder.

            Viele Grüße
            Tom

            Von: Lena Fischer <lena.fischer@northwind.example>
            Gesendet: Montag, 30. November 2026 09:40
            An: Tom Baker <tom.baker@northwind.example>
            Betreff: AW: Drucker im 2. OG

            Bitte einmal neu starten.
            """
        #expect(ReplyExtractor.newText(from: text) == "Danke, der Drucker geht wieder.\n\nViele Grüße\nTom")
    }

    @Test func frenchOutlookBlockIsCut() {
        let text =
            "Merci !\n\nDe : Lena Fischer\nEnvoyé : lundi 30 novembre 2026 09:40\nÀ : Tom Baker\nObjet : VPN\n\nBonjour"
        #expect(ReplyExtractor.newText(from: text) == "Merci !")
    }

    @Test func spanishAndDutchOutlookBlocksAreCut() {
        let spanish =
            "Gracias.\n\nDe: Lena\nEnviado el: lunes, 30 de noviembre de 2026 9:40\nPara: Tom\nAsunto: VPN\n\nHola"
        let dutch = "Bedankt.\n\nVan: Lena\nVerzonden: maandag 30 november 2026 09:40\nAan: Tom\nOnderwerp: VPN\n\nHoi"
        #expect(ReplyExtractor.newText(from: spanish) == "Gracias.")
        #expect(ReplyExtractor.newText(from: dutch) == "Bedankt.")
    }

    @Test func germanOriginalMessageLineIsCut() {
        let text = "Erledigt.\n\n-----Ursprüngliche Nachricht-----\nVon: Lena\nBetreff: VPN\n\nAlter Text"
        #expect(ReplyExtractor.newText(from: text) == "Erledigt.")
    }

    @Test func wrappedGmailAttributionIsCut() {
        let text = """
            Works now, thanks.

            On Mon, Nov 30, 2026 at 9:40 AM Lena Fischer from the Network Team <
            lena.fischer@northwind.example> wrote:

            > Please restart the VPN client.
            >
            """
        #expect(ReplyExtractor.newText(from: text) == "Works now, thanks.")
    }

    @Test func germanGmailAttributionIsCut() {
        let text = """
            Danke!

            Am Mo., 30. Nov. 2026 um 09:40 Uhr schrieb Lena Fischer <
            lena.fischer@northwind.example>:

            > Bitte neu starten.
            """
        #expect(ReplyExtractor.newText(from: text) == "Danke!")
    }

    @Test func attributionBelowTextKeepsText() {
        let text = "Thanks\nOn Mon, Nov 30, 2026 at 9:40 AM, Lena <lena@northwind.example> wrote:\n> Restart it."
        #expect(ReplyExtractor.newText(from: text) == "Thanks")
    }

    @Test func midTextBlockquoteIsKept() {
        let text = """
            I checked the logs you asked about.

            > Does the VPN drop every ten minutes?

            Yes, exactly every ten minutes, also on the second laptop.

            Tom
            """
        #expect(ReplyExtractor.newText(from: text) == text)
    }

    @Test func trailingQuoteWithoutAttributionIsCut() {
        let text = "Yes, please close it.\n\n> Can we close the ticket?\n> Thanks, Lena"
        #expect(ReplyExtractor.newText(from: text) == "Yes, please close it.")
    }

    @Test func signatureAfterDelimiterIsRemoved() {
        let text = "Restarted it, works.\n\n-- \nTom Baker\nNorthwind IT\n+1 555 0100"
        #expect(ReplyExtractor.newText(from: text) == "Restarted it, works.")
        #expect(ReplyExtractor.textWithoutQuotedHistory(from: text) == text)
    }

    @Test(arguments: ["Sent from my iPhone", "Von meinem iPhone gesendet", "Get Outlook for Android"])
    func mobileSignatureIsRemoved(signature: String) {
        #expect(ReplyExtractor.newText(from: "On my way.\n\n\(signature)") == "On my way.")
    }

    @Test func dashLineInsideSentenceIsNoSignature() {
        let text = "Use the new port -- 8443 -- from now on."
        #expect(ReplyExtractor.newText(from: text) == text)
    }

    @Test func forwardedMessageHeadersAreKept() {
        let text = """
            FYI, this came in overnight.

            ---------- Forwarded message ---------
            From: Monitoring <alerts@northwind.example>
            Date: Mon, Nov 30, 2026 at 3:12 AM
            Subject: Disk full on fs01
            To: IT <it@northwind.example>

            /var is 100% full.
            """
        #expect(ReplyExtractor.newText(from: text) == text)
    }

    @Test func onlyQuotedTextIsReturnedWhole() {
        let text = "> Is the printer fixed?"
        #expect(ReplyExtractor.newText(from: text) == text)
    }

    @Test func bottomPostedReplyDropsLeadingQuote() {
        let text = "On 30/11/2026 09:40, Lena Fischer wrote:\n> Is it fixed?\n\nYes, since this morning."
        #expect(ReplyExtractor.newText(from: text) == "Yes, since this morning.")
    }

    @Test func crlfLineEndingsAreHandled() {
        let text = "Fine.\r\n\r\nOn Mon, Nov 30, 2026 at 9:40 AM, Lena <l@northwind.example> wrote:\r\n> ok?\r\n"
        #expect(ReplyExtractor.newText(from: text) == "Fine.")
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
