import Foundation
import Synchronization
import Testing

@testable import FlatDesk

/// Records reset links instead of emailing them.
final class RecordingResetMailer: PasswordResetMailer {
    let links = Mutex<[String: String]>([:])

    func sendPasswordReset(to email: String, name: String, link: String) throws {
        links.withLock { $0[email] = link }
    }
}

@Suite struct PasswordResetTests {
    func serve(_ mailer: RecordingResetMailer?) throws -> (WebTestServer, HTTPServer) {
        let base = try WebTestServer()
        let app = WebApp(helpdesk: base.helpdesk, accounts: base.accounts, resetMailer: mailer)
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        let server = HTTPServer(configuration: configuration, router: app.makeRouter(), logger: Logger(label: "t", minimumLevel: .error))
        try server.start()
        return (base, server)
    }

    @Test func resetLinkSetsANewPasswordOnce() throws {
        let mailer = RecordingResetMailer()
        let (base, server) = try serve(mailer)
        defer { server.stop() }
        let client = WebClient(baseURL: "http://127.0.0.1:\(server.boundPort ?? 0)")
        let form = try client.get("/password-reset")
        #expect(try client.post("/password-reset", ["email": WebTestServer.customer], csrfFrom: form).status == 200)
        let link = try #require(mailer.links.withLock { $0[WebTestServer.customer] })
        let marker = try #require(link.range(of: "/password-reset/"))
        let path = String(link[marker.lowerBound...])
        let newPasswordForm = try client.get(path)
        #expect(newPasswordForm.status == 200)
        #expect(try client.post(path, ["password": "a-brand-new-secret"], csrfFrom: newPasswordForm).status == 200)
        #expect(base.accounts.verifyPassword("a-brand-new-secret", for: WebTestServer.customer))
        #expect(!base.accounts.verifyPassword(WebTestServer.password, for: WebTestServer.customer))
        #expect(try client.get(path).status == 404)
    }

    @Test func unknownAddressGetsTheSameAnswer() throws {
        let mailer = RecordingResetMailer()
        let (_, server) = try serve(mailer)
        defer { server.stop() }
        let client = WebClient(baseURL: "http://127.0.0.1:\(server.boundPort ?? 0)")
        let form = try client.get("/password-reset")
        let response = try client.post("/password-reset", ["email": "nobody@example.com"], csrfFrom: form)
        #expect(response.status == 200)
        #expect(response.text.contains("If that address has an account"))
        #expect(mailer.links.withLock { $0.isEmpty })
    }

    @Test func withoutMailTheFormExplainsWhy() throws {
        let (_, server) = try serve(nil)
        defer { server.stop() }
        let client = WebClient(baseURL: "http://127.0.0.1:\(server.boundPort ?? 0)")
        let form = try client.get("/password-reset")
        let response = try client.post("/password-reset", ["email": WebTestServer.customer], csrfFrom: form)
        #expect(response.status == 503)
        #expect(response.text.contains("flatdesk user passwd"))
        #expect(!(try client.get("/login").text.contains("href=\"/password-reset\"")), "sign-in offers no reset link")
    }

    @Test func signInOffersResetWithMail() throws {
        let (_, server) = try serve(RecordingResetMailer())
        defer { server.stop() }
        let client = WebClient(baseURL: "http://127.0.0.1:\(server.boundPort ?? 0)")
        #expect(try client.get("/login").text.contains("href=\"/password-reset\""))
    }
}
