import Foundation

/// Order statistics of a series of timings.
public struct LatencySummary: Sendable, Equatable {
    public var count: Int
    public var medianSeconds: Double
    public var p99Seconds: Double
    public var meanSeconds: Double
    public var maximumSeconds: Double

    /// Summarizes `samples` in seconds; every field is 0 for an empty series.
    public init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        medianSeconds = LatencySummary.percentile(sorted, 0.5)
        p99Seconds = LatencySummary.percentile(sorted, 0.99)
        meanSeconds = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        maximumSeconds = sorted.last ?? 0
    }

    /// The nearest-rank percentile of sorted samples: the smallest value with at least `fraction` of them at or below it.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

/// Measures how long a piece of work takes, in wall time and in CPU time.
///
/// CPU time matters on a shared machine: other processes stretch the wall time of a step but
/// not the CPU time it used.
enum Stopwatch {
    /// User plus system CPU seconds used so far by every thread of this process.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// `RUSAGE_THREAD` in Linux's `<sys/resource.h>`, which Swift's Glibc module does not export.
    private static let rusageThread: Int32 = 1

    /// User and system CPU seconds used so far by the calling thread.
    static func threadUserAndSystemSeconds() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(rusageThread, &usage)
        return (seconds(usage.ru_utime), seconds(usage.ru_stime))
    }

    /// CPU seconds used so far by the calling thread.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func seconds(_ value: timeval) -> Double {
        Double(value.tv_sec) + Double(value.tv_usec) / 1e6
    }

    /// Runs `body` and returns its result and the seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = ContinuousClock.now
        let result = try body()
        let elapsed = ContinuousClock.now - start
        return (result, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
