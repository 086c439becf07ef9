import Foundation

/// A signed-in browser session. The id is only in the cookie; the store keeps its digest.
public struct Session: Codable, Sendable, Equatable {
    public var email: String
    /// The token every state-changing form and browser API call must carry.
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
}

extension AccountStore {
    /// How long a session lasts without being used.
    public static let sessionLifetime: TimeInterval = 12 * 3600

    /// Starts a session for `email`; returns the session id for the cookie and the session.
    public func startSession(for email: String, now: Date = Date()) -> (id: String, session: Session) {
        let id = SecureRandom.token(byteCount: 32)
        let session = Session(
            email: email.lowercased(), csrfToken: SecureRandom.token(byteCount: 24), createdAt: now,
            expiresAt: now.addingTimeInterval(AccountStore.sessionLifetime))
        let key = digest(id)
        sessions.withLock { all in
            all = all.filter { $0.value.expiresAt > now }
            all[key] = session
        }
        return (id, session)
    }

    /// Returns the live session for a cookie's id and extends it; nil when unknown or expired.
    public func session(id: String, now: Date = Date()) -> Session? {
        let key = digest(id)
        return sessions.withLock { all in
            guard var session = all[key] else { return nil }
            guard session.expiresAt > now else {
                all[key] = nil
                return nil
            }
            session.expiresAt = now.addingTimeInterval(AccountStore.sessionLifetime)
            all[key] = session
            return session
        }
    }

    /// Ends a session.
    public func endSession(id: String) {
        let key = digest(id)
        sessions.withLock { _ = $0.removeValue(forKey: key) }
    }

    /// Ends every session of `email`, for example after a password change.
    public func endSessions(for email: String) {
        let address = email.lowercased()
        sessions.withLock { all in all = all.filter { $0.value.email != address } }
    }
}
