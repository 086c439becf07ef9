import Foundation

/// The repository-core figures measured on one synthetic helpdesk.
public struct CoreBenchmarkResult: Sendable {
    public var ticketCount: Int
    /// Tickets in an open status, the ones the changes pick from.
    public var openTickets: Int
    /// Seconds to build every ticket file and commit them in one commit, or nil for a reused helpdesk.
    public var generationSeconds: Double?
    /// Seconds the packed copy (`git clone --bare --no-local`) took, or nil when the helpdesk was left unpacked.
    public var packSeconds: Double?
    /// Bytes under the repository's `objects/` folder after generating (and packing).
    public var objectBytes: Int
    /// `Helpdesk(path:)` with no index cache: open the repository, read the settings, read every ticket file.
    public var openFromBlobs: HelpdeskOpening
    /// `Helpdesk(path:)` again, with the index cache the first opening saved.
    public var openFromCache: HelpdeskOpening
    /// One priority change through `Helpdesk.update`: commit plus index update.
    public var change: LatencySummary
    /// CPU time of the same changes on the thread that made them.
    public var changeCPU: LatencySummary
    /// Mean user CPU seconds per change; the rest of `changeCPU` is system time.
    public var changeUserSeconds: Double
    /// Mean system CPU seconds per change, mostly the file-system calls that create loose objects.
    public var changeSystemSeconds: Double
    /// Seconds to clone the helpdesk into a working tree for the git command-line baseline.
    public var gitCloneSeconds: Double
    /// The same change with the git command line: edit the file, `git add`, `git commit -q`.
    public var gitChange: LatencySummary
    /// Loose objects after many changes, with the repacks that kept them bounded; nil when not run.
    public var maintenance: MaintenanceCheck?
}

/// The cost of opening a helpdesk: time, CPU time and resident memory.
public struct HelpdeskOpening: Sendable {
    public var seconds: Double
    /// CPU seconds of all threads; unlike wall time, other processes on the machine do not inflate it.
    public var cpuSeconds: Double
    /// Resident memory just before opening, after handing freed memory back to the system.
    public var residentBytesBefore: Int?
    /// Resident memory once the index is built.
    public var residentBytesAfter: Int?
    /// The part of `residentBytesAfter` that is mapped files, mostly pack files.
    public var residentFileBytesAfter: Int?
}

/// How many loose objects a long run of changes left, and the repacks that ran meanwhile.
public struct MaintenanceCheck: Sendable {
    /// Changes made through `Helpdesk.update`, counting the timed ones.
    public var changes: Int
    /// The count at which maintenance repacks.
    public var looseObjectLimit: Int
    /// The highest count seen, sampled every 200 changes.
    public var maximumLooseObjects: Int
    /// The count after the last change, once any repack still running had finished.
    public var looseObjectsAtEnd: Int
    public var packsAtEnd: Int
    /// Wall time of each background `git repack -d` (or `git gc`) maintenance ran.
    public var repackSeconds: [Double]
}

/// The machine a benchmark ran on.
public struct MachineDescription: Sendable {
    public var cores: Int
    public var cpuModel: String
    public var memoryBytes: UInt64

    /// Describes the current machine, with the CPU model from `/proc/cpuinfo`.
    public static func current() -> MachineDescription {
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let modelLine = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        let model = modelLine?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
        return MachineDescription(
            cores: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model ?? "unknown",
            memoryBytes: ProcessInfo.processInfo.physicalMemory)
    }
}

/// Every result of one `flatdesk bench` run.
public struct CoreBenchmarkReport: Sendable {
    public var date: Date
    public var machine: MachineDescription
    public var results: [CoreBenchmarkResult]

    /// Median change time of the largest helpdesk divided by that of the smallest, when at least two sizes ran.
    public var changeMedianRatio: Double? {
        ratio(\.change.medianSeconds)
    }

    /// The same ratio for the CPU time of a change, which other processes on the machine disturb less.
    public var changeCPUMedianRatio: Double? {
        ratio(\.changeCPU.medianSeconds)
    }

    private func ratio(_ figure: KeyPath<CoreBenchmarkResult, Double>) -> Double? {
        guard results.count >= 2, let small = results.min(by: { $0.ticketCount < $1.ticketCount }),
            let large = results.max(by: { $0.ticketCount < $1.ticketCount }), small[keyPath: figure] > 0
        else { return nil }
        return large[keyPath: figure] / small[keyPath: figure]
    }
}
