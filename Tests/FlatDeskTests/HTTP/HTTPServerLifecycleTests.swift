import Foundation
import Synchronization
import Testing

@testable import FlatDesk

@Suite("HTTPServer lifecycle")
struct HTTPServerLifecycleTests {
    private func okRouter() -> Router {
        let router = Router()
        router.get("/*path") { _ in .text("ok") }
        router.post("/*path") { _ in .text("posted") }
        return router
    }

    @Test func portZeroPicksFreePort() throws {
        let server = try TestServer(router: okRouter())
        let port = try #require(server.server.boundPort)
        #expect(port > 0)
        #expect(try Curl.request("http://127.0.0.1:\(port)/").status == 200)
        server.server.stop()
        #expect(server.server.boundPort == nil)
        #expect(!server.server.isRunning)
    }

    @Test func startTwiceThrows() throws {
        let server = try TestServer(router: okRouter())
        #expect(throws: HTTPServerError.notStartable(state: "running")) { try server.server.start() }
        server.server.stop()
        #expect(throws: HTTPServerError.notStartable(state: "stopped")) { try server.server.start() }
    }

    @Test func busyPortFailsToBind() throws {
        let first = try TestServer(router: okRouter())
        let port = try #require(first.server.boundPort)
        let configuration = HTTPServer.Configuration(port: port)
        let second = HTTPServer(
            configuration: configuration, router: okRouter(), logger: Logger(label: "t", sink: CapturingLogSink()))
        #expect(
            throws: HTTPServerError.socketCallFailed(function: "bind", host: "127.0.0.1", port: port, errno: EADDRINUSE)
        ) {
            try second.start()
        }
    }

    @Test func invalidHostIsRejected() {
        let configuration = HTTPServer.Configuration(host: "localhost", port: 0)
        let server = HTTPServer(
            configuration: configuration, router: okRouter(), logger: Logger(label: "t", sink: CapturingLogSink()))
        #expect(throws: HTTPServerError.invalidHost("localhost")) { try server.start() }
    }

    @Test func invalidSettingIsRejected() {
        let configuration = HTTPServer.Configuration(port: 0, threadPoolSize: 0)
        let server = HTTPServer(
            configuration: configuration,
            router: okRouter(),
            logger: Logger(label: "t", sink: CapturingLogSink())
        )
        #expect(
            throws: HTTPServerError.invalidConfiguration(
                setting: "threadPoolSize", value: 0, expected: "between 1 and 1024")
        ) {
            try server.start()
        }
        #expect(!server.isRunning)
    }

    @Test func keepAliveReusesConnection() throws {
        let server = try TestServer(router: okRouter())
        let result = try Curl.run([
            "-sS", "-v", "-o", "/dev/null", "-o", "/dev/null", server.base + "/a", server.base + "/b",
        ])
        #expect(result.exit == 0)
        #expect(result.errors.contains("Re-using existing connection"))
        #expect(result.errors.components(separatedBy: "< HTTP/1.1 200").count == 3)
        #expect(server.accessLines(atLeast: 2).count == 2)
    }

    @Test func keepAliveAfterPostBody() throws {
        let server = try TestServer(router: okRouter())
        let result = try Curl.run([
            "-sS", "-v", "-o", "/dev/null", "-o", "/dev/null", "--data-binary", "subject=hello",
            server.base + "/a", server.base + "/b",
        ])
        #expect(result.errors.contains("Re-using existing connection"))
    }

    @Test func oversizedHeaderIsRejected() throws {
        let server = try TestServer(router: okRouter()) { $0.connectionMemoryLimitBytes = 16 * 1024 }
        let response = try Curl.request(
            server.base + "/", headers: ["X-Large: " + String(repeating: "a", count: 32 * 1024)])
        #expect(response.status == 431)
    }

    @Test func gracefulStopFinishesSlowRequest() throws {
        let started = DispatchSemaphore(value: 0)
        let router = Router()
        router.get("/slow") { _ in
            started.signal()
            usleep(700_000)
            return .text("finished")
        }
        let server = try TestServer(router: router)
        let base = server.base
        let outcome = Mutex<CurlResponse?>(nil)
        let client = Thread {
            let response = try? Curl.request(base + "/slow")
            outcome.withLock { $0 = response }
        }
        client.start()
        #expect(started.wait(timeout: .now() + 5) == .success)
        let before = HTTPClock.nanoseconds()
        server.server.stop(timeoutSeconds: 5)
        let waitedMilliseconds = (HTTPClock.nanoseconds() - before) / 1_000_000
        for _ in 0..<200 where outcome.withLock({ $0 == nil }) {
            usleep(10_000)
        }
        let response = try #require(outcome.withLock { $0 })
        #expect(response.status == 200)
        #expect(response.text == "finished")
        #expect(response.headers["Connection"] == "close")
        #expect(waitedMilliseconds >= 400)
        #expect(throws: CurlFailure.self) { try Curl.request(base + "/slow") }
    }

    @Test func stopTimeoutCutsOffSlowRequest() throws {
        let started = DispatchSemaphore(value: 0)
        let router = Router()
        router.get("/slow") { _ in
            started.signal()
            usleep(1_500_000)
            return .text("finished")
        }
        let server = try TestServer(router: router)
        let base = server.base
        let client = Thread { _ = try? Curl.request(base + "/slow") }
        client.start()
        #expect(started.wait(timeout: .now() + 5) == .success)
        server.server.stop(timeoutSeconds: 0.1)
        #expect(server.sink.captured.contains { $0.contains("stopped before requests finished") })
    }

    @Test func logsOneLinePerRequest() throws {
        let server = try TestServer(router: okRouter())
        _ = try Curl.request(server.base + "/tickets?q=secret-query", headers: ["Cookie: session=secret-cookie"])
        _ = try Curl.request(
            server.base + "/tickets",
            method: "POST",
            headers: ["Authorization: Bearer secret-token"],
            body: Array("password=secret-body".utf8)
        )
        _ = try Curl.request(server.base + "/../escape")
        let lines = server.accessLines(atLeast: 3)
        #expect(lines.count == 3)
        // Fields are printed in key order: duration, method, path, status, request id.
        #expect(lines.contains { $0.contains(" http.method=GET http.path=/tickets http.status=200 request.id=") })
        #expect(lines.contains { $0.contains(" http.method=POST http.path=/tickets http.status=200 request.id=") })
        #expect(lines.contains { $0.contains(" http.method=GET http.path=/../escape http.status=400 request.id=") })
        for line in lines {
            #expect(line.contains(try Regex(#" http\.duration_ms=\d+\.\d{3} "#)))
            #expect(line.contains(try Regex(#" request\.id=[0-9a-f]{16}$"#)))
        }
        let everything = server.sink.captured.joined(separator: "\n")
        #expect(!everything.contains("secret"))
    }

    @Test func logsRequestIDSentToClient() throws {
        let server = try TestServer(router: okRouter())
        let response = try Curl.request(server.base + "/")
        let id = try #require(response.headers["X-Request-Id"])
        let lines = server.accessLines(atLeast: 1)
        #expect(lines.first?.contains("request.id=\(id)") == true)
    }

    @Test func runUntilSignalStopsServer() throws {
        let server = try TestServer(router: okRouter())
        signal(SIGUSR2, SIG_IGN)
        let returned = Mutex<Int32?>(nil)
        let httpServer = server.server
        let waiter = Thread {
            let number = httpServer.runUntilSignal([SIGUSR2])
            returned.withLock { $0 = number }
        }
        waiter.start()
        // The signal source is installed on the waiting thread; until then SIG_IGN drops the signal.
        for _ in 0..<1000 where returned.withLock({ $0 == nil }) {
            kill(getpid(), SIGUSR2)
            usleep(10_000)
        }
        #expect(returned.withLock { $0 } == SIGUSR2)
        #expect(!server.server.isRunning)
    }

    @Test func closesIdleSlowClient() throws {
        let server = try TestServer(router: okRouter()) { $0.connectionTimeoutSeconds = 1 }
        let connection = try RawConnection(port: server.server.boundPort ?? 0)
        let before = HTTPClock.nanoseconds()
        connection.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        let result = connection.readUntilClosed()
        let waitedMilliseconds = (HTTPClock.nanoseconds() - before) / 1_000_000
        #expect(result.closed)
        #expect(waitedMilliseconds >= 900)
        #expect(waitedMilliseconds < 4000)
    }

    @Test func limitsConnections() throws {
        let server = try TestServer(router: okRouter()) {
            $0.threadPoolSize = 1
            $0.maxConnections = 1
        }
        var held: RawConnection? = try RawConnection(port: server.server.boundPort ?? 0)
        held?.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        // At the limit libmicrohttpd stops accepting, so the second client waits in the listen backlog.
        #expect(throws: CurlFailure.self) { try Curl.request(server.base + "/", extra: ["--max-time", "1"]) }
        held = nil
        #expect(try Curl.request(server.base + "/").status == 200)
    }
}
