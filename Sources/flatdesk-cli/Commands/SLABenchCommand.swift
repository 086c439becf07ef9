import FlatDesk
import Foundation

/// `flatdesk sla-bench`: the SLA engine and scheduler on a synthetic helpdesk.
enum SLABenchCommand: Command {
    static let name = "sla-bench"
    static let summary = "Benchmark SLA evaluation at start-up and the scheduler's wake-up delay"
    static let usage = """
        Usage: flatdesk sla-bench [--tickets N] [--samples K]

        Generates a synthetic helpdesk of N tickets (default: 100000) in a temporary folder, times
        the SLA evaluation of every ticket that the scheduler runs at start-up, then measures K
        times (default: 5) the delay between a due time and the committed breach while the
        scheduler thread sleeps on its queue. Use a release build.
        """
    static let valueOptions: Set<String> = ["--tickets", "--samples"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 0)
        let count = try arguments.integer("--tickets", default: 100_000)
        let samples = try arguments.integer("--samples", default: 5)
        let folder = NSTemporaryDirectory() + "flatdesk-sla-bench-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        Console.error("generating \(count) tickets")
        _ = try SyntheticHelpdesk(ticketCount: count).generate(at: folder)
        let helpdesk = try Helpdesk(path: folder, logger: Logger(label: "flatdesk", minimumLevel: .warning))
        let startup = SLASchedulerBenchmark.startup(helpdesk)
        Console.out(String(format: "SLA evaluation of %d tickets at start-up: %.3f s (%d scheduled, %d breaches recorded)", count, startup.seconds, startup.scheduled, startup.breachesRecorded))
        let again = SLASchedulerBenchmark.startup(helpdesk)
        Console.out(String(format: "second start-up evaluation, nothing left to record: %.3f s", again.seconds))
        let delays = try SLASchedulerBenchmark.wakeUpDelays(helpdesk, samples: samples)
        for (index, delay) in delays.enumerated() {
            Console.out(String(format: "wake-up sample %d: breach committed %.3f s after the due time, %.3f s after the first second it could be", index + 1, delay.fromDue, delay.fromEarliest))
        }
        return ExitStatus.success
    }
}
