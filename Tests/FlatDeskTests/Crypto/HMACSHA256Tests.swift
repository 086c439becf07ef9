import Testing

@testable import FlatDesk

@Suite struct HMACSHA256Tests {
    struct Vector: Sendable {
        let name: String
        let key: [UInt8]
        let data: [UInt8]
        let tag: String
    }

    /// HMAC-SHA-256 test cases 1 to 7 of RFC 4231 section 4; case 5 lists only the first 128 bits.
    static let rfc4231: [Vector] = [
        Vector(
            name: "case 1", key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
            tag: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Vector(
            name: "case 2", key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
            tag: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Vector(
            name: "case 3", key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
            tag: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Vector(
            name: "case 4", key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50),
            tag: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        Vector(
            name: "case 5", key: [UInt8](repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
            tag: "a3b6167473100ee06e0c796c2955552b"),
        Vector(
            name: "case 6", key: [UInt8](repeating: 0xaa, count: 131),
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            tag: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Vector(
            name: "case 7", key: [UInt8](repeating: 0xaa, count: 131),
            data: Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            tag: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: rfc4231)
    func tagMatchesRFC4231(vector: Vector) {
        let tag = HMACSHA256.authenticate(message: vector.data, key: vector.key)
        #expect(tag.count == 32)
        #expect(HMACSHA256.hex(tag).hasPrefix(vector.tag), "\(vector.name)")
    }

    @Test func verifyAcceptsMatchingTag() throws {
        let vector = Self.rfc4231[1]
        let tag = try #require(HMACSHA256.bytes(fromHex: vector.tag))
        #expect(HMACSHA256.verify(tag, message: vector.data, key: vector.key))
    }

    @Test func verifyRejectsAlteredInputs() throws {
        let vector = Self.rfc4231[1]
        let tag = try #require(HMACSHA256.bytes(fromHex: vector.tag))
        var flipped = tag
        flipped[31] ^= 0x01
        #expect(!HMACSHA256.verify(flipped, message: vector.data, key: vector.key))
        #expect(!HMACSHA256.verify(Array(tag.prefix(16)), message: vector.data, key: vector.key))
        #expect(!HMACSHA256.verify(tag, message: vector.data + [0x20], key: vector.key))
        #expect(!HMACSHA256.verify(tag, message: vector.data, key: Array("Jeff".utf8)))
    }

    @Test func stringOverloadMatchesBytes() {
        let fromStrings = HMACSHA256.authenticate(message: "what do ya want for nothing?", key: "Jefe")
        #expect(HMACSHA256.hex(fromStrings) == Self.rfc4231[1].tag)
    }

    @Test func constantTimeEqualsComparesContent() {
        #expect(HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(HMACSHA256.constantTimeEquals([], []))
    }

    @Test func hexRoundTrips() {
        #expect(HMACSHA256.hex([0x00, 0x7f, 0xff]) == "007fff")
        #expect(HMACSHA256.bytes(fromHex: "007FFF") == [0x00, 0x7f, 0xff])
        #expect(HMACSHA256.bytes(fromHex: "") == [])
        #expect(HMACSHA256.bytes(fromHex: "abc") == nil)
        #expect(HMACSHA256.bytes(fromHex: "zz") == nil)
    }
}
