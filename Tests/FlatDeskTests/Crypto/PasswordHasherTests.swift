import CSodium
import Testing

@testable import FlatDesk

@Suite struct PasswordHasherTests {
    /// Minimum Argon2id limits keep these tests fast; one test covers the default limits.
    let fastHasher = PasswordHasher(
        opsLimit: UInt64(crypto_pwhash_opslimit_min()), memLimit: crypto_pwhash_memlimit_min())

    @Test func verifyAcceptsHashedPassword() throws {
        let hash = try fastHasher.hash("correct horse battery staple")
        #expect(fastHasher.verify("correct horse battery staple", against: hash))
    }

    @Test func verifyRejectsWrongPassword() throws {
        let hash = try fastHasher.hash("correct horse battery staple")
        #expect(!fastHasher.verify("correct horse battery stapler", against: hash))
        #expect(!fastHasher.verify("", against: hash))
    }

    @Test func hashesOfOnePasswordDiffer() throws {
        let first = try fastHasher.hash("s3cret")
        let second = try fastHasher.hash("s3cret")
        #expect(first != second)
        #expect(fastHasher.verify("s3cret", against: first))
        #expect(fastHasher.verify("s3cret", against: second))
    }

    @Test func hashUsesArgon2idWithGivenLimits() throws {
        let hash = try fastHasher.hash("pässwörd ✓")
        #expect(hash.hasPrefix("$argon2id$v=19$m=8,t=1,p=1$"))
        #expect(fastHasher.verify("pässwörd ✓", against: hash))
    }

    @Test func defaultLimitsAreInteractive() throws {
        let hasher = PasswordHasher()
        let hash = try hasher.hash("hunter2")
        #expect(hash.hasPrefix("$argon2id$v=19$m=65536,t=2,p=1$"))
        #expect(hasher.verify("hunter2", against: hash))
        #expect(!hasher.needsRehash(hash))
    }

    @Test func needsRehashAfterLimitsChange() throws {
        let hash = try fastHasher.hash("hunter2")
        let stronger = PasswordHasher(opsLimit: 3, memLimit: crypto_pwhash_memlimit_min())
        #expect(!fastHasher.needsRehash(hash))
        #expect(stronger.needsRehash(hash))
    }

    @Test func malformedHashIsRejected() {
        #expect(!fastHasher.verify("x", against: "not a hash"))
        #expect(!fastHasher.verify("x", against: String(repeating: "$", count: 500)))
        #expect(fastHasher.needsRehash("not a hash"))
        #expect(fastHasher.needsRehash("$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"))
    }
}
