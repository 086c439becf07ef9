import Foundation
import Testing

@testable import FlatDesk

@Suite struct OutboundHTTPClientTests {
    /// What the echo server received, decoded from its JSON response.
    struct Echo: Decodable {
        let method: String
        let path: String
        let headers: [[String]]
        let body: String

        func header(_ name: String) -> String? {
            headers.first { $0.first?.lowercased() == name.lowercased() }?.last
        }

        var bodyBytes: [UInt8] { Data(base64Encoded: body).map(Array.init) ?? [] }
    }

    let client = OutboundHTTPClient()

    func echo(_ response: OutboundHTTPResponse) throws -> Echo {
        try JSONDecoder().decode(Echo.self, from: Data(response.body))
    }

    @Test func postSendsMethodHeadersAndBody() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let body = Array(#"{"model":"local","messages":[]}"#.utf8)
        let request = OutboundHTTPRequest(
            method: "POST", url: "http://127.0.0.1:\(server.port)/v1/chat/completions",
            headers: [
                OutboundHTTPHeader(name: "Authorization", value: "Bearer sk-test"),
                OutboundHTTPHeader(name: "Content-Type", value: "application/json"),
            ], body: body)
        let response = try client.send(request)
        let received = try echo(response)
        #expect(response.status == 200)
        #expect(received.method == "POST")
        #expect(received.path == "/v1/chat/completions")
        #expect(received.header("Authorization") == "Bearer sk-test")
        #expect(received.header("Content-Type") == "application/json")
        #expect(received.header("Content-Length") == "\(body.count)")
        #expect(received.header("User-Agent") == "FlatDesk")
        #expect(received.bodyBytes == body)
    }

    @Test func responseHeadersAreReturned() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let response = try client.send(OutboundHTTPRequest(url: "http://127.0.0.1:\(server.port)/"))
        #expect(response.header("x-test-server") == "echo")
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.header("Content-Length") == "\(response.body.count)")
        #expect(!response.headers.contains { $0.name.hasPrefix("HTTP/") })
    }

    @Test func getSendsNoBodyOrContentType() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let response = try client.send(OutboundHTTPRequest(url: "http://127.0.0.1:\(server.port)/items?id=7"))
        let received = try echo(response)
        #expect(received.method == "GET")
        #expect(received.path == "/items?id=7")
        #expect(received.header("Content-Type") == nil)
        #expect(received.bodyBytes.isEmpty)
    }

    @Test(arguments: ["PUT", "PATCH", "DELETE"])
    func otherMethodsArrive(method: String) throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let body: [UInt8] = method == "DELETE" ? [] : Array("payload".utf8)
        let request = OutboundHTTPRequest(
            method: method, url: "http://127.0.0.1:\(server.port)/r", headers: [:], body: body)
        let received = try echo(try client.send(request))
        #expect(received.method == method)
        #expect(received.bodyBytes == body)
    }

    @Test func binaryBodyRoundTrips() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let body = (0..<1024).map { UInt8($0 % 256) }
        let request = OutboundHTTPRequest(
            method: "POST", url: "http://127.0.0.1:\(server.port)/upload",
            headers: ["Content-Type": "application/octet-stream"], body: body)
        #expect(try echo(try client.send(request)).bodyBytes == body)
    }

    @Test func emptyPostSendsZeroLength() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let request = OutboundHTTPRequest(method: "POST", url: "http://127.0.0.1:\(server.port)/ping")
        let received = try echo(try client.send(request))
        #expect(received.method == "POST")
        #expect(received.header("Content-Length") == "0")
    }

    @Test func errorStatusIsAResponse() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let notFound = try client.send(OutboundHTTPRequest(url: "http://127.0.0.1:\(server.port)/status/404"))
        let failed = try client.send(OutboundHTTPRequest(url: "http://127.0.0.1:\(server.port)/status/503"))
        #expect(notFound.status == 404)
        #expect(failed.status == 503)
        #expect(try echo(failed).path == "/status/503")
    }

    @Test func headReturnsNoBody() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let response = try client.send(OutboundHTTPRequest(method: "HEAD", url: "http://127.0.0.1:\(server.port)/"))
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(response.header("X-Test-Server") == "echo")
    }

    @Test func redirectIsNotFollowedByDefault() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let response = try client.send(OutboundHTTPRequest(url: "http://127.0.0.1:\(server.port)/redirect"))
        #expect(response.status == 302)
        #expect(response.header("Location") == "/echo")
    }

    @Test func redirectIsFollowedWhenEnabled() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let request = OutboundHTTPRequest(url: "http://127.0.0.1:\(server.port)/redirect", followRedirects: true)
        let response = try client.send(request)
        #expect(response.status == 200)
        #expect(try echo(response).path == "/echo")
        #expect(response.header("Location") == nil)
    }

    @Test func oversizedResponseIsRejected() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let small = OutboundHTTPClient(maximumResponseBytes: 1000)
        let url = "http://127.0.0.1:\(server.port)/large/5000"
        #expect(throws: OutboundHTTPError.responseTooLarge(url: url, limit: 1000)) {
            try small.send(OutboundHTTPRequest(url: url))
        }
        #expect(
            try small.send(OutboundHTTPRequest(url: "http://127.0.0.1:\(server.port)/large/1000")).body.count == 1000)
    }

    @Test func slowResponseTimesOut() throws {
        let server = try LoopbackServerProcess(script: "http_test_server.py").start()
        let request = OutboundHTTPRequest(url: "http://127.0.0.1:\(server.port)/slow/3", timeout: .milliseconds(300))
        let started = Date()
        let error = try #require(throws: OutboundHTTPError.self) { try client.send(request) }
        #expect(error.isTimeout)
        #expect(Date().timeIntervalSince(started) < 2.5)
    }

    @Test func refusedConnectionFails() throws {
        let url = "http://127.0.0.1:\(closedLoopbackPort())/"
        let error = try #require(throws: OutboundHTTPError.self) { try client.send(OutboundHTTPRequest(url: url)) }
        guard case .transferFailed(let curlCode, _, let failedURL) = error else {
            Issue.record("expected a transfer failure, got \(error)")
            return
        }
        #expect(curlCode == 7)
        #expect(failedURL == url)
        #expect(!error.isTimeout)
    }

    @Test func headerInjectionIsRejected() {
        let request = OutboundHTTPRequest(
            url: "http://127.0.0.1:9/", headers: [OutboundHTTPHeader(name: "X-Note", value: "a\r\nX-Evil: 1")])
        #expect(
            throws: OutboundHTTPError.invalidRequest(
                field: "header X-Note", value: "a\r\nX-Evil: 1", reason: "remove line breaks and NUL bytes")
        ) {
            try client.send(request)
        }
        let badName = OutboundHTTPRequest(
            url: "http://127.0.0.1:9/", headers: [OutboundHTTPHeader(name: "X Y", value: "1")])
        #expect(throws: OutboundHTTPError.self) { try client.send(badName) }
    }

    @Test(arguments: ["ftp://127.0.0.1/file", "file:///etc/passwd", "gopher://127.0.0.1/", "/relative", "http://"])
    func nonHTTPURLIsRejected(url: String) {
        let error = try? #require(throws: OutboundHTTPError.self) { try client.send(OutboundHTTPRequest(url: url)) }
        #expect(error?.description.contains("invalid HTTP request url") == true)
    }

    @Test func lowercaseMethodIsRejected() {
        #expect(throws: OutboundHTTPError.self) {
            try client.send(OutboundHTTPRequest(method: "post", url: "http://127.0.0.1:9/"))
        }
    }
}
