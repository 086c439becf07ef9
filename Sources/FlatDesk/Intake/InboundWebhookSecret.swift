import Foundation

/// The shared secret that authenticates the inbound email webhook, kept outside the tracked files.
///
/// It is read from `FLATDESK_INBOUND_SECRET`, else from the secret store entry `inbound-webhook-secret`
/// (which `flatdesk mail secret` writes). A request presents it as the password of HTTP basic
/// authentication, which SendGrid sends for a URL such as `https://inbound:SECRET@desk.example/…`, or as
/// the `token` query parameter.
public enum InboundWebhookSecret {
    /// Name of the secret in the secret store.
    public static let secretName = "inbound-webhook-secret"
    /// Environment variable that supplies the secret instead of the secret store.
    public static let environmentKey = "FLATDESK_INBOUND_SECRET"

    /// Returns the configured secret, or nil when neither the environment nor the store has one.
    public static func configured(
        in secrets: SecretStore, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String? {
        if let value = environment[environmentKey]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
            return value
        }
        guard let stored = try? secrets.read(secretName) else { return nil }
        let value = stored.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// Creates a random secret, stores it, and returns it.
    /// - Throws: `CryptoError` when the secret store cannot be written.
    public static func generate(in secrets: SecretStore) throws(CryptoError) -> String {
        let secret = SecureRandom.token(byteCount: 32)
        try secrets.write(secretName, secret)
        return secret
    }

    /// Returns whether `request` presents `secret`, compared in constant time.
    public static func isAuthorized(_ request: HTTPRequest, secret: String) -> Bool {
        let candidates = [basicPassword(request.header("Authorization")), request.query["token"]].compactMap { $0 }
        let expected = MailMessageIDs.sha256Hex(Array(secret.utf8))
        var matched = false
        for candidate in candidates {
            let presented = MailMessageIDs.sha256Hex(Array(candidate.utf8))
            // Comparing digests keeps the time independent of where and whether the lengths differ.
            matched = HMACSHA256.constantTimeEquals(Array(presented.utf8), Array(expected.utf8)) || matched
        }
        return matched
    }

    /// Returns the password of an `Authorization: Basic …` header.
    static func basicPassword(_ header: String?) -> String? {
        guard let header, header.lowercased().hasPrefix("basic ") else { return nil }
        let encoded = header.dropFirst(6).trimmingCharacters(in: .whitespaces)
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        return String(text[text.index(after: colon)...])
    }
}
