import Foundation
import Synchronization
import Testing

@testable import FlatDesk

/// A response as the curl command-line client received it.
struct CurlResponse {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Runs the curl command-line client against the test servers, which all listen on 127.0.0.1.
enum Curl {
    /// Runs curl with `arguments` (plus `--max-time 10`) and returns its standard output, standard error
    /// and exit status; `input` is piped to standard input.
    static func run(_ arguments: [String], input: [UInt8]? = nil) throws -> (
        output: [UInt8], errors: String, exit: Int32
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["--max-time", "10"] + arguments
        let output = Pipe()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("curl-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errorFile)
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input {
            inputPipe.fileHandleForWriting.write(Data(input))
        }
        try inputPipe.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return ([UInt8](data), errorText, process.terminationStatus)
    }

    /// Sends one request and parses the response; `body` is sent with `--data-binary`.
    static func request(
        _ url: String,
        method: String = "GET",
        headers: [String] = [],
        body: [UInt8]? = nil,
        extra: [String] = []
    ) throws -> CurlResponse {
        var arguments = ["-sS", "-i", "--path-as-is"]
        if method == "HEAD" {
            arguments.append("-I")
        } else if method != "GET" || body != nil {
            arguments += ["-X", method]
        }
        for header in headers {
            arguments += ["-H", header]
        }
        if body != nil {
            arguments += ["--data-binary", "@-"]
        }
        let result = try run(arguments + extra + [url], input: body)
        guard result.exit == 0 else {
            throw CurlFailure(exit: result.exit, errors: result.errors)
        }
        return try parse(result.output)
    }

    /// Parses `-i` output, skipping interim 1xx responses such as `100 Continue`.
    static func parse(_ output: [UInt8]) throws -> CurlResponse {
        var rest = output[...]
        while true {
            guard let end = rest.firstRange(of: Array("\r\n\r\n".utf8)) else {
                throw CurlFailure(exit: 0, errors: "no header block in: \(String(decoding: output, as: UTF8.self))")
            }
            let lines = String(decoding: rest[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
            rest = rest[end.upperBound...]
            let status = Int(lines[0].split(separator: " ")[1]) ?? 0
            if (100...199).contains(status) {
                continue
            }
            var headers = HTTPHeaders()
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers.add(
                    String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
            return CurlResponse(status: status, headers: headers, body: Array(rest))
        }
    }
}

struct CurlFailure: Error, CustomStringConvertible {
    var exit: Int32
    var errors: String
    var description: String { "curl failed with exit status \(exit): \(errors)" }
}

/// A started server on 127.0.0.1 with a free port and a capturing log sink; stops when released.
final class TestServer {
    let server: HTTPServer
    let sink = CapturingLogSink()
    let base: String

    init(router: Router, configure: (inout HTTPServer.Configuration) -> Void = { _ in }) throws {
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0, threadPoolSize: 2)
        configure(&configuration)
        server = HTTPServer(configuration: configuration, router: router, logger: Logger(label: "http", sink: sink))
        try server.start()
        base = "http://127.0.0.1:\(server.boundPort ?? 0)"
    }

    deinit {
        server.stop(timeoutSeconds: 2)
    }

    /// Returns the access log lines after waiting up to two seconds for at least `count` of them, because
    /// each line is written after its response has been sent.
    func accessLines(atLeast count: Int) -> [String] {
        for _ in 0..<200 {
            let lines = sink.captured.filter { $0.contains(" http: request ") }
            if lines.count >= count {
                return lines
            }
            usleep(10_000)
        }
        return sink.captured.filter { $0.contains(" http: request ") }
    }
}

/// The folder of the SendGrid Inbound Parse fixtures.
let sendGridFixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/email/sendgrid")

/// Collects values that handlers see on the server's worker threads, for the test to inspect.
final class Recorder<Value: Sendable>: Sendable {
    private let values = Mutex<[Value]>([])

    func append(_ value: Value) {
        values.withLock { $0.append(value) }
    }

    var all: [Value] { values.withLock { $0 } }
}

/// A plain TCP connection to a test server, for clients that misbehave on purpose.
final class RawConnection {
    let descriptor: Int32

    /// Connects to 127.0.0.1 on `port`, with reads timing out after `readTimeoutSeconds`.
    init(port: Int, readTimeoutSeconds: Int = 5) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: readTimeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw CurlFailure(exit: errno, errors: "connect to port \(port) failed")
        }
    }

    deinit {
        close(descriptor)
    }

    func send(_ text: String) {
        _ = text.withCString { Glibc.send(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the server closes the connection or the read times out; returns the bytes and whether
    /// the server closed the connection.
    func readUntilClosed() -> (data: [UInt8], closed: Bool) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                received += buffer[0..<count]
                continue
            }
            return (received, count == 0 || errno == ECONNRESET)
        }
    }
}
