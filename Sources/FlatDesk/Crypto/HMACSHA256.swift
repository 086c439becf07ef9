import CSodium

/// HMAC-SHA-256 (RFC 2104) through libsodium's `crypto_auth_hmacsha256_*` functions, for webhook signatures
/// and signed tokens.
public enum HMACSHA256 {
    /// Length of a tag in bytes.
    public static let tagLength = Int(crypto_auth_hmacsha256_BYTES)

    /// Computes the 32-byte tag of a message; keys of any length are accepted, as RFC 2104 specifies.
    public static func authenticate(message: [UInt8], key: [UInt8]) -> [UInt8] {
        _ = try? Sodium.ensureInitialized()
        var state = crypto_auth_hmacsha256_state()
        defer { sodium_memzero(&state, MemoryLayout<crypto_auth_hmacsha256_state>.size) }
        var tag = [UInt8](repeating: 0, count: tagLength)
        // The init, update and final calls return 0 for every input; only the one-shot variant limits key length.
        crypto_auth_hmacsha256_init(&state, key, key.count)
        crypto_auth_hmacsha256_update(&state, message, UInt64(message.count))
        crypto_auth_hmacsha256_final(&state, &tag)
        return tag
    }

    /// Computes the tag of a UTF-8 string message with a UTF-8 string key.
    public static func authenticate(message: String, key: String) -> [UInt8] {
        authenticate(message: Array(message.utf8), key: Array(key.utf8))
    }

    /// Checks a received tag against the message in constant time; a tag of the wrong length is rejected.
    public static func verify(_ tag: [UInt8], message: [UInt8], key: [UInt8]) -> Bool {
        constantTimeEquals(tag, authenticate(message: message, key: key))
    }

    /// Compares two byte arrays with `sodium_memcmp`, whose time does not depend on where they differ.
    /// - Returns: false when the lengths differ; the length itself is not secret.
    public static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard !lhs.isEmpty else { return true }
        return sodium_memcmp(lhs, rhs, lhs.count) == 0
    }

    /// Encodes bytes as lowercase hexadecimal through `sodium_bin2hex`.
    public static func hex(_ bytes: [UInt8]) -> String {
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 1)
        sodium_bin2hex(&output, output.count, bytes, bytes.count)
        return String(decoding: output.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Decodes hexadecimal (either case) through `sodium_hex2bin`.
    /// - Returns: nil for an odd length or a character that is not a hex digit.
    public static func bytes(fromHex hex: String) -> [UInt8]? {
        let input = Array(hex.utf8)
        guard input.count % 2 == 0 else { return nil }
        guard !input.isEmpty else { return [] }
        var output = [UInt8](repeating: 0, count: input.count / 2)
        var written = 0
        let result = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                sodium_hex2bin(&output, output.count, chars.baseAddress, chars.count, nil, &written, nil)
            }
        }
        guard result == 0, written == output.count else { return nil }
        return output
    }
}
