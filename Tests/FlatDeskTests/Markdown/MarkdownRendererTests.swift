import Testing

@testable import FlatDesk

@Suite struct MarkdownRendererTests {
    @Test func paragraphAndEmphasisRender() {
        let html = MarkdownRenderer.html("Hello *world* and **bold**")
        #expect(html == "<p>Hello <em>world</em> and <strong>bold</strong></p>\n")
    }

    @Test func tableRenders() {
        let html = MarkdownRenderer.html("| Host | State |\n|:-----|------:|\n| vpn1 | down |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th align=\"left\">Host</th>"))
        #expect(html.contains("<th align=\"right\">State</th>"))
        #expect(html.contains("<td align=\"left\">vpn1</td>"))
        #expect(html.contains("<td align=\"right\">down</td>"))
    }

    @Test func strikethroughRenders() {
        #expect(MarkdownRenderer.html("~~obsolete~~ step") == "<p><del>obsolete</del> step</p>\n")
    }

    @Test func autolinksRender() {
        let html = MarkdownRenderer.html("See https://status.northwind.example/vpn or www.example.org today")
        #expect(
            html.contains("<a href=\"https://status.northwind.example/vpn\">https://status.northwind.example/vpn</a>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
    }

    @Test func emailAutolinkRenders() {
        let html = MarkdownRenderer.html("Write to help@northwind.example please")
        #expect(html.contains("<a href=\"mailto:help@northwind.example\">help@northwind.example</a>"))
    }

    @Test func taskListRenders() {
        let html = MarkdownRenderer.html("- [x] restart router\n- [ ] call ISP\n")
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> restart router"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" /> call ISP"))
    }

    @Test func scriptTagIsOmitted() {
        let html = MarkdownRenderer.html("<script>alert(1)</script>")
        #expect(!html.contains("<script"))
        #expect(html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func inlineHTMLIsOmitted() {
        let html = MarkdownRenderer.html("Click <img src=x onerror=alert(1)> here")
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror"))
        #expect(html == "<p>Click <!-- raw HTML omitted --> here</p>\n")
    }

    @Test func javascriptLinkIsInert() {
        let html = MarkdownRenderer.html("[x](javascript:alert(1))")
        #expect(!html.contains("javascript:"))
        #expect(html == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func javascriptLinkVariantsAreInert() {
        for markdown in [
            "[x](JavaScript:alert(1))", "[x](vbscript:msgbox)", "<javascript:alert(1)>",
            "[x]: javascript:alert(1)\n\n[x]", "![i](javascript:alert(1))",
        ] {
            let html = MarkdownRenderer.html(markdown).lowercased()
            #expect(!html.contains("href=\"javascript"), "\(markdown)")
            #expect(!html.contains("src=\"javascript"), "\(markdown)")
            #expect(!html.contains("href=\"vbscript"), "\(markdown)")
        }
    }

    @Test func textIsEscaped() {
        #expect(MarkdownRenderer.html("a < b & \"c\"") == "<p>a &lt; b &amp; &quot;c&quot;</p>\n")
    }

    @Test func emptyInputRendersEmpty() {
        #expect(MarkdownRenderer.html("") == "")
    }

    @Test func concurrentRenderingIsIdentical() async {
        let markdown = """
            # Incident

            ~~old~~ new, see https://status.example.org and www.example.org.

            | a | b |
            |---|---|
            | 1 | ~~2~~ |

            - [x] done
            - [ ] open

            <script>alert(1)</script>
            """
        let expected = MarkdownRenderer.html(markdown)
        let outputs = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<200).map { _ in MarkdownRenderer.html(markdown) } }
            }
            return await group.reduce(into: [String]()) { $0 += $1 }
        }
        #expect(outputs.count == 1600)
        #expect(outputs.allSatisfy { $0 == expected })
        #expect(expected.contains("<del>old</del>"))
        #expect(expected.contains("<a href=\"https://status.example.org\">"))
    }
}
