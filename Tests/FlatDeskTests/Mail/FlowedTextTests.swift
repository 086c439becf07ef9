import Testing

@testable import FlatDesk

@Suite struct FlowedTextTests {
    @Test func softBreaksAreJoined() {
        let text = "The VPN drops every \nten minutes.\nSecond line."
        #expect(FlowedText.unflow(text, deleteSpace: false) == "The VPN drops every ten minutes.\nSecond line.")
    }

    @Test func deleteSpaceRemovesTheMarkerSpace() {
        #expect(FlowedText.unflow("日本語の \nテスト", deleteSpace: true) == "日本語のテスト")
    }

    @Test func quotedFlowedLinesKeepTheirDepth() {
        let text = "> Does it drop \n> every ten minutes?\n>> Older \n>> text\nYes."
        let expected = "> Does it drop every ten minutes?\n>> Older text\nYes."
        #expect(FlowedText.unflow(text, deleteSpace: false) == expected)
    }

    @Test func spaceStuffingIsRemoved() {
        #expect(FlowedText.unflow(" From here on\n >not a quote", deleteSpace: false) == "From here on\n>not a quote")
    }

    @Test func signatureDelimiterIsNotJoined() {
        #expect(FlowedText.unflow("Thanks\n-- \nTom", deleteSpace: false) == "Thanks\n-- \nTom")
    }
}
