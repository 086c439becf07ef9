import Testing

@testable import FlatDesk

@Suite("Router")
struct RouterTests {
    private func respond(_ router: Router, _ method: HTTPMethod, _ path: String) throws -> HTTPResponse {
        try router.respond(to: HTTPRequest(method: method, path: path))
    }

    private func body(_ response: HTTPResponse) -> String {
        String(decoding: response.body, as: UTF8.self)
    }

    @Test func firstRegisteredMatchWins() throws {
        let router = Router()
        router.get("/tickets/new") { _ in .text("form") }
        router.get("/tickets/:id") { request in .text("ticket \(request.pathParameters["id"] ?? "")") }
        #expect(body(try respond(router, .get, "/tickets/new")) == "form")
        #expect(body(try respond(router, .get, "/tickets/FD-9")) == "ticket FD-9")
    }

    @Test func remainderMatchesRestOfPath() throws {
        let router = Router()
        router.get("/assets/*file") { request in .text(request.pathParameters["file"] ?? "-") }
        #expect(body(try respond(router, .get, "/assets/css/app.css")) == "css/app.css")
        #expect(body(try respond(router, .get, "/assets")) == "")
        #expect(try respond(router, .get, "/other").status == 404)
    }

    @Test func ignoresEmptySegments() throws {
        let router = Router()
        router.get("/kb/:slug") { request in .text(request.pathParameters["slug"] ?? "-") }
        #expect(body(try respond(router, .get, "/kb/reset-vpn/")) == "reset-vpn")
        #expect(body(try respond(router, .get, "//kb//reset-vpn")) == "reset-vpn")
        #expect(try respond(router, .get, "/kb/reset-vpn/extra").status == 404)
    }

    @Test func rootPatternMatchesRootOnly() throws {
        let router = Router()
        router.get("/") { _ in .text("home") }
        #expect(body(try respond(router, .get, "/")) == "home")
        #expect(try respond(router, .get, "/x").status == 404)
    }

    @Test func explicitHeadRouteWins() throws {
        let router = Router()
        router.get("/") { _ in .text("get") }
        router.add(.head, "/") { _ in HTTPResponse(status: 200, headers: ["X-Head": "yes"]) }
        #expect(try respond(router, .head, "/").headers["X-Head"] == "yes")
    }

    @Test func headFallsBackToGet() throws {
        let router = Router()
        router.get("/") { _ in .text("get") }
        #expect(body(try respond(router, .head, "/")) == "get")
    }

    @Test func wrongMethodListsAllowed() throws {
        let router = Router()
        router.post("/tickets") { _ in .text("created") }
        router.put("/tickets") { _ in .text("replaced") }
        let response = try respond(router, .get, "/tickets")
        #expect(response.status == 405)
        #expect(response.headers["Allow"] == "POST, PUT, OPTIONS")
    }

    @Test func middlewareRunsInRegistrationOrder() throws {
        let router = Router()
        let order = Recorder<String>()
        router.get("/") { _ in
            order.append("handler")
            return .text("ok")
        }
        router.use { request, next in
            order.append("outer")
            return try next(request)
        }
        router.use { request, next in
            order.append("inner")
            return try next(request)
        }
        _ = try respond(router, .get, "/")
        #expect(order.all == ["outer", "inner", "handler"])
    }

    @Test func middlewareCanRespondWithoutHandler() throws {
        let router = Router()
        let reached = Recorder<String>()
        router.post("/tickets") { _ in
            reached.append("handler")
            return .text("created")
        }
        router.use { request, next in
            guard request.header("X-CSRF-Token") == "expected" else { throw HTTPError(status: 403, message: "CSRF") }
            return try next(request)
        }
        #expect(throws: HTTPError(status: 403, message: "CSRF")) { try respond(router, .post, "/tickets") }
        #expect(reached.all.isEmpty)
    }

    @Test func routesAddedLaterAreServed() throws {
        let router = Router()
        #expect(try respond(router, .get, "/late").status == 404)
        router.get("/late") { _ in .text("here") }
        #expect(try respond(router, .get, "/late").status == 200)
    }
}
