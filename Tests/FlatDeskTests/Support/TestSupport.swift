import Foundation

@testable import FlatDesk

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The repository root of the FlatDesk sources.
    static let sourceRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The built `flatdesk` executable.
    static var executable: String {
        let debug = sourceRoot + "/.build/debug/flatdesk"
        return FileManager.default.fileExists(atPath: debug) ? debug : sourceRoot + "/.build/release/flatdesk"
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ name: String = "flatdesk-test") -> String {
        let path = NSTemporaryDirectory() + name + "-" + UUID().uuidString.prefix(8)
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A helpdesk created from the bundled sample.
    static func sampleHelpdesk(bare: Bool = false) throws -> String {
        let path = temporaryFolder("sample")
        try HelpdeskInitializer.create(at: path, name: "Sample", keyPrefix: "FD", bare: bare, template: sourceRoot)
        return path
    }

    /// An empty helpdesk with default settings.
    static func emptyHelpdesk(bare: Bool = false, prefix: String = "FD") throws -> String {
        let path = temporaryFolder("empty")
        try HelpdeskInitializer.create(at: path, name: "Test", keyPrefix: prefix, bare: bare)
        return path
    }

    /// Runs a program and returns its exit status, standard output and standard error.
    @discardableResult
    static func run(_ program: String, _ arguments: [String], in folder: String? = nil, input: String? = nil,
                    environment: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe()
        let error = Pipe()
        let inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Runs git in `folder` with a fixed identity; fails the caller on a non-zero exit.
    @discardableResult
    static func git(_ arguments: [String], in folder: String) throws -> String {
        let identity = ["GIT_AUTHOR_NAME": "Hand Editor", "GIT_AUTHOR_EMAIL": "hand@example.com",
                        "GIT_COMMITTER_NAME": "Hand Editor", "GIT_COMMITTER_EMAIL": "hand@example.com"]
        let result = try run("git", arguments, in: folder, environment: identity)
        guard result.status == 0 else {
            throw TestFailure("git \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.error)")
        }
        return result.output
    }

    static let agent = Actor(email: "agent@example.com", name: "Agent Smith", role: .agent)
    static let customer = Actor(email: "customer@example.com", name: "Casey Customer", role: .customer)
}

/// A failure in a test's own set-up.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
