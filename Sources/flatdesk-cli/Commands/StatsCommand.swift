import FlatDesk
import Foundation

/// `flatdesk stats`: counts per status, priority and team.
enum StatsCommand: Command {
    static let name = "stats"
    static let summary = "Count tickets per status, priority and team"
    static let usage = """
        Usage: flatdesk stats [--json]
        \(CommonOptions.helpdesk)
        """
    static let flagOptions: Set<String> = ["--json"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 0)
        let started = Date()
        let helpdesk = try CommonOptions.openHelpdesk(arguments)
        let openMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
        let index = helpdesk.index
        let active = Set(helpdesk.settings.allStatuses).subtracting(["resolved", "closed"])
        let groups: [(String, [String: Int])] = [
            ("status", index.countsByStatus()),
            ("priority", index.counts(by: \.priorityText, statuses: active)),
            ("team", index.counts(by: \.team, statuses: active)),
            ("assignee", index.counts(by: \.assignee, statuses: active)),
        ]
        let breached = index.query(breachedQuery(active)).total
        if arguments.flag("--json") {
            var pairs: [(key: String, value: JSONValue)] = [("tickets", .number("\(index.count)")), ("breached", .number("\(breached)"))]
            for (name, counts) in groups {
                pairs.append((name, .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .number("\($0.value)")) })))
            }
            Console.out(TicketJSON.encode(.object(pairs)))
            return ExitStatus.success
        }
        Console.out("\(index.count) tickets, \(breached) open with a breached SLA, \(Set(index.problems.map(\.path)).count) unreadable files (indexed in \(openMilliseconds) ms)")
        for (name, counts) in groups {
            Console.out("")
            Console.out(name == "status" ? "By status:" : "Open by \(name):")
            for (key, count) in counts.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }) {
                Console.out("  " + (key.isEmpty ? "(none)" : key).padding(toLength: 36, withPad: " ", startingAt: 0) + "\(count)")
            }
        }
        return ExitStatus.success
    }

    private static func breachedQuery(_ statuses: Set<String>) -> TicketQuery {
        var query = TicketQuery()
        query.statuses = statuses
        query.breached = true
        return query
    }
}

extension Ticket {
    /// The priority as text, for grouping.
    var priorityText: String? { priority.rawValue }
}
