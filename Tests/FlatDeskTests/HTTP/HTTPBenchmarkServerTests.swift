import Foundation
import Testing

@testable import FlatDesk

/// Drops every log line, so that the measurement includes formatting the access log but not writing it.
private struct DiscardingSink: LogSink {
    func write(_ line: String) {}
}

@Suite("HTTPBenchmarkServer")
struct HTTPBenchmarkServerTests {
    @Test func respondsWithOK() throws {
        let configuration = HTTPServer.Configuration(port: 0, threadPoolSize: 2)
        let server = HTTPBenchmarkServer.makeServer(
            configuration: configuration, logger: Logger(label: "bench", sink: DiscardingSink()))
        try server.start()
        defer { server.stop() }
        let response = try Curl.request("http://127.0.0.1:\(server.boundPort ?? 0)/")
        #expect(response.status == 200)
        #expect(response.text == "ok")
    }

    /// Runs `wrk -t2 -c20 -d5s --latency` against the benchmark server, once with the access log formatted
    /// and dropped and once with it disabled, and prints wrk's report. Run it in a release build:
    /// `FLATDESK_HTTP_BENCHMARK=1 swift test -c release -Xswiftc -enable-testing --filter HTTPBenchmarkServer`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["FLATDESK_HTTP_BENCHMARK"] == "1"))
    func measureWithWrk() throws {
        for level in [LogLevel.info, .warning] {
            let logger = Logger(label: "bench", minimumLevel: level, sink: DiscardingSink())
            let server = HTTPBenchmarkServer.makeServer(
                configuration: HTTPServer.Configuration(port: 0), logger: logger)
            try server.start()
            defer { server.stop() }
            let report = try runWrk(port: server.boundPort ?? 0)
            print("access log \(level == .info ? "formatted" : "disabled"):\n\(report)")
            #expect(report.contains("Requests/sec:"))
            #expect(!report.contains("Non-2xx"))
        }
    }

    private func runWrk(port: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        process.arguments = ["-t2", "-c20", "-d5s", "--latency", "http://127.0.0.1:\(port)/"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
