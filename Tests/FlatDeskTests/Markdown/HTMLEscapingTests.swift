import Testing

@testable import FlatDesk

@Suite struct HTMLEscapingTests {
    @Test func specialCharactersAreEscaped() {
        #expect(
            HTMLEscaping.escape("<a href=\"x\">Tom's & Jerry's</a>")
                == "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func plainTextIsUnchanged() {
        #expect(HTMLEscaping.escape("Grüße aus Köln 🚀") == "Grüße aus Köln 🚀")
        #expect(HTMLEscaping.escape("") == "")
    }

    @Test func existingReferencesAreEscapedAgain() {
        #expect(HTMLEscaping.escape("&amp;") == "&amp;amp;")
    }

    @Test func attributeBreakoutIsEscaped() {
        let escaped = HTMLEscaping.escape("\" onmouseover='alert(1)'")
        #expect(!escaped.contains("\""))
        #expect(!escaped.contains("'"))
        #expect(escaped == "&quot; onmouseover=&#39;alert(1)&#39;")
    }
}
