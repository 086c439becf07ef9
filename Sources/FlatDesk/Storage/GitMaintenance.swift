import Foundation
import Synchronization

/// Keeps the number of loose objects bounded by packing them with the git command line.
///
/// Every commit adds about five loose objects (a blob, three trees, a commit). libgit2's pack
/// builder is slow and never prunes, so once the loose objects pass `looseObjectLimit`,
/// maintenance runs `git repack -d` in the background (pack the loose objects, delete the packed
/// copies) and, when packs pile up, `git gc` to consolidate them and prune unreachable objects.
///
/// Both delete thousands of files at once. On ext4 without a journal, every file created in the
/// next 5 to 10 seconds then scans past the freed inodes, which slows the commits made meanwhile.
/// So maintenance waits for `idleSeconds` without a commit, unless the loose objects pass
/// `hardLooseObjectLimit`, where it runs at once.
final class GitMaintenance: Sendable {
    private let gitDirectory: String
    private let logger: Logger
    private let commitsSinceCheck = Mutex(0)
    private let running = Atomic<Bool>(false)
    /// When the last commit was noted, in nanoseconds of the monotonic clock.
    private let lastCommit = Atomic<UInt64>(0)
    let checkEveryCommits: Int
    let looseObjectLimit: Int
    let hardLooseObjectLimit: Int
    let packLimit: Int
    let idleSeconds: Double

    init(
        gitDirectory: String, logger: Logger, checkEveryCommits: Int = 200, looseObjectLimit: Int = 5000,
        hardLooseObjectLimit: Int = 25_000, packLimit: Int = 20, idleSeconds: Double = 1
    ) {
        self.gitDirectory = gitDirectory
        self.logger = logger
        self.checkEveryCommits = checkEveryCommits
        self.looseObjectLimit = looseObjectLimit
        self.hardLooseObjectLimit = max(hardLooseObjectLimit, looseObjectLimit)
        self.packLimit = packLimit
        self.idleSeconds = idleSeconds
    }

    /// Counts a commit and starts maintenance in the background when it is due.
    func noteCommit() {
        lastCommit.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed)
        let due = commitsSinceCheck.withLock { count -> Bool in
            count += 1
            guard count >= checkEveryCommits else { return false }
            count = 0
            return true
        }
        guard due, running.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return }
        Thread.detachNewThread { [self] in
            defer { running.store(false, ordering: .releasing) }
            runIfNeeded()
        }
    }

    /// Waits until background maintenance in progress finishes, or `timeout` seconds pass.
    func waitUntilIdle(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while running.load(ordering: .acquiring), Date() < deadline { usleep(20_000) }
    }

    /// Runs maintenance in the calling thread if the limits are passed.
    func runNow() {
        runIfNeeded(force: true)
    }

    private func runIfNeeded(force: Bool = false) {
        let loose = looseObjectCount()
        if force || loose >= looseObjectLimit {
            let waited = force ? nil : waitForPause(loose: loose)
            run(["repack", "-d", "-q"], reason: "\(waited ?? loose) loose objects")
        }
        let packs = packCount()
        if packs > packLimit {
            if !force { _ = waitForPause(loose: 0) }
            run(["gc", "--quiet"], reason: "\(packs) packs")
        }
    }

    /// Waits until no commit came for `idleSeconds`, or until the loose objects pass the hard limit.
    /// - Returns: the loose objects counted last.
    private func waitForPause(loose: Int) -> Int {
        var count = loose
        while count < hardLooseObjectLimit {
            let idle = Double(DispatchTime.now().uptimeNanoseconds - lastCommit.load(ordering: .relaxed)) / 1e9
            if idle >= idleSeconds { break }
            usleep(UInt32(min(idleSeconds, 0.25) * 1_000_000))
            count = looseObjectCount()
        }
        return count
    }

    /// Number of loose objects, counted in every `objects/xx` folder.
    func looseObjectCount() -> Int {
        let manager = FileManager.default
        let objects = gitDirectory + "objects/"
        var total = 0
        for byte in 0..<256 {
            let folder = objects + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            total += (try? manager.contentsOfDirectory(atPath: folder).count) ?? 0
        }
        return total
    }

    func packCount() -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: gitDirectory + "objects/pack")) ?? []
        return files.filter { $0.hasSuffix(".pack") }.count
    }

    private func run(_ arguments: [String], reason: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "--git-dir=" + gitDirectory] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let started = Date()
        do {
            try process.run()
            process.waitUntilExit()
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            logger.info(
                "git maintenance finished",
                ["git.command": arguments[0], "reason": reason, "status": "\(process.terminationStatus)", "duration_ms": "\(milliseconds)"])
        } catch {
            logger.error("git maintenance could not start; is git installed?", ["git.command": arguments[0], "error": "\(error)"])
        }
    }
}
