import Foundation
import Testing

@testable import FlatDesk

@Suite struct HTMLTextConverterTests {
    private func text(_ html: String) -> String {
        HTMLTextConverter.text(fromHTML: html)
    }

    @Test func paragraphsAndLineBreaks() {
        #expect(text("<p>One</p><p>Two<br>Three</p>") == "One\n\nTwo\nThree")
    }

    @Test func emptyDivWithBreakMakesBlankLine() {
        #expect(text("<div>Hi</div><div><br></div><div>Thanks</div>") == "Hi\n\nThanks")
    }

    @Test func whitespaceIsCollapsed() {
        #expect(text("<p>  lots   of\n\tspace  </p>") == "lots of space")
    }

    @Test func listItemsGetMarkers() {
        let html = "<ul><li>Restart</li><li>Reconnect</li></ul><ol><li>First</li><li>Second</li></ol>"
        #expect(text(html) == "- Restart\n- Reconnect\n\n1. First\n2. Second")
    }

    @Test func nestedListIsIndented() {
        #expect(text("<ul><li>A<ul><li>A1</li></ul></li><li>B</li></ul>") == "- A\n  - A1\n- B")
    }

    @Test func linkShowsTextAndAddress() {
        #expect(
            text("See <a href=\"https://kb.example/vpn\">the guide</a>.") == "See the guide (https://kb.example/vpn).")
    }

    @Test func linkAddressWrittenOnce() {
        #expect(text("<a href=\"https://kb.example/\">https://kb.example/</a>") == "https://kb.example/")
        #expect(text("<a href=\"mailto:it@example.com\">it@example.com</a>") == "it@example.com")
    }

    @Test func mailtoLinkShowsAddress() {
        #expect(text("<a href=\"mailto:it@example.com\">IT desk</a>") == "IT desk (it@example.com)")
    }

    @Test func entitiesAreDecoded() {
        let html = "&amp; &lt;b&gt; &eacute; &#233; &#x2019; &quot;q&quot; &copy &euro; &#146; &unknown;"
        #expect(text(html) == "& <b> é é ’ \"q\" © € ’ &unknown;")
    }

    @Test func nonBreakingSpaceBecomesSpace() {
        #expect(text("a&nbsp;&nbsp;b") == "a b")
    }

    @Test func scriptsStylesAndHeadAreDropped() {
        let html = """
            <html><head><title>Ticket</title><style>p { color: red }</style></head>
            <body><script>alert("x")</script><p>Visible</p><style>.a{}</style></body></html>
            """
        #expect(text(html) == "Visible")
    }

    @Test func commentsAreDropped() {
        #expect(text("<!--[if gte mso 9]><xml><o:x>96</o:x></xml><![endif]-->Text<!-- note -->") == "Text")
    }

    @Test func blockquoteIsQuoted() {
        #expect(text("<p>Yes.</p><blockquote>Is it fixed?<br>Lena</blockquote>") == "Yes.\n\n> Is it fixed?\n> Lena")
    }

    @Test func preservesPreformattedText() {
        #expect(text("<pre>line 1\n  indented</pre>") == "line 1\n  indented")
    }

    @Test func horizontalRuleBecomesSeparatorLine() {
        #expect(text("Above<hr>Below") == "Above\n\n\(HTMLTextRenderer.horizontalRule)\n\nBelow")
    }

    @Test func tableCellsAreSeparated() {
        #expect(
            text("<table><tr><td>Name</td><td>Tom</td></tr><tr><td>Room</td><td>2.14</td></tr></table>")
                == "Name Tom\nRoom 2.14")
    }

    @Test(arguments: [
        "<p>unclosed <b>bold <a href='x'>link", "a < b and c > d", "<!-- never closed", "<", "<a href=\"unterminated",
        "</p></div></blockquote></ul>", "<style>no end", "&#99999999999; &#xZZ; &", "<p\u{0}>nul</p>",
    ])
    func malformedHTMLDoesNotCrash(html: String) {
        _ = text(html)
    }

    @Test func unclosedStyleDoesNotHideText() {
        #expect(text("<style>body{}") == "body{}")
    }

    @Test func lessThanWithoutTagIsText() {
        #expect(text("a < b and c > d") == "a < b and c > d")
    }

    @Test func deeplyNestedMarkupIsFast() {
        let html =
            String(repeating: "<div><blockquote>", count: 5000) + "deep"
            + String(repeating: "</blockquote></div>", count: 5000)
        let clock = ContinuousClock()
        var result = ""
        let elapsed = clock.measure { result = text(html) }
        #expect(elapsed < MailFixtures.stressTimeLimit)
        #expect(result.hasSuffix("deep"))
    }

    @Test func manyCommentsAreFast() {
        let html = String(repeating: "<!--c-->", count: 100_000) + "end"
        #expect(text(html) == "end")
    }

    @Test func manyUnclosedLinksAreFast() {
        let html =
            String(repeating: "<a href=\"https://x.example\">", count: 20_000)
            + String(repeating: "word ", count: 20_000)
            + String(repeating: "</a>", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = text(html) }
        #expect(elapsed < MailFixtures.stressTimeLimit)
    }

    @Test func deeplyNestedListsAreFast() {
        let html = String(repeating: "<ul><li>item", count: 10_000)
        let clock = ContinuousClock()
        var result = ""
        let elapsed = clock.measure { result = text(html) }
        #expect(elapsed < MailFixtures.stressTimeLimit)
        #expect(result.utf8.count < 1_000_000)
    }
}
