import Foundation

/// A pending password reset: the digest of the emailed token and when it expires.
struct PasswordResetRecord: Codable, Sendable {
    var email: String
    var digest: String
    var expiresAt: Date
}

extension AccountStore {
    /// How long an emailed reset link stays valid.
    public static let resetLifetime: TimeInterval = 3600

    /// Creates a one-time reset token for `email`, replacing any earlier one; the token goes into the emailed link.
    public func createResetToken(for email: String, now: Date = Date()) throws -> String {
        let token = SecureRandom.token(byteCount: 32)
        var records = (try? Self.readJSON(secrets, "password-resets.json", [PasswordResetRecord].self)) ?? []
        records.removeAll { $0.email == email.lowercased() || $0.expiresAt <= now }
        records.append(PasswordResetRecord(email: email.lowercased(), digest: digest(token), expiresAt: now.addingTimeInterval(Self.resetLifetime)))
        try writeJSON("password-resets.json", records)
        return token
    }

    /// Returns the email a live reset token belongs to, without using it up.
    public func resetEmail(for token: String, now: Date = Date()) -> String? {
        let wanted = digest(token)
        let records = (try? Self.readJSON(secrets, "password-resets.json", [PasswordResetRecord].self)) ?? []
        return records.first { $0.digest == wanted && $0.expiresAt > now }?.email
    }

    /// Sets a new password with a reset token, which then stops working, and ends the person's sessions.
    /// - Returns: the email whose password changed, or nil for an unknown or expired token.
    public func resetPassword(token: String, newPassword: String, now: Date = Date()) throws -> String? {
        guard let email = resetEmail(for: token, now: now) else { return nil }
        try setPassword(newPassword, for: email)
        var records = (try? Self.readJSON(secrets, "password-resets.json", [PasswordResetRecord].self)) ?? []
        records.removeAll { $0.email == email }
        try writeJSON("password-resets.json", records)
        endSessions(for: email)
        return email
    }
}

/// Sends password-reset links by email; the mail layer provides it when SMTP is configured.
public protocol PasswordResetMailer: Sendable {
    /// Sends `link` to `email`.
    func sendPasswordReset(to email: String, name: String, link: String) throws
}
