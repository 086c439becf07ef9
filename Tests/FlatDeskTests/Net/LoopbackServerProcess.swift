import Foundation
import Testing

/// A Python test server from this folder, started as a subprocess on 127.0.0.1 and terminated with the object.
///
/// The script picks a free port and writes it to `<output>/port`; `start` waits for that file.
final class LoopbackServerProcess {
    /// Debian's interpreter, which has python3-aiosmtpd; another `python3` on PATH may lack it.
    static let python = "/usr/bin/python3"

    let process = Process()
    let output: ScratchDirectory
    private(set) var port = 0

    init(script: String, arguments: [String] = []) {
        output = ScratchDirectory(prefix: "loopback-server")
        let scriptPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(script).path
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [scriptPath, "--out", output.path] + arguments
        process.standardOutput = FileHandle.nullDevice
    }

    /// Starts the script and waits up to 10 seconds for its port file.
    func start() throws -> Self {
        try process.run()
        let portFile = output.path + "/port"
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && process.isRunning {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let value = Int(text) {
                port = value
                return self
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw LoopbackServerFailure(detail: "no port file from \(process.arguments ?? []) after 10 s")
    }

    /// Received files in the output folder with the given suffix, sorted by name.
    func files(withSuffix suffix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(suffix) }.sorted()
            .map { output.path + "/" + $0 }
    }

    /// Sends SIGTERM, then SIGKILL if the server is still running after 2 seconds, and waits for the exit.
    deinit {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }
}

struct LoopbackServerFailure: Error, CustomStringConvertible {
    let detail: String
    var description: String { "test server failed to start: \(detail); is python3-aiosmtpd installed?" }
}

/// Returns a port on 127.0.0.1 with nothing listening, found by binding a socket and closing it.
func closedLoopbackPort() -> Int {
    let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socketDescriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            _ = bind(socketDescriptor, pointer, length)
            return getsockname(socketDescriptor, pointer, &length)
        }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// A socket on 127.0.0.1 that accepts connections into its backlog but never sends a byte, for timeout tests.
final class SilentLoopbackListener {
    let socketDescriptor: Int32
    let port: Int

    init() {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let descriptor = socketDescriptor
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(descriptor, pointer, length)
                _ = listen(descriptor, 8)
                return getsockname(descriptor, pointer, &length)
            }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit {
        close(socketDescriptor)
    }
}
