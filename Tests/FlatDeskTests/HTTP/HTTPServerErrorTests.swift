import Foundation
import Testing

@testable import FlatDesk

private struct DatabaseFailure: Error, CustomStringConvertible {
    var description: String { "connection to db-internal-7 refused for user flatdesk_admin" }
}

@Suite("HTTPServer error handling")
struct HTTPServerErrorTests {
    @Test func mapsThrownHTTPError() throws {
        let router = Router()
        router.get("/secret") { _ in throw HTTPError(status: 403, message: "Not your ticket.") }
        let server = try TestServer(router: router)
        let text = try Curl.request(server.base + "/secret")
        let json = try Curl.request(server.base + "/secret", headers: ["Accept: application/json"])
        #expect(text.status == 403)
        #expect(text.text == "Not your ticket.")
        #expect(json.status == 403)
        #expect(json.text == #"{"error":"Not your ticket."}"#)
    }

    @Test func unexpectedErrorIsBare500() throws {
        let router = Router()
        router.get("/broken") { _ in throw DatabaseFailure() }
        let server = try TestServer(router: router)
        let response = try Curl.request(server.base + "/broken")
        #expect(response.status == 500)
        #expect(response.text == "Internal Server Error")
        #expect(!response.text.contains("db-internal-7"))
        let errorLine = server.sink.captured.first { $0.contains("request handler failed") }
        #expect(errorLine?.contains("db-internal-7") == true)
        #expect(errorLine?.contains("request.id=\(response.headers["X-Request-Id"] ?? "?")") == true)
    }

    @Test func rejectsTraversalBeforeRouting() throws {
        let router = Router()
        let reached = Recorder<String>()
        router.get("/*path") { request in
            reached.append(request.path)
            return .text("served")
        }
        let server = try TestServer(router: router)
        let paths = [
            "/static/../etc/passwd", "/static/%2e%2e/etc/passwd", "/static/%2E%2E/x", "/static/.%2e/x",
            "/static/%2e./x", "/a%2fb", "/a%2Fb", "/a%5cb", "/a%00b", "/a/./b", "/..", "/a\\b", "/a%ffb",
        ]
        for path in paths {
            let response = try Curl.request(server.base + path)
            #expect(response.status == 400, "path \(path)")
        }
        #expect(reached.all.isEmpty)
        #expect(try Curl.request(server.base + "/static/app.css").status == 200)
    }

    @Test func unknownMethodIs501() throws {
        let server = try TestServer(router: Router())
        let response = try Curl.request(server.base + "/", method: "BREW")
        #expect(response.status == 501)
    }

    @Test func invalidStatusBecomes500() throws {
        let router = Router()
        router.get("/") { _ in HTTPResponse(status: 1000) }
        let server = try TestServer(router: router)
        #expect(try Curl.request(server.base + "/").status == 500)
    }
}
