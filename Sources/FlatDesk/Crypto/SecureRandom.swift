import CSodium

/// Random bytes and tokens from libsodium's `randombytes_buf`, which reads the kernel's CSPRNG.
public enum SecureRandom {
    /// Returns `count` cryptographically secure random bytes.
    public static func bytes(count: Int) -> [UInt8] {
        precondition(count >= 0, "SecureRandom.bytes(count:) needs a count of at least 0, got \(count)")
        // libsodium aborts the process when it can open no random source, so a failed init cannot go unnoticed.
        _ = try? Sodium.ensureInitialized()
        var output = [UInt8](repeating: 0, count: count)
        randombytes_buf(&output, count)
        return output
    }

    /// Returns a random token for URLs, cookies and file names: `byteCount` random bytes as URL-safe base64
    /// without padding (alphabet `A-Z a-z 0-9 - _`), 43 characters for the default 32 bytes.
    public static func token(byteCount: Int = 32) -> String {
        base64URLEncoded(bytes(count: byteCount))
    }

    /// Encodes bytes as URL-safe base64 without padding through `sodium_bin2base64`.
    public static func base64URLEncoded(_ bytes: [UInt8]) -> String {
        let variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING
        let length = sodium_base64_encoded_len(bytes.count, variant)
        var output = [CChar](repeating: 0, count: length)
        sodium_bin2base64(&output, length, bytes, bytes.count, variant)
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
