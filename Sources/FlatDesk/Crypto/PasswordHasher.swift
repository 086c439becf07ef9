import CSodium

/// Hashes and verifies passwords with Argon2id through libsodium's `crypto_pwhash_str`.
///
/// The stored string is libsodium's self-describing format (`$argon2id$v=19$m=…,t=…,p=1$salt$hash`), so
/// `verify` needs no parameters and `needsRehash` can tell when the limits have been raised since.
public struct PasswordHasher: Sendable {
    /// Number of Argon2id passes.
    public let opsLimit: UInt64
    /// Memory used by one hash, in bytes.
    public let memLimit: Int

    /// Creates a hasher; the defaults are libsodium's interactive limits (2 passes, 64 MiB in 1.0.18).
    /// - Parameters:
    ///   - opsLimit: passes, at least `crypto_pwhash_opslimit_min()`; tests pass the minimum for speed.
    ///   - memLimit: bytes, at least `crypto_pwhash_memlimit_min()`.
    public init(
        opsLimit: UInt64 = UInt64(crypto_pwhash_opslimit_interactive()),
        memLimit: Int = crypto_pwhash_memlimit_interactive()
    ) {
        self.opsLimit = opsLimit
        self.memLimit = memLimit
    }

    /// Hashes a password with a fresh random salt.
    /// - Returns: the encoded hash, ASCII, at most `crypto_pwhash_STRBYTES - 1` characters.
    /// - Throws: `CryptoError` when libsodium cannot initialize or allocate the requested memory.
    public func hash(_ password: String) throws(CryptoError) -> String {
        try Sodium.ensureInitialized()
        var output = [CChar](repeating: 0, count: crypto_pwhash_strbytes())
        var bytes = Array(password.utf8)
        defer { sodium_memzero(&bytes, bytes.count) }
        let result = crypto_pwhash_str(&output, bytes, UInt64(bytes.count), opsLimit, memLimit)
        try Sodium.check(result, "crypto_pwhash_str")
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Checks a password against a hash from `hash(_:)`, in time independent of where they differ.
    /// - Returns: false for a wrong password and for a hash string libsodium cannot parse.
    public func verify(_ password: String, against hash: String) -> Bool {
        guard (try? Sodium.ensureInitialized()) != nil, let encoded = Self.hashBuffer(hash) else { return false }
        var bytes = Array(password.utf8)
        defer { sodium_memzero(&bytes, bytes.count) }
        return crypto_pwhash_str_verify(encoded, bytes, UInt64(bytes.count)) == 0
    }

    /// Tells whether a stored hash was made with other limits or another algorithm than this hasher's.
    /// - Returns: true also for a string that is not a libsodium password hash, so callers replace it.
    public func needsRehash(_ hash: String) -> Bool {
        guard (try? Sodium.ensureInitialized()) != nil, let encoded = Self.hashBuffer(hash) else { return true }
        guard hash.hasPrefix("$argon2id$") else { return true }
        return crypto_pwhash_str_needs_rehash(encoded, opsLimit, memLimit) != 0
    }

    /// Copies a hash string into a zero-padded buffer of `crypto_pwhash_STRBYTES` bytes, the size the C
    /// functions declare, or returns nil when it does not fit or contains a NUL byte.
    private static func hashBuffer(_ hash: String) -> [CChar]? {
        let bytes = Array(hash.utf8)
        let size = crypto_pwhash_strbytes()
        guard bytes.count < size, !bytes.contains(0) else { return nil }
        return bytes.map { CChar(bitPattern: $0) } + [CChar](repeating: 0, count: size - bytes.count)
    }
}
