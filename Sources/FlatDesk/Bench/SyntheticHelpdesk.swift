import Foundation

/// A helpdesk of generated tickets for benchmarks and tests; the same seed always gives the same files.
///
/// Tickets have the full front-matter as FlatDesk writes it and 300–3000 bytes of thread text in
/// 1–9 entries. Their dates span two years (2024–2025) with SLA due times, and a few hundred
/// requesters in eight organizations raise them. Most tickets are closed or resolved; about 5–10%
/// are still open, most of those among the newest tickets.
public struct SyntheticHelpdesk: Sendable {
    public let ticketCount: Int
    public let seed: UInt64
    public let keyPrefix: String
    private let factory: SyntheticTicketFactory

    /// Describes a helpdesk of `ticketCount` tickets numbered from 1, drawn from `seed`.
    /// - Throws: `BenchmarkError.invalidTicketCount` for fewer than one ticket or more than 9,999,999.
    public init(ticketCount: Int, seed: UInt64 = 1, keyPrefix: String = "FD") throws {
        guard (1...9_999_999).contains(ticketCount) else { throw BenchmarkError.invalidTicketCount(ticketCount) }
        self.ticketCount = ticketCount
        self.seed = seed
        self.keyPrefix = keyPrefix
        let directory = SyntheticDirectory(seed: seed)
        self.factory = SyntheticTicketFactory(
            directory: directory, seed: seed, count: ticketCount, keyPrefix: keyPrefix)
    }

    /// Builds ticket number `number`, from 1 to `ticketCount`.
    public func ticket(number: Int) -> Ticket {
        factory.ticket(number: number)
    }

    /// The statuses in which a ticket still needs work.
    public static var openStatuses: Set<String> { Set(SyntheticTicketFactory.openStatuses.map(\.0)) }

    /// Returns the settings files: the defaults of a new helpdesk, with the synthetic teams, organizations and people.
    public func settingsFiles() -> [FileChange] {
        let replaced = factory.directory.settingsFiles()
        let replacedPaths = Set(replaced.map(\.path))
        let defaults = DefaultSettings.files(name: "Synthetic service desk", keyPrefix: keyPrefix)
            .filter { !replacedPaths.contains($0.path) }
        return (defaults + replaced).map { FileChange(path: $0.path, contents: $0.contents) }
    }

    /// Encodes every ticket file on all cores; returns them in ticket-number order.
    public func ticketFiles() -> [FileChange] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = (ticketCount + workers - 1) / workers
        let slots = SyntheticFileSlots(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let numbers = (worker * chunk + 1)..<min(ticketCount, (worker + 1) * chunk) + 1
            slots.store(
                worker,
                numbers.map { number in
                    let ticket = factory.ticket(number: number)
                    return FileChange(path: Ticket.path(for: ticket.id), contents: TicketCodec.encode(ticket))
                })
        }
        return slots.joined()
    }

    /// Creates a repository at `path` and commits the settings and every ticket in one commit.
    /// - Parameters:
    ///   - path: a folder that does not exist yet.
    ///   - bare: create a bare repository (the default); false gives a working tree with the files checked out.
    /// - Returns: the commit, dated at the end of the two years so that the same seed gives the same commit id.
    /// - Throws: `BenchmarkError.pathExists`, or what the git store throws.
    @discardableResult
    public func generate(at path: String, bare: Bool = true) throws -> GitOID {
        guard !FileManager.default.fileExists(atPath: path) else { throw BenchmarkError.pathExists(path: path) }
        let changes = settingsFiles() + ticketFiles()
        let store = try GitStore.create(path: path, bare: bare)
        let end = Date(
            timeIntervalSince1970: TimeInterval(
                SyntheticTicketFactory.firstCreatedAt + SyntheticTicketFactory.spanSeconds))
        let bot = CommitIdentity(name: "FlatDesk", email: SyntheticDirectory.bot, time: end)
        let message = "Import \(ticketCount) synthetic tickets (seed \(seed))"
        guard let result = try store.commit(author: bot, message: message, changes: changes) else {
            throw BenchmarkError.invalidTicketCount(ticketCount)
        }
        return result.commit
    }
}

/// Per-worker results of `SyntheticHelpdesk.ticketFiles`, written from `concurrentPerform`.
private final class SyntheticFileSlots: @unchecked Sendable {
    private var slots: [[FileChange]]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: [], count: count)
    }

    func store(_ index: Int, _ files: [FileChange]) {
        lock.lock()
        slots[index] = files
        lock.unlock()
    }

    func joined() -> [FileChange] {
        lock.lock()
        defer { lock.unlock() }
        return slots.flatMap { $0 }
    }
}
