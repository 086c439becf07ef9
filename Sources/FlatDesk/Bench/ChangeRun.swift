import Foundation

/// A series of priority changes on randomly chosen open tickets of one helpdesk.
final class ChangeRun {
    let helpdesk: Helpdesk
    /// Ids of the tickets in an open status, in ticket-number order.
    let openIDs: [String]
    private let actor: Actor
    private let progress: @Sendable (String) -> Void
    private var random: SplitMix64
    private var step = 0

    /// - Throws: `BenchmarkError.noOpenTickets` when no ticket is in an open status.
    init(helpdesk: Helpdesk, seed: UInt64, progress: @escaping @Sendable (String) -> Void) throws {
        self.helpdesk = helpdesk
        self.progress = progress
        let open = SyntheticHelpdesk.openStatuses
        openIDs = helpdesk.index.allTickets().filter { open.contains($0.ticket.status) }
            .sorted { ($0.ticket.number ?? 0) < ($1.ticket.number ?? 0) }.map(\.id)
        guard !openIDs.isEmpty else { throw BenchmarkError.noOpenTickets(path: helpdesk.store.path) }
        let agent = helpdesk.settings.people.first { $0.role == .agent }
        actor = agent.map(Actor.init(person:)) ?? Actor.system(helpdesk.settings.profile)
        random = SplitMix64(seed: seed ^ 0xC4A4_6E5E_0000_0001)
    }

    /// `count` open tickets chosen at random, repeats allowed.
    func pickIDs(_ count: Int) -> [String] {
        (0..<count).map { _ in random.pick(openIDs) }
    }

    /// Makes `count` changes; returns the wall and CPU seconds of each, and the mean user and
    /// system CPU seconds per change.
    func timedChanges(_ count: Int) throws -> (wall: [Double], cpu: [Double], user: Double, system: Double) {
        var wall: [Double] = []
        var cpu: [Double] = []
        let start = Stopwatch.threadUserAndSystemSeconds()
        for _ in 0..<count {
            let (wallSeconds, cpuSeconds) = try change()
            wall.append(wallSeconds)
            cpu.append(cpuSeconds)
        }
        let end = Stopwatch.threadUserAndSystemSeconds()
        let changes = Double(max(count, 1))
        return (wall, cpu, (end.user - start.user) / changes, (end.system - start.system) / changes)
    }

    /// Changes the priority of one random open ticket; returns the wall seconds `Helpdesk.update`
    /// took and the CPU seconds it used on this thread.
    @discardableResult
    func change() throws -> (wall: Double, cpu: Double) {
        let id = random.pick(openIDs)
        let current = helpdesk.index.ticket(id)?.ticket.priority ?? .medium
        let next = CoreBenchmark.nextPriority(after: current, step: step)
        step += 1
        let cpuStart = Stopwatch.threadCPUSeconds()
        let wall = try Stopwatch.time { try helpdesk.update(id, edits: [.priority(next)], actor: actor) }.1
        return (wall, Stopwatch.threadCPUSeconds() - cpuStart)
    }

    /// Makes changes until `total` have been made, sampling the loose object count every 200, then
    /// waits for a repack still running and reads the repacks' durations from `log`.
    func maintenanceCheck(total: Int, already: Int, log: CapturingLogSink) throws -> MaintenanceCheck {
        let counter = GitMaintenance(gitDirectory: helpdesk.store.gitDirectory, logger: Logger(label: "flatdesk.bench"))
        var maximum = counter.looseObjectCount()
        for done in (already + 1)...total {
            try change()
            if done % 200 == 0 { maximum = max(maximum, counter.looseObjectCount()) }
            if done % 1000 == 0 { progress("\(done) changes made") }
        }
        ChangeRun.waitForChildProcesses()
        let atEnd = counter.looseObjectCount()
        return MaintenanceCheck(
            changes: total, looseObjectLimit: counter.looseObjectLimit, maximumLooseObjects: max(maximum, atEnd),
            looseObjectsAtEnd: atEnd, packsAtEnd: counter.packCount(), repackSeconds: ChangeRun.maintenanceSeconds(log))
    }

    /// Waits up to ten minutes for background maintenance (a `git` child process) to finish.
    static func waitForChildProcesses() {
        usleep(500_000)
        let deadline = Date().addingTimeInterval(600)
        while !ProcessMemory.childProcesses().isEmpty, Date() < deadline {
            usleep(100_000)
        }
        usleep(200_000)
    }

    /// Returns the `duration_ms` of every "git maintenance finished" record, in seconds.
    static func maintenanceSeconds(_ log: CapturingLogSink) -> [Double] {
        log.captured.filter { $0.contains("git maintenance finished") }.compactMap { line in
            guard let field = line.split(separator: " ").first(where: { $0.hasPrefix("duration_ms=") }) else {
                return nil
            }
            return Double(field.dropFirst("duration_ms=".count)).map { $0 / 1000 }
        }
    }
}
