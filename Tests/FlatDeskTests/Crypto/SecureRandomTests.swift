import Testing

@testable import FlatDesk

@Suite struct SecureRandomTests {
    static let urlSafeAlphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    @Test func bytesHaveRequestedCount() {
        #expect(SecureRandom.bytes(count: 0).isEmpty)
        #expect(SecureRandom.bytes(count: 1000).count == 1000)
    }

    @Test func bytesDifferBetweenCalls() {
        #expect(SecureRandom.bytes(count: 32) != SecureRandom.bytes(count: 32))
    }

    @Test func tokenHasLengthAndAlphabet() {
        let token = SecureRandom.token()
        #expect(token.count == 43)
        #expect(token.allSatisfy { Self.urlSafeAlphabet.contains($0) })
    }

    @Test(arguments: [1, 2, 3, 16, 18, 64])
    func tokenLengthFollowsByteCount(byteCount: Int) {
        let token = SecureRandom.token(byteCount: byteCount)
        #expect(token.count == (byteCount * 4 + 2) / 3)
        #expect(!token.contains("="))
    }

    @Test func tokensAreUnique() {
        let tokens = Set((0..<1000).map { _ in SecureRandom.token() })
        #expect(tokens.count == 1000)
    }

    @Test func base64URLUsesURLSafeCharacters() {
        #expect(SecureRandom.base64URLEncoded([0xfb, 0xff, 0xbf]) == "-_-_")
        #expect(SecureRandom.base64URLEncoded(Array("hi".utf8)) == "aGk")
        #expect(SecureRandom.base64URLEncoded([]) == "")
    }
}
