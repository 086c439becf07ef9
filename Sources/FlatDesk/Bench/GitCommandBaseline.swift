import Foundation

/// The same one-field change done with the git command line in a working tree: edit the file,
/// `git add`, `git commit -q`. It is the cost FlatDesk's in-process commits are compared with.
struct GitCommandBaseline {
    /// The working-tree clone the changes are made in.
    let workingTree: String

    /// Clones the bare repository at `source` into `workingTree`, with automatic gc off so that no
    /// background repack runs during the measurement.
    /// - Returns: the seconds the clone took.
    static func clone(_ source: String, into workingTree: String) throws -> (GitCommandBaseline, Double) {
        let (_, seconds) = try Stopwatch.time {
            try runGit(["clone", "-q", source, workingTree], in: nil)
        }
        let baseline = GitCommandBaseline(workingTree: workingTree)
        try baseline.git(["config", "gc.auto", "0"])
        try baseline.git(["config", "maintenance.auto", "false"])
        return (baseline, seconds)
    }

    /// Changes the priority of each ticket in `ids`, one commit per change.
    /// - Returns: the wall time of each change (edit, `git add`, `git commit -q`) in seconds.
    func changePriorities(_ ids: [String]) throws -> [Double] {
        var seconds: [Double] = []
        for (index, id) in ids.enumerated() {
            let path = Ticket.path(for: id)
            let (_, elapsed) = try Stopwatch.time {
                let priority = try editPriority(path, step: index)
                try git(["add", path])
                try git(["commit", "-q", "-m", "\(id): priority → \(priority)"])
            }
            seconds.append(elapsed)
        }
        return seconds
    }

    /// Rewrites the `priority` line of the file at `path`, as an editor or script would.
    private func editPriority(_ path: String, step: Int) throws -> String {
        let url = URL(fileURLWithPath: workingTree).appendingPathComponent(path)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        guard let line = lines.firstIndex(where: { $0.hasPrefix("  \"priority\": ") }) else { return "" }
        let current = Priority.allCases.first { lines[line].contains("\"\($0.rawValue)\"") } ?? .medium
        let next = CoreBenchmark.nextPriority(after: current, step: step)
        lines[line] = "  \"priority\": \"\(next.rawValue)\","
        try lines.joined(separator: "\n").write(to: url, atomically: false, encoding: .utf8)
        return next.rawValue
    }

    private func git(_ arguments: [String]) throws {
        try GitCommandBaseline.runGit(arguments, in: workingTree)
    }

    /// Runs `git` with a fixed identity and waits for it.
    /// - Throws: `BenchmarkError.gitCommandFailed` with git's output when it exits with a failure status.
    static func runGit(_ arguments: [String], in folder: String?) throws {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let identity = ["-c", "user.name=Benchmark", "-c", "user.email=bench@localhost"]
        process.arguments = ["git"] + (folder.map { ["-C", $0] } ?? []) + identity + arguments
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw BenchmarkError.gitCommandFailed(
                arguments: arguments, status: process.terminationStatus, output: message)
        }
    }
}
