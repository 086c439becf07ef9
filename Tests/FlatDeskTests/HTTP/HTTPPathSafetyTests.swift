import Testing

@testable import FlatDesk

@Suite("HTTPPathSafety")
struct HTTPPathSafetyTests {
    @Test(arguments: [
        "/../etc/passwd", "/a/..", "/a/%2e%2e/b", "/a/%2E%2e", "/a/.%2E/b", "/a/./b", "/a%2fb", "/a%5Cb",
        "/a%00", "/a\\b", "relative", "", "/%C0%AF", "*",
    ])
    func rejectsUnsafePath(_ path: String) {
        #expect(HTTPPathSafety.decodedPath(path) == nil)
    }

    @Test func decodesSafePath() {
        #expect(HTTPPathSafety.decodedPath("/kb/reset%20vpn") == "/kb/reset vpn")
        #expect(HTTPPathSafety.decodedPath("/a+b") == "/a+b")
        #expect(HTTPPathSafety.decodedPath("/file..txt") == "/file..txt")
        #expect(HTTPPathSafety.decodedPath("/%252e%252e") == "/%2e%2e")
    }

    @Test func loggableReplacesControlCharacters() {
        #expect(HTTPPathSafety.loggable("/a b\u{7}é") == "/a?b???")
    }
}
