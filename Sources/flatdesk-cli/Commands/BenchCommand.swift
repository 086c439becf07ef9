import FlatDesk
import Foundation

/// `flatdesk bench`: the repository-core benchmark on synthetic helpdesks.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "Benchmark the repository core on synthetic helpdesks"
    static let usage = """
        Usage: flatdesk bench [--tickets N[,N…]] [--changes K] [--out DIR] [--json]

        For each size, generates a synthetic helpdesk (a bare repository, then a packed copy of it),
        opens it twice in fresh processes (building the index from the ticket files, then from the
        index cache) and times K priority changes through the helpdesk. Then, for each size, it
        times the same change made with git add and git commit in a working-tree clone, and makes
        changes up to the maintenance count to check that loose objects stay bounded. Progress goes
        to standard error. Use a release build: swift build -c release.

          --tickets N[,N…]        Helpdesk sizes in tickets (default: 1000,100000).
          --changes K             Timed changes per size through the helpdesk (default: 500).
          --git-changes K         Timed changes per size with the git command line (default: 50).
          --maintenance-changes K Changes in all before counting loose objects; 0 skips it (default: 5000).
          --seed S                Seed of the synthetic helpdesks (default: 1).
          --no-pack               Measure the generated repository with its loose objects instead of a
                                  packed copy made with git clone --bare --no-local.
          --out DIR               Generate the helpdesks in DIR and keep them, with the results in
                                  DIR/core-benchmark.json (default: a temporary folder that is deleted
                                  afterwards). A helpdesk left there by an earlier run is reused.
          --json                  Print the results as JSON.
          --measure-open DIR      Only open the helpdesk in DIR once and print the time, CPU time and
                                  memory it took as JSON; the benchmark runs itself this way so that
                                  each opening starts in a fresh process.
        """
    static let valueOptions: Set<String> = [
        "--tickets", "--changes", "--git-changes", "--maintenance-changes", "--seed", "--out", "--measure-open",
    ]
    static let flagOptions: Set<String> = ["--json", "--no-pack"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 0)
        if let path = arguments.value("--measure-open") {
            Console.out(try HelpdeskOpening.measure(path).jsonText)
            return ExitStatus.success
        }
        let options = try parseOptions(arguments)
        let benchmark = CoreBenchmark(options: options) { Console.error("bench: " + $0) }
        let report = try benchmark.run()
        if let folder = options.folder {
            let file = (folder as NSString).appendingPathComponent("core-benchmark.json")
            try Data((TicketJSON.encode(report.json()) + "\n").utf8).write(to: URL(fileURLWithPath: file))
        }
        if arguments.flag("--json") {
            Console.out(TicketJSON.encode(report.json()))
        } else {
            Console.out(report.table())
        }
        return ExitStatus.success
    }

    static func parseOptions(_ arguments: CommandLineArguments) throws -> CoreBenchmark.Options {
        var options = CoreBenchmark.Options()
        if let text = arguments.value("--tickets") {
            options.ticketCounts = try text.split(separator: ",").map { part in
                guard
                    let count = Int(part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")),
                    count > 0
                else {
                    throw UsageError(
                        message: "--tickets needs positive whole numbers separated by commas, got '\(text)'")
                }
                return count
            }
        }
        options.changes = try positive(arguments, "--changes", default: options.changes)
        options.gitChanges = try positive(arguments, "--git-changes", default: options.gitChanges, allowZero: true)
        options.maintenanceChanges = try positive(
            arguments, "--maintenance-changes", default: options.maintenanceChanges, allowZero: true)
        options.seed = UInt64(try positive(arguments, "--seed", default: 1, allowZero: true))
        options.packAfterGenerating = !arguments.flag("--no-pack")
        options.folder = arguments.value("--out")
        return options
    }

    private static func positive(
        _ arguments: CommandLineArguments, _ name: String, default fallback: Int, allowZero: Bool = false
    )
        throws -> Int
    {
        let value = try arguments.integer(name, default: fallback)
        guard value > 0 || (allowZero && value == 0) else {
            throw UsageError(message: "\(name) needs a whole number \(allowZero ? "≥ 0" : "≥ 1"), got \(value)")
        }
        return value
    }
}
