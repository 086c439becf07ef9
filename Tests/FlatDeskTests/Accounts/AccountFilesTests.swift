import Foundation
import Testing

@testable import FlatDesk

/// The server and the CLI open the same account files, so each must see the other's changes.
@Suite struct AccountFilesTests {
    let folder = TestSupport.temporaryFolder("accounts")
    let hasher = PasswordHasher(opsLimit: 1, memLimit: 8192)

    /// Opens the account store as another process would: its own instance on the same secrets folder.
    func open() throws -> AccountStore {
        try AccountStore(
            gitDirectory: folder + "/", hasher: hasher, environment: [SecretStore.directoryEnvironmentKey: folder + "/secrets"])
    }

    @Test func tokenFromOtherProcessWorks() throws {
        let server = try open()
        let cli = try open()
        let token = try cli.createToken(name: "monitoring", email: "lena@example.com", role: .agent)
        #expect(server.token(matching: token)?.name == "monitoring")
        #expect(try cli.revokeTokens(named: "monitoring") == 1)
        #expect(server.token(matching: token) == nil, "a revoked token stops working at once")
    }

    @Test func passwordFromOtherProcessWorks() throws {
        let server = try open()
        let cli = try open()
        try cli.setPassword("first-password-1", for: "lena@example.com")
        #expect(server.verifyPassword("first-password-1", for: "lena@example.com"))
        let (id, _) = server.startSession(for: "lena@example.com")
        #expect(server.session(id: id) != nil)

        try cli.setPassword("second-password-2", for: "Lena@example.com")
        #expect(!server.verifyPassword("first-password-1", for: "lena@example.com"))
        #expect(server.verifyPassword("second-password-2", for: "lena@example.com"))
        #expect(server.session(id: id) == nil, "a password changed elsewhere ends the person's sessions")
    }

    @Test func writersKeepEachOthersTokens() throws {
        let first = try open()
        let second = try open()
        for number in 0..<5 {
            _ = try first.createToken(name: "first-\(number)", email: "a@example.com", role: .agent)
            _ = try second.createToken(name: "second-\(number)", email: "b@example.com", role: .agent)
        }
        let names = Set(try open().allTokens.map(\.name))
        #expect(names.count == 10)
        #expect(names.contains("first-4"))
        #expect(names.contains("second-0"))
    }

    @Test func sessionsSurviveRestart() throws {
        let before = try open()
        let (kept, session) = before.startSession(for: "lena@example.com")
        let (ended, _) = before.startSession(for: "tom@example.com")
        before.endSession(id: ended)

        let after = try open()
        #expect(after.session(id: kept)?.csrfToken == session.csrfToken)
        #expect(after.session(id: ended) == nil)
        let saved = try #require(try after.secrets.readBytes(AccountStore.sessionsFile))
        #expect(!String(decoding: saved, as: UTF8.self).contains(kept), "the file holds digests, never session ids")
    }

    @Test func expiredSessionsAreNotRestored() throws {
        let before = try open()
        let start = Date().addingTimeInterval(-AccountStore.sessionLifetime - 60)
        let (old, _) = before.startSession(for: "lena@example.com", now: start)
        #expect(try open().session(id: old) == nil)
    }
}
