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
        saveSessions(now: now)
        return (id, session)
    }

    /// Returns the live session for a cookie's id and extends it; nil when unknown or expired.
    public func session(id: String, now: Date = Date()) -> Session? {
        let key = digest(id)
        let found = sessions.withLock { all -> Session? in
            guard var session = all[key] else { return nil }
            guard session.expiresAt > now else {
                all[key] = nil
                return nil
            }
            session.expiresAt = now.addingTimeInterval(AccountStore.sessionLifetime)
            all[key] = session
            return session
        }
        // Extended expiry times reach the file every few minutes, not on every request.
        let lastSave = sessionsSavedAt.withLock { $0 }
        if found != nil, now.timeIntervalSince(lastSave) > AccountStore.sessionSaveInterval {
            saveSessions(now: now)
        }
        return found
    }

    /// Ends a session.
    public func endSession(id: String) {
        let key = digest(id)
        sessions.withLock { _ = $0.removeValue(forKey: key) }
        saveSessions()
    }

    /// Ends every session of `email`, for example after a password change.
    public func endSessions(for email: String) {
        let address = email.lowercased()
        let ended = sessions.withLock { all -> Bool in
            let before = all.count
            all = all.filter { $0.value.email != address }
            return all.count != before
        }
        if ended { saveSessions() }
    }

    /// The maximum time between two writes of the sessions file when sessions were only extended.
    static let sessionSaveInterval: TimeInterval = 300

    /// Reads the sessions that a previous run of the server saved, leaving out expired ones.
    func loadSessions(now: Date = Date()) {
        let saved = (try? Self.readJSON(secrets, Self.sessionsFile, [String: Session].self)) ?? nil
        sessions.withLock { $0 = (saved ?? [:]).filter { $0.value.expiresAt > now } }
    }

    /// Writes the live sessions, keyed by the digests of their ids, so that a restart keeps people signed in.
    /// A failed write only costs a sign-in after the next restart, so it is not reported.
    func saveSessions(now: Date = Date()) {
        let live = sessions.withLock { $0.filter { $0.value.expiresAt > now } }
        sessionsSavedAt.withLock { $0 = now }
        try? writeJSON(Self.sessionsFile, live)
    }
}
