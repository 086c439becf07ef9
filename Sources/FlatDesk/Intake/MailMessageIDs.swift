import CSodium
import Foundation

/// Message-ID helpers shared by the intake and the outbox.
enum MailMessageIDs {
    /// Longest Message-ID kept, in bytes; RFC 5322 lines are at most 998 bytes.
    static let maximumLength = 900

    /// The id as stored in entry attributes and logs: no angle brackets, whitespace or control characters.
    static func storable(_ id: String) -> String {
        let kept = id.unicodeScalars.filter { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && scalar != "<" && scalar != ">"
                && !scalar.properties.isWhitespace
        }
        return String(String.UnicodeScalarView(kept).prefix(maximumLength))
    }

    /// A stable id for a message without a Message-ID: its SHA-256 in hexadecimal at the reserved `.invalid` domain.
    static func derived(from raw: [UInt8]) -> String {
        "sha256-" + String(sha256Hex(raw).prefix(40)) + "@no-message-id.invalid"
    }

    /// SHA-256 of `bytes` in lowercase hexadecimal, through libsodium's `crypto_hash_sha256`.
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        _ = try? Sodium.ensureInitialized()
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_BYTES))
        _ = crypto_hash_sha256(&digest, bytes, UInt64(bytes.count))
        return HMACSHA256.hex(digest)
    }
}
