import Foundation
import Synchronization

/// Credentials, sessions and API tokens of one helpdesk, kept outside the tracked files.
///
/// Everything lives in the helpdesk's secret store (`.git/flatdesk/secrets/`, mode 0700, files 0600,
/// or `FLATDESK_SECRETS_DIR`): `passwords.json` maps emails to Argon2id hashes, `api-tokens.json`
/// holds HMAC digests of tokens (never the tokens), and `session-key` is the random key that digests
/// tokens and session ids.
public final class AccountStore: Sendable {
    public let secrets: SecretStore
    let hasher: PasswordHasher
    let key: [UInt8]
    let passwords = Mutex<[String: String]>([:])
    let tokens = Mutex<[APIToken]>([])
    let sessions = Mutex<[String: Session]>([:])
    /// The stamps of the secret files as last read, to notice when another process replaced them.
    let stamps = Mutex<[String: SecretStore.FileStamp?]>([:])
    /// When the sessions file was last written because sessions were extended.
    let sessionsSavedAt = Mutex<Date>(.distantPast)

    /// Opens the account data of the helpdesk whose git directory is `gitDirectory`.
    /// - Parameter hasher: the password hasher; tests pass libsodium's minimum limits for speed.
    public init(gitDirectory: String, hasher: PasswordHasher = PasswordHasher(), environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let override = environment[SecretStore.directoryEnvironmentKey] ?? ""
        secrets = SecretStore(directory: override.isEmpty ? gitDirectory + "flatdesk/secrets" : override)
        self.hasher = hasher
        key = try AccountStore.loadOrCreateKey(secrets)
        reloadPasswordsIfChanged()
        reloadTokensIfChanged()
        loadSessions()
    }

    private static func loadOrCreateKey(_ secrets: SecretStore) throws -> [UInt8] {
        if let existing = try secrets.readBytes("session-key"), existing.count == 32 { return existing }
        let fresh = SecureRandom.bytes(count: 32)
        try secrets.writeBytes("session-key", fresh)
        return fresh
    }

    static func readJSON<T: Decodable>(_ secrets: SecretStore, _ name: String, _ type: T.Type) throws -> T? {
        guard let bytes = try secrets.readBytes(name) else { return nil }
        return try JSONDecoder().decode(type, from: Data(bytes))
    }

    func writeJSON<T: Encodable>(_ name: String, _ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try secrets.writeBytes(name, [UInt8](try encoder.encode(value)))
    }

    /// HMAC-SHA256 of `secret` under the store's key, as hex; what is stored in place of tokens and session ids.
    func digest(_ secret: String) -> String {
        HMACSHA256.hex(HMACSHA256.authenticate(message: Array(secret.utf8), key: key))
    }

    // MARK: - Passwords

    /// Sets a person's password.
    /// - Throws: `AccountError.weakPassword` for a password shorter than 10 characters or equal to the email.
    public func setPassword(_ password: String, for email: String) throws {
        let address = email.lowercased()
        guard password.count >= 10 else { throw AccountError.weakPassword(reason: "use at least 10 characters") }
        guard password.lowercased() != address else { throw AccountError.weakPassword(reason: "it equals the email address") }
        let hash = try hasher.hash(password)
        try changePasswords { $0[address] = hash }
    }

    /// Checks `password` against the person's hash; returns false for a person without one.
    public func verifyPassword(_ password: String, for email: String) -> Bool {
        reloadPasswordsIfChanged()
        guard let hash = passwords.withLock({ $0[email.lowercased()] }) else {
            _ = hasher.verify(password, against: AccountStore.dummyHash)
            return false
        }
        return hasher.verify(password, against: hash)
    }

    /// Returns whether the person has a password set.
    public func hasPassword(_ email: String) -> Bool {
        reloadPasswordsIfChanged()
        return passwords.withLock { $0[email.lowercased()] != nil }
    }

    /// A hash verified for unknown accounts so that timing does not reveal which emails exist.
    private static let dummyHash = (try? PasswordHasher(opsLimit: 1, memLimit: 8192).hash("no account")) ?? ""
}
