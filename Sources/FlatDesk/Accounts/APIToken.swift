import Foundation

/// A bearer token for integrations, stored as a digest; the token itself is shown once when created.
public struct APIToken: Codable, Sendable, Equatable {
    public var name: String
    /// The person the token acts as; commits made with it are authored by them.
    public var email: String
    /// The highest role the token may use, at most the person's own.
    public var role: Person.Role
    public var digest: String
    public var createdAt: Date
}

extension AccountStore {
    /// Creates a token acting as `email` with at most `role`.
    /// - Returns: the token text, which is not stored and cannot be shown again.
    public func createToken(name: String, email: String, role: Person.Role) throws -> String {
        let token = "fdt_" + SecureRandom.token(byteCount: 32)
        let record = APIToken(name: name, email: email.lowercased(), role: role, digest: digest(token), createdAt: Date())
        try changeTokens { list in
            list.removeAll { $0.name == record.name && $0.email == record.email }
            list.append(record)
        }
        return token
    }

    /// Returns the token record for a presented bearer token, or nil.
    public func token(matching presented: String) -> APIToken? {
        guard presented.hasPrefix("fdt_") else { return nil }
        let wanted = digest(presented)
        reloadTokensIfChanged()
        return tokens.withLock { list in
            list.first { HMACSHA256.constantTimeEquals(Array($0.digest.utf8), Array(wanted.utf8)) }
        }
    }

    /// Revokes the tokens named `name`; returns how many were removed.
    @discardableResult
    public func revokeTokens(named name: String) throws -> Int {
        var removed = 0
        try changeTokens { list in
            let before = list.count
            list.removeAll { $0.name == name }
            removed = before - list.count
        }
        return removed
    }

    /// Every token record, with digests in place of tokens.
    public var allTokens: [APIToken] {
        reloadTokensIfChanged()
        return tokens.withLock { $0 }
    }
}
