import Foundation

/// The repository-core benchmark: for each size, generate a synthetic helpdesk, build the index
/// cold, time single-field changes through `Helpdesk.update`, compare them with the same change
/// made with the git command line, and check that maintenance keeps loose objects bounded.
public struct CoreBenchmark: Sendable {
    public struct Options: Sendable {
        public var ticketCounts: [Int] = [1000, 100_000]
        /// Timed changes through `Helpdesk.update` per size.
        public var changes = 500
        /// Timed changes with the git command line per size.
        public var gitChanges = 50
        /// Changes made in all before counting loose objects; 0 skips the maintenance check.
        public var maintenanceChanges = 5000
        /// Pack the generated helpdesk with `git repack -a -d`, as a helpdesk in use for a while would be.
        public var packAfterGenerating = true
        public var seed: UInt64 = 1
        /// Where to generate the helpdesks and keep them; nil uses a temporary folder deleted afterwards.
        /// A helpdesk already there from an earlier run is reused, with the changes that run made.
        public var folder: String?

        public init() {}
    }

    public let options: Options
    let progress: @Sendable (String) -> Void

    /// Prepares a run; `progress` receives one line per step.
    public init(options: Options, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// Runs every size in increasing order.
    /// - Throws: `BenchmarkError` or what generating, opening or changing a helpdesk throws.
    public func run() throws -> CoreBenchmarkReport {
        let keep = options.folder != nil
        let root = options.folder ?? NSTemporaryDirectory() + "flatdesk-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { if !keep { try? FileManager.default.removeItem(atPath: root) } }
        var results: [CoreBenchmarkResult] = []
        for count in options.ticketCounts.sorted() {
            let path = (root as NSString).appendingPathComponent("helpdesk-\(count).git")
            results.append(try measure(ticketCount: count, at: path))
            if !keep { try? FileManager.default.removeItem(atPath: path) }
        }
        return CoreBenchmarkReport(date: Date(), machine: .current(), results: results)
    }

    /// All figures for one size; the helpdesk is generated at `path`.
    func measure(ticketCount: Int, at path: String) throws -> CoreBenchmarkResult {
        var generationSeconds: Double?
        var packSeconds: Double?
        if FileManager.default.fileExists(atPath: path) {
            progress("\(ticketCount) tickets: reusing \(path)")
        } else {
            progress("\(ticketCount) tickets: generating")
            let synthetic = try SyntheticHelpdesk(ticketCount: ticketCount, seed: options.seed)
            generationSeconds = try Stopwatch.time { try synthetic.generate(at: path) }.1
            packSeconds = try options.packAfterGenerating ? pack(path) : nil
        }
        progress("\(ticketCount) tickets: opening the helpdesk in a new process, reading every ticket file")
        try? FileManager.default.removeItem(
            atPath: TicketIndexCache(gitDirectory: try GitStore(path: path).gitDirectory).path)
        let fromBlobs = try HelpdeskOpening.measureInChildProcess(path)
        progress("\(ticketCount) tickets: opening it in a new process again, with the index cache")
        let fromCache = try HelpdeskOpening.measureInChildProcess(path)
        let sink = CapturingLogSink()
        let helpdesk = try Helpdesk(path: path, logger: Logger(label: "flatdesk.bench", sink: sink))
        let run = try ChangeRun(helpdesk: helpdesk, seed: options.seed, progress: progress)
        progress("\(ticketCount) tickets: \(options.changes) changes through Helpdesk.update")
        let changes = try run.timedChanges(options.changes)
        let (cloneSeconds, gitChanges) = try gitBaseline(path, run: run)
        let maintenance = try maintenanceCheck(run, sink: sink, already: options.changes)
        ChangeRun.waitForChildProcesses()
        return CoreBenchmarkResult(
            ticketCount: ticketCount, openTickets: run.openIDs.count, generationSeconds: generationSeconds,
            packSeconds: packSeconds, objectBytes: CoreBenchmark.objectBytes(path), openFromBlobs: fromBlobs,
            openFromCache: fromCache, change: LatencySummary(changes.wall), changeCPU: LatencySummary(changes.cpu),
            gitCloneSeconds: cloneSeconds, gitChange: LatencySummary(gitChanges), maintenance: maintenance)
    }

    private func pack(_ path: String) throws -> Double {
        progress("packing with git repack -a -d")
        return try Stopwatch.time {
            try GitCommandBaseline.runGit(["--git-dir=" + path, "repack", "-a", "-d", "-q"], in: nil)
        }.1
    }

    /// Clones the helpdesk into a temporary working tree, times the changes there, and deletes the clone.
    private func gitBaseline(_ path: String, run: ChangeRun) throws -> (Double, [Double]) {
        guard options.gitChanges > 0 else { return (0, []) }
        progress("cloning into a working tree for the git command-line baseline")
        let clone = NSTemporaryDirectory() + "flatdesk-bench-clone-\(getpid())-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: clone) }
        let (baseline, cloneSeconds) = try GitCommandBaseline.clone(path, into: clone)
        progress("\(options.gitChanges) changes with git add and git commit")
        return (cloneSeconds, try baseline.changePriorities(run.pickIDs(options.gitChanges)))
    }

    private func maintenanceCheck(_ run: ChangeRun, sink: CapturingLogSink, already: Int) throws -> MaintenanceCheck? {
        guard options.maintenanceChanges > already else { return nil }
        progress("\(options.maintenanceChanges - already) more changes for the maintenance check")
        return try run.maintenanceCheck(total: options.maintenanceChanges, already: already, log: sink)
    }

    /// A priority other than `current`, cycling through the other three as `step` grows.
    static func nextPriority(after current: Priority, step: Int) -> Priority {
        let all = Priority.allCases
        let index = all.firstIndex(of: current) ?? 0
        return all[(index + 1 + step % (all.count - 1)) % all.count]
    }

    /// Total size of the files under the repository's `objects/` folder.
    static func objectBytes(_ path: String) -> Int {
        let objects = (path as NSString).appendingPathComponent("objects")
        guard let enumerator = FileManager.default.enumerator(atPath: objects) else { return 0 }
        var total = 0
        while let relative = enumerator.nextObject() as? String {
            let attributes = enumerator.fileAttributes
            if attributes?[.type] as? FileAttributeType == .typeRegular {
                total += (attributes?[.size] as? Int) ?? 0
            }
            _ = relative
        }
        return total
    }
}
