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
        /// Measure a packed copy of the generated helpdesk, as a helpdesk in use for a while would be packed.
        public var packAfterGenerating = true
        public var seed: UInt64 = 1
        /// The folder to generate the helpdesks in and keep them; nil uses a temporary folder deleted
        /// afterwards. A helpdesk already there from an earlier run is reused, with the changes that run made.
        public var folder: String?
        /// The `flatdesk` executable that measures each opening in a fresh process; nil uses the
        /// executable of this process, which must then be `flatdesk`.
        public var executable: String?

        public init() {}
    }

    public let options: Options
    let progress: @Sendable (String) -> Void

    /// Prepares a run; `progress` receives one line per step.
    public init(options: Options, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.progress = progress
    }

    /// Runs every size in increasing order: first the openings and timed changes of every size,
    /// then the git command-line baselines and maintenance checks.
    ///
    /// Maintenance deletes thousands of loose objects when it repacks, and on ext4 without a
    /// journal that slows creating files for minutes afterwards, so no timed change runs after it.
    /// - Throws: `BenchmarkError` or what generating, opening or changing a helpdesk throws.
    public func run() throws -> CoreBenchmarkReport {
        let root = options.folder ?? NSTemporaryDirectory() + "flatdesk-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let scratch = ScratchFolders()
        if options.folder == nil { scratch.add(root) }
        defer { scratch.removeAll() }
        var timed: [TimedSize] = []
        for count in options.ticketCounts.sorted() {
            timed.append(try measureTimed(ticketCount: count, root: root, scratch: scratch))
        }
        var results: [CoreBenchmarkResult] = []
        for size in timed {
            results.append(try finish(size, scratch: scratch))
        }
        return CoreBenchmarkReport(date: Date(), machine: .current(), results: results)
    }

    /// One size between its timed changes and the checks that follow them.
    struct TimedSize {
        var result: CoreBenchmarkResult
        var path: String
        var run: ChangeRun
        var log: CapturingLogSink
    }

    /// Generates the helpdesk as `root/helpdesk-N.git`, measures its openings and times the changes.
    func measureTimed(ticketCount: Int, root: String, scratch: ScratchFolders) throws -> TimedSize {
        let path = (root as NSString).appendingPathComponent("helpdesk-\(ticketCount).git")
        let (generationSeconds, packSeconds) = try prepare(ticketCount, at: path, root: root, scratch: scratch)
        let (fromBlobs, fromCache) = try measureOpenings(path, ticketCount: ticketCount)
        let sink = CapturingLogSink()
        let helpdesk = try Helpdesk(path: path, logger: Logger(label: "flatdesk.bench", sink: sink))
        let run = try ChangeRun(helpdesk: helpdesk, seed: options.seed, progress: progress)
        progress("\(ticketCount) tickets: \(options.changes) changes through Helpdesk.update")
        let changes = try run.timedChanges(options.changes)
        let result = CoreBenchmarkResult(
            ticketCount: ticketCount, openTickets: run.openIDs.count, generationSeconds: generationSeconds,
            packSeconds: packSeconds, objectBytes: CoreBenchmark.objectBytes(path), openFromBlobs: fromBlobs,
            openFromCache: fromCache, change: LatencySummary(changes.wall), changeCPU: LatencySummary(changes.cpu),
            changeUserSeconds: changes.user, changeSystemSeconds: changes.system, gitCloneSeconds: 0,
            gitChange: LatencySummary([]), maintenance: nil)
        return TimedSize(result: result, path: path, run: run, log: sink)
    }

    /// Adds the git command-line baseline and the maintenance check to a timed size.
    func finish(_ size: TimedSize, scratch: ScratchFolders) throws -> CoreBenchmarkResult {
        var result = size.result
        progress("\(result.ticketCount) tickets: git command-line baseline and maintenance check")
        let (cloneSeconds, gitChanges) = try gitBaseline(size.path, run: size.run, scratch: scratch)
        result.gitCloneSeconds = cloneSeconds
        result.gitChange = LatencySummary(gitChanges)
        result.maintenance = try maintenanceCheck(size.run, sink: size.log, already: options.changes)
        ChangeRun.waitForChildProcesses()
        return result
    }

    /// Generates the helpdesk at `path` unless an earlier run left one there. Returns the seconds the
    /// generation and the packed copy took, with nil for a step that did not run.
    private func prepare(_ ticketCount: Int, at path: String, root: String, scratch: ScratchFolders) throws
        -> (generation: Double?, pack: Double?)
    {
        if FileManager.default.fileExists(atPath: path) {
            progress("\(ticketCount) tickets: reusing \(path)")
            return (nil, nil)
        }
        guard options.packAfterGenerating else { return (try generate(ticketCount, at: path), nil) }
        let seed = (root as NSString).appendingPathComponent("generated-\(ticketCount).git")
        scratch.add(seed)
        let generation = try generate(ticketCount, at: seed)
        return (generation, try packedCopy(of: seed, at: path))
    }

    /// Opens the helpdesk in two fresh processes: first without an index cache, then with the cache
    /// the first one saved.
    private func measureOpenings(_ path: String, ticketCount: Int) throws -> (HelpdeskOpening, HelpdeskOpening) {
        progress("\(ticketCount) tickets: opening the helpdesk in a new process, reading every ticket file")
        let cache = TicketIndexCache(gitDirectory: try GitStore(path: path).gitDirectory)
        try? FileManager.default.removeItem(atPath: cache.path)
        let fromBlobs = try HelpdeskOpening.measureInChildProcess(path, executable: options.executable)
        progress("\(ticketCount) tickets: opening it in a new process again, with the index cache")
        return (fromBlobs, try HelpdeskOpening.measureInChildProcess(path, executable: options.executable))
    }

    /// Generates the synthetic helpdesk; returns the seconds it took.
    private func generate(_ ticketCount: Int, at path: String) throws -> Double {
        progress("\(ticketCount) tickets: generating")
        let synthetic = try SyntheticHelpdesk(ticketCount: ticketCount, seed: options.seed)
        return try Stopwatch.time { try synthetic.generate(at: path) }.1
    }

    /// Copies the generated helpdesk into a packed repository with `git clone --bare --no-local`,
    /// which packs with deltas as `git gc` does; returns the seconds it took.
    ///
    /// Packing the generated repository in place (`git repack -a -d`) would delete its loose
    /// objects. On ext4 without a journal, the inode allocator skips and re-reads every inode freed
    /// in the last minute or more (`recently_deleted` in Linux's fs/ext4/ialloc.c). After that many
    /// deletions each new loose object was slow to create, and the changes measured next took about
    /// twice as long, so the generated repository is deleted only at the end of the run.
    private func packedCopy(of seed: String, at path: String) throws -> Double {
        progress("packing a copy with git clone --bare --no-local")
        return try Stopwatch.time {
            try GitCommandBaseline.runGit(["clone", "-q", "--bare", "--no-local", seed, path], in: nil)
        }.1
    }

    /// Clones the helpdesk into a temporary working tree and times the changes there. The clone is
    /// deleted at the end of the run, for the same reason as the generated repository.
    private func gitBaseline(_ path: String, run: ChangeRun, scratch: ScratchFolders) throws -> (Double, [Double]) {
        guard options.gitChanges > 0 else { return (0, []) }
        progress("cloning into a working tree for the git command-line baseline")
        let clone = NSTemporaryDirectory() + "flatdesk-bench-clone-\(getpid())-\(UUID().uuidString.prefix(8))"
        scratch.add(clone)
        let (baseline, cloneSeconds) = try GitCommandBaseline.clone(path, into: clone)
        progress("\(options.gitChanges) changes with git add and git commit")
        return (cloneSeconds, try baseline.changePriorities(run.pickIDs(options.gitChanges)))
    }

    private func maintenanceCheck(_ run: ChangeRun, sink: CapturingLogSink, already: Int) throws -> MaintenanceCheck? {
        guard options.maintenanceChanges > already else { return nil }
        progress("\(options.maintenanceChanges - already) more changes for the maintenance check")
        return try run.maintenanceCheck(total: options.maintenanceChanges, already: already, log: sink)
    }

    /// Returns a priority other than `current`, cycling through the other three as `step` grows.
    static func nextPriority(after current: Priority, step: Int) -> Priority {
        let all = Priority.allCases
        let index = all.firstIndex(of: current) ?? 0
        return all[(index + 1 + step % (all.count - 1)) % all.count]
    }

    /// Returns the total size of the files under the repository's `objects/` folder.
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
