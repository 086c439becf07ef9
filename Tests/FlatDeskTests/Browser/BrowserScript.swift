import Foundation

/// One step that a browser script reported.
struct BrowserStep: Decodable {
    var name: String
    var ok: Bool
    var detail: String
}

/// The outcome of a browser script: its steps, exit status and the end of its standard error.
struct BrowserScriptResult {
    var steps: [BrowserStep]
    var exitStatus: Int32
    var timedOut: Bool
    var errorTail: String
    /// The standard output when it was not the expected JSON, for the failure message.
    var unparsedOutput: String?

    func step(_ name: String) -> BrowserStep? {
        steps.first { $0.name == name }
    }
}

/// Runs a Python Selenium script from `Tests/Helpers/browser` with Debian's python3, bounded in time.
enum BrowserScript {
    /// Debian's interpreter, which has python3-selenium; a python3 found first on PATH may lack it.
    static let python = "/usr/bin/python3"
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    static let folder = TestSupport.sourceRoot + "/Tests/Helpers/browser"
    /// The folder of the screenshots that a run saves, under the repository's `.build`.
    static let screenshots = TestSupport.sourceRoot + "/.build/test-artifacts/screenshots"

    /// Returns the prerequisites that are missing, each with the fix; empty when the script can run.
    static func missingPrerequisites() -> [String] {
        var missing: [String] = []
        for program in [python, chromium, chromedriver] where !FileManager.default.isExecutableFile(atPath: program) {
            missing.append("\(program) is missing; run script/setup --test")
        }
        let selenium = try? TestSupport.run(python, ["-c", "import selenium"])
        if FileManager.default.isExecutableFile(atPath: python), selenium?.status != 0 {
            missing.append("\(python) cannot import selenium; install python3-selenium (script/setup --test)")
        }
        return missing
    }

    /// Runs `script` with `arguments` under `timeout`, which stops the script and the Chromium it started
    /// (its whole process group) after `seconds`, and kills them 5 seconds later if they are still running.
    static func run(_ script: String, _ arguments: [String], seconds: Int) throws -> BrowserScriptResult {
        let folder = TestSupport.temporaryFolder("browser-run")
        let outputPath = folder + "/stdout.json"
        let errorPath = folder + "/stderr.txt"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=5", String(seconds), python, "-B", Self.folder + "/" + script] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.folder)
        process.standardOutput = try emptyFile(outputPath)
        process.standardError = try emptyFile(errorPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return result(output: output, errors: errors, status: process.terminationStatus)
    }

    private static func result(output: String, errors: String, status: Int32) -> BrowserScriptResult {
        struct Report: Decodable { var steps: [BrowserStep] }
        let report = try? JSONDecoder().decode(Report.self, from: Data(output.utf8))
        let errorTail = errors.split(separator: "\n").suffix(40).joined(separator: "\n")
        // timeout(1) exits with 124 when the time ran out, or 137 when it also had to send SIGKILL.
        return BrowserScriptResult(
            steps: report?.steps ?? [], exitStatus: status, timedOut: status == 124 || status == 137,
            errorTail: errorTail, unparsedOutput: report == nil ? output : nil)
    }

    private static func emptyFile(_ path: String) throws -> FileHandle {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }
}
