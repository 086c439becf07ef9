import Foundation
import Testing

@testable import FlatDesk

@Suite struct AuthenticationTests {
    @Test func agentSignsInAndOut() throws {
        let server = try WebTestServer()
        let client = server.client()
        let response = try client.signIn(WebTestServer.agent, password: WebTestServer.password)
        #expect(response.status == 303)
        #expect(response.headers["Location"] == "/console")
        let cookie = response.headers.values(for: "Set-Cookie").first { $0.hasPrefix("fd_session=") } ?? ""
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("SameSite=Lax"))
        let console = try client.get("/console")
        #expect(console.status == 200)
        let signedOut = try client.post("/logout", [:], csrfFrom: console)
        #expect(signedOut.status == 303)
        #expect(try client.get("/console").status == 303)
    }

    @Test func wrongPasswordIsRejectedAndThrottled() throws {
        let server = try WebTestServer()
        let client = server.client()
        for _ in 0..<5 {
            #expect(try client.signIn(WebTestServer.agent, password: "wrong-password-1").status == 401)
        }
        let throttled = try client.signIn(WebTestServer.agent, password: WebTestServer.password)
        #expect(throttled.status == 429)
        #expect(throttled.headers["Retry-After"] != nil)
        #expect(try server.client().signIn(WebTestServer.customer, password: WebTestServer.password).status == 303)
    }

    @Test func missingCSRFTokenIsForbidden() throws {
        let server = try WebTestServer()
        let client = try server.signedIn(WebTestServer.agent)
        #expect(try client.request("POST", "/logout", form: [:]).status == 403)
        #expect(try client.request("POST", "/logout", form: ["_csrf": "forged"]).status == 403)
        #expect(try server.client().request("POST", "/login", form: ["email": WebTestServer.agent, "password": WebTestServer.password]).status == 403)
    }

    @Test func customerCannotOpenTheConsole() throws {
        let server = try WebTestServer()
        let client = try server.signedIn(WebTestServer.customer)
        #expect(try client.get("/console").status == 403)
        #expect(try server.client().get("/console").status == 303)
    }

    @Test func bearerTokenActsAsItsPerson() throws {
        let server = try WebTestServer()
        let token = try server.accounts.createToken(name: "ci", email: WebTestServer.agent, role: .agent)
        let me = try server.client().get("/api/v1/me", headers: ["Authorization: Bearer \(token)"])
        #expect(me.status == 200)
        #expect(me.text.contains(WebTestServer.agent))
        #expect(try server.client().get("/api/v1/me", headers: ["Authorization: Bearer fdt_wrong"]).status == 401)
        #expect(try server.client().get("/api/v1/me").status == 401)
    }

    @Test func openRedirectIsIgnored() throws {
        let server = try WebTestServer()
        let client = server.client()
        let login = try client.get("/login?next=//evil.example/")
        let response = try client.post("/login", ["email": WebTestServer.agent, "password": WebTestServer.password, "next": "//evil.example/"], csrfFrom: login)
        #expect(response.headers["Location"] == "/console")
    }

    @Test func secretsStayOutOfTrackedFiles() throws {
        let server = try WebTestServer()
        _ = try server.accounts.createToken(name: "ci", email: WebTestServer.agent, role: .agent)
        let search = try TestSupport.run("git", ["--git-dir", server.path, "grep", "-l", "-e", "argon2id", "-e", "fdt_", "HEAD"])
        #expect(search.status == 1, "secrets found in tracked files: \(search.output)")
        #expect(server.accounts.hasPassword(WebTestServer.agent))
    }
}
