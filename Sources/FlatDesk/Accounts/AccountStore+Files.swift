import Foundation

/// Reading and writing the account files, which the server and the CLI (`flatdesk user …`) share.
///
/// Readers compare the file's stamp with the one last read and read the file again when another process
/// replaced it. So a token revoked or a password changed on the command line takes effect in a running
/// server at its next use. Writers hold an exclusive lock, read the file afresh, change it and write it.
extension AccountStore {
    static let passwordsFile = "passwords.json"
    static let tokensFile = "api-tokens.json"
    static let sessionsFile = "sessions.json"
    static let lockFile = "accounts.lock"

    /// Reads `passwords.json` again when it changed since it was last read. The sessions of a person
    /// whose password changed elsewhere end, as they do after a change made here.
    func reloadPasswordsIfChanged() {
        guard let (loaded, stamp) = readIfChanged(Self.passwordsFile, orEmpty: [String: String]()) else { return }
        let changed = passwords.withLock { current -> [String] in
            let emails = Set(current.keys).union(loaded.keys).filter { current[$0] != loaded[$0] }
            current = loaded
            return Array(emails)
        }
        remember(stamp, of: Self.passwordsFile)
        for email in changed where !email.isEmpty { endSessions(for: email) }
    }

    /// Reads `api-tokens.json` again when it changed since it was last read.
    func reloadTokensIfChanged() {
        guard let (loaded, stamp) = readIfChanged(Self.tokensFile, orEmpty: [APIToken]()) else { return }
        tokens.withLock { $0 = loaded }
        remember(stamp, of: Self.tokensFile)
    }

    /// Returns the decoded file and its stamp when its stamp differs from the last one read, else nil.
    /// A missing file reads as empty, and an unreadable one keeps what was read before.
    private func readIfChanged<T: Decodable>(_ name: String, orEmpty empty: T) -> (T, SecretStore.FileStamp?)?
    {
        let stamp = secrets.stamp(name)
        if let known = stamps.withLock({ $0[name] }), known == stamp { return nil }
        do {
            return ((try Self.readJSON(secrets, name, T.self)) ?? empty, stamp)
        } catch {
            return nil
        }
    }

    /// Records the stamp of the file as read. A nil stamp records that the file was missing.
    func remember(_ stamp: SecretStore.FileStamp?, of name: String) {
        stamps.withLock { _ = $0.updateValue(stamp, forKey: name) }
    }

    /// Changes `passwords.json` under the account lock, starting from what the file holds now.
    func changePasswords(_ change: (inout [String: String]) -> Void) throws {
        try secrets.withExclusiveLock(Self.lockFile) {
            var current = (try Self.readJSON(secrets, Self.passwordsFile, [String: String].self)) ?? [:]
            change(&current)
            try writeJSON(Self.passwordsFile, current)
            passwords.withLock { $0 = current }
            remember(secrets.stamp(Self.passwordsFile), of: Self.passwordsFile)
        }
    }

    /// Changes `api-tokens.json` under the account lock, starting from what the file holds now.
    func changeTokens(_ change: (inout [APIToken]) -> Void) throws {
        try secrets.withExclusiveLock(Self.lockFile) {
            var current = (try Self.readJSON(secrets, Self.tokensFile, [APIToken].self)) ?? []
            change(&current)
            try writeJSON(Self.tokensFile, current)
            tokens.withLock { $0 = current }
            remember(secrets.stamp(Self.tokensFile), of: Self.tokensFile)
        }
    }
}
