import Foundation

/// A real `flatdesk serve` subprocess on 127.0.0.1 with a port the server picks itself (`--port 0`).
///
/// The server's standard output and error go to a log file, which is read for the `url=` of the
/// "flatdesk serving" line and quoted in failure messages.
final class BrowserServeProcess {
    /// Seconds to wait for the server to log its URL and respond to `/login`.
    static let startSeconds = 30.0
    /// Seconds between SIGINT and SIGKILL when stopping.
    static let stopGraceSeconds = 5.0

    let process = Process()
    let logPath: String
    private(set) var baseURL = ""
    private let exited = DispatchSemaphore(value: 0)
    private var stopped = false

    /// Starts the server on `helpdesk` and waits until `/login` responds with 200.
    /// - Throws: `TestFailure` with the server log when it exits or does not respond within `startSeconds`.
    init(helpdesk: String, environment: [String: String]) throws {
        logPath = TestSupport.temporaryFolder("serve-log") + "/serve.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.executableURL = URL(fileURLWithPath: TestSupport.executable)
        process.arguments = ["serve", helpdesk, "--bind", "127.0.0.1", "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        process.terminationHandler = { [exited] _ in exited.signal() }
        try process.run()
        try log.close()
        do {
            baseURL = try waitForURL()
            try waitForLoginPage()
        } catch {
            stop()
            throw error
        }
    }

    deinit {
        stop()
    }

    /// Stops the server with SIGINT, its graceful shutdown signal, and with SIGKILL if it is still running
    /// after `stopGraceSeconds`.
    /// - Returns: how the server ended, for the test to check.
    @discardableResult
    func stop() -> String {
        guard !stopped else { return "already stopped" }
        stopped = true
        guard process.isRunning else {
            return "exited by itself with status \(process.terminationStatus)"
        }
        kill(process.processIdentifier, SIGINT)
        if exited.wait(timeout: .now() + Self.stopGraceSeconds) == .success {
            return "stopped by SIGINT with status \(process.terminationStatus)"
        }
        kill(process.processIdentifier, SIGKILL)
        _ = exited.wait(timeout: .now() + Self.stopGraceSeconds)
        return "ignored SIGINT for \(Int(Self.stopGraceSeconds)) s and was killed"
    }

    /// Returns the last `count` lines of the server log.
    func logTail(_ count: Int = 30) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(count).joined(separator: "\n")
    }

    private func waitForURL() throws -> String {
        let deadline = Date().addingTimeInterval(Self.startSeconds)
        while Date() < deadline {
            if let url = servingURL() { return url }
            guard process.isRunning else {
                throw TestFailure("flatdesk serve exited with status \(process.terminationStatus):\n\(logTail())")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TestFailure("flatdesk serve logged no URL within \(Int(Self.startSeconds)) s:\n\(logTail())")
    }

    /// Returns `http://127.0.0.1:PORT` from the "flatdesk serving … url=http://127.0.0.1:PORT/" log line.
    private func servingURL() -> String? {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.contains("flatdesk serving") {
            guard let start = line.range(of: "url=http://127.0.0.1:") else { continue }
            let port = line[start.upperBound...].prefix { $0.isNumber }
            if !port.isEmpty { return "http://127.0.0.1:\(port)" }
        }
        return nil
    }

    private func waitForLoginPage() throws {
        let deadline = Date().addingTimeInterval(Self.startSeconds)
        var last = "no response"
        while Date() < deadline {
            do {
                let response = try Curl.request(baseURL + "/login")
                if response.status == 200 { return }
                last = "status \(response.status)"
            } catch {
                last = "\(error)"
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TestFailure(
            "\(baseURL)/login did not respond with 200 within \(Int(Self.startSeconds)) s (\(last)):\n\(logTail())")
    }
}
