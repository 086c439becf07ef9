import Foundation
import Testing

@testable import FlatDesk

@Suite("HTTPServer routing and responses")
struct HTTPServerTests {
    private func ticketRouter() -> Router {
        let router = Router()
        router.get("/tickets/:id") { request in .text("ticket \(request.pathParameters["id"] ?? "-")") }
        router.delete("/tickets/:id") { _ in .noContent }
        return router
    }

    @Test func routesPathParameters() throws {
        let server = try TestServer(router: ticketRouter())
        let response = try Curl.request(server.base + "/tickets/FD-1042")
        #expect(response.status == 200)
        #expect(response.text == "ticket FD-1042")
    }

    @Test func decodesPathParameters() throws {
        let server = try TestServer(router: ticketRouter())
        let response = try Curl.request(server.base + "/tickets/VPN%20drops%20%C3%BC")
        #expect(response.text == "ticket VPN drops ü")
    }

    @Test func unknownPathIs404() throws {
        let server = try TestServer(router: ticketRouter())
        let response = try Curl.request(server.base + "/nowhere")
        #expect(response.status == 404)
        #expect(response.text == "Not Found")
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let server = try TestServer(router: ticketRouter())
        let response = try Curl.request(server.base + "/tickets/FD-1", method: "POST", body: Array("x".utf8))
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "GET, HEAD, DELETE, OPTIONS")
    }

    @Test func optionsListsAllowedMethods() throws {
        let server = try TestServer(router: ticketRouter())
        let response = try Curl.request(server.base + "/tickets/FD-1", method: "OPTIONS")
        #expect(response.status == 204)
        #expect(response.headers["Allow"] == "GET, HEAD, DELETE, OPTIONS")
    }

    @Test func headUsesGetRouteWithoutBody() throws {
        let server = try TestServer(router: ticketRouter())
        let response = try Curl.request(server.base + "/tickets/FD-7", method: "HEAD")
        #expect(response.status == 200)
        #expect(response.headers["Content-Length"] == String("ticket FD-7".utf8.count))
        #expect(response.body.isEmpty)
    }

    @Test func parsesQueryParameters() throws {
        let router = Router()
        let seen = Recorder<HTTPRequest>()
        router.get("/search") { request in
            seen.append(request)
            return .text("ok")
        }
        let server = try TestServer(router: router)
        _ = try Curl.request(server.base + "/search?q=vpn+drops&tag=a&tag=b%2Bc&empty=&flag&name=%C3%BC")
        let request = try #require(seen.all.first)
        #expect(request.query["q"] == "vpn drops")
        #expect(request.queryValues("tag") == ["a", "b+c"])
        #expect(request.query["empty"] == "")
        #expect(request.query["flag"] == "")
        #expect(request.query["name"] == "ü")
        #expect(request.path == "/search")
    }

    @Test func readsHeadersCookiesAndAddress() throws {
        let router = Router()
        let seen = Recorder<HTTPRequest>()
        router.get("/") { request in
            seen.append(request)
            return .text("ok")
        }
        let server = try TestServer(router: router)
        _ = try Curl.request(
            server.base + "/",
            headers: ["X-Custom-Header: Value 1", "Cookie: session=abc123; theme=dark"]
        )
        let request = try #require(seen.all.first)
        #expect(request.header("x-custom-header") == "Value 1")
        #expect(request.headers["X-CUSTOM-HEADER"] == "Value 1")
        #expect(request.cookies["session"] == "abc123")
        #expect(request.cookies["theme"] == "dark")
        #expect(request.remoteAddress == "127.0.0.1")
        #expect(request.requestID.count == 16)
    }

    @Test func addsSecurityHeadersAndRequestID() throws {
        let server = try TestServer(router: ticketRouter())
        for path in ["/tickets/FD-1", "/missing"] {
            let response = try Curl.request(server.base + path)
            #expect(response.headers["X-Content-Type-Options"] == "nosniff")
            #expect(response.headers["X-Frame-Options"] == "DENY")
            #expect(response.headers["Referrer-Policy"] == "same-origin")
            #expect(response.headers["Content-Security-Policy"] == "default-src 'self'")
            #expect(response.headers["X-Request-Id"]?.count == 16)
        }
    }

    @Test func keepsHandlerContentSecurityPolicy() throws {
        let router = Router()
        router.get("/") { _ in
            HTTPResponse.html("<p>hi</p>").withHeader("Content-Security-Policy", "default-src 'none'")
        }
        let server = try TestServer(router: router)
        let response = try Curl.request(server.base + "/")
        #expect(response.headers.values(for: "Content-Security-Policy") == ["default-src 'none'"])
    }

    @Test func dropsHeaderWithLineBreak() throws {
        let router = Router()
        router.get("/") { _ in HTTPResponse.text("ok").withHeader("X-Note", "a\r\nInjected: yes") }
        let server = try TestServer(router: router)
        let response = try Curl.request(server.base + "/")
        #expect(response.status == 200)
        #expect(response.headers["Injected"] == nil)
        #expect(response.headers["X-Note"] == nil)
    }

    @Test func middlewareWrapsEveryRequest() throws {
        let router = ticketRouter()
        router.use { request, next in
            guard request.header("Authorization") == "Bearer good" else { throw HTTPError.unauthorized }
            var request = request
            request.attributes["user"] = "lena"
            return try next(request).withHeader("X-User", request.attributes["user"] as? String ?? "")
        }
        router.use { request, next in
            try next(request).withHeader("X-Route", request.routePattern ?? "none")
        }
        let server = try TestServer(router: router)
        let denied = try Curl.request(server.base + "/tickets/FD-1")
        let allowed = try Curl.request(server.base + "/tickets/FD-1", headers: ["Authorization: Bearer good"])
        let missing = try Curl.request(server.base + "/other", headers: ["Authorization: Bearer good"])
        #expect(denied.status == 401)
        #expect(allowed.status == 200)
        #expect(allowed.headers["X-User"] == "lena")
        #expect(allowed.headers["X-Route"] == "/tickets/:id")
        #expect(missing.status == 404)
        #expect(missing.headers["X-Route"] == "none")
    }

    @Test func encodesJSONAndRedirects() throws {
        struct Ticket: Encodable {
            var id: String
            var tags: [String]
        }
        let router = Router()
        router.get("/json") { _ in try .json(Ticket(id: "FD-1", tags: ["vpn"]), status: 201) }
        router.post("/form") { _ in .redirect(to: "/tickets/FD-1") }
        let server = try TestServer(router: router)
        let json = try Curl.request(server.base + "/json")
        let redirect = try Curl.request(server.base + "/form", method: "POST", body: [])
        #expect(json.status == 201)
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(json.text == #"{"id":"FD-1","tags":["vpn"]}"#)
        #expect(redirect.status == 303)
        #expect(redirect.headers["Location"] == "/tickets/FD-1")
    }

    @Test func requestIDsAreDistinct() {
        let ids = (0..<1000).map { _ in HTTPRequest.makeRequestID() }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.count == 16 })
    }
}
