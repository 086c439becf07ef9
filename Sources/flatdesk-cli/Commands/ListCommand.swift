import FlatDesk
import Foundation

/// `flatdesk list`: shows a queue.
enum ListCommand: Command {
    static let name = "list"
    static let summary = "List tickets, filtered and ordered like a queue"
    static let usage = """
        Usage: flatdesk list [filters] [--sort ORDER] [--limit N] [--json]

        Lists tickets ordered by SLA due time (soonest first). Without --status, resolved and
        closed tickets are left out; filters may be repeated to match any of several values.

          --status S         Status id, or 'all'.
          --team ID          Team id; 'none' for tickets without a team.
          --assignee EMAIL   Assignee; 'none' for unassigned tickets, 'me' for the acting person.
          --priority P       low, medium, high or urgent.
          --type T           incident, service_request, problem or change.
          --requester EMAIL  Tickets requested by this person.
          --breached         Only tickets whose SLA is breached.
          --search TEXT      Subject or key contains TEXT.
          --sort ORDER       due, updated, created, priority or id (default: due).
          --desc             Reverse the order.
          --limit N          At most N rows (default: 50).
          --offset N         Skip the first N rows.
          --json             Print a JSON array.
        \(CommonOptions.helpdesk)
        \(CommonOptions.actor)
        """
    static let valueOptions: Set<String> = [
        "--helpdesk", "-C", "--as", "--status", "--team", "--assignee", "--priority", "--type", "--requester", "--search",
        "--sort", "--limit", "--offset",
    ]
    static let flagOptions: Set<String> = ["--json", "--breached", "--desc"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 0)
        let helpdesk = try CommonOptions.openHelpdesk(arguments)
        let query = try makeQuery(arguments, helpdesk: helpdesk)
        let page = helpdesk.index.query(query)
        if arguments.flag("--json") {
            let rows = page.tickets.map { TicketJSON.value($0.ticket, version: $0.version, includeThread: false) }
            Console.out(TicketJSON.encode(.array(rows)))
        } else {
            printTable(page, engine: helpdesk.slaEngine, now: helpdesk.now())
        }
        return ExitStatus.success
    }

    static func makeQuery(_ arguments: CommandLineArguments, helpdesk: Helpdesk) throws -> TicketQuery {
        var query = TicketQuery()
        let statuses = arguments.values("--status")
        if statuses.contains("all") {
            query.statuses = nil
        } else if !statuses.isEmpty {
            let known = helpdesk.settings.allStatuses
            if let unknown = statuses.first(where: { !known.contains($0) }) {
                throw UsageError(message: "invalid --status '\(unknown)' (expected all or one of \(known.joined(separator: ", ")))")
            }
            query.statuses = Set(statuses)
        } else {
            query.statuses = Set(helpdesk.settings.allStatuses).subtracting(["resolved", "closed"])
        }
        let teams = arguments.values("--team").map { $0 == "none" ? "" : $0 }
        if !teams.isEmpty { query.teams = Set(teams) }
        let me = CommonOptions.actor(arguments, helpdesk: helpdesk).email
        let assignees = arguments.values("--assignee").map { $0 == "none" ? "" : $0 == "me" ? me : $0.lowercased() }
        if !assignees.isEmpty { query.assignees = Set(assignees) }
        let priorities = try arguments.values("--priority").map { try NewCommand.parse($0, "--priority", Priority.self) }
        if !priorities.isEmpty { query.priorities = Set(priorities) }
        let types = try arguments.values("--type").map { try NewCommand.parse($0, "--type", TicketType.self) }
        if !types.isEmpty { query.types = Set(types) }
        query.requester = arguments.value("--requester")
        query.breached = arguments.flag("--breached") ? true : nil
        query.text = arguments.value("--search")
        if let order = arguments.value("--sort") { query.order = try NewCommand.parse(order, "--sort", TicketQuery.Order.self) }
        query.descending = arguments.flag("--desc")
        query.limit = try arguments.integer("--limit", default: 50)
        query.offset = try arguments.integer("--offset", default: 0)
        return query
    }

    private static func printTable(_ page: TicketPage, engine: SLAEngine?, now: Date) {
        var rows = [["KEY", "STATUS", "PRIORITY", "ASSIGNEE", "SLA", "SUBJECT"]]
        for indexed in page.tickets {
            let ticket = indexed.ticket
            rows.append([
                ticket.id, ticket.status, ticket.priority.rawValue, ticket.assignee ?? "-",
                SLAText.countdown(indexed, engine: engine, now: now), String(ticket.subject.prefix(60)),
            ])
        }
        Console.out(TextTable.render(rows))
        Console.out("\(page.tickets.count) of \(page.total) tickets")
    }
}

/// Plain-text columns padded to the widest cell.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// SLA countdown text, worded as the console words it (`due in 2h 10m`, `overdue 35m`, `paused`), or `-`.
enum SLAText {
    static func countdown(_ indexed: IndexedTicket, engine: SLAEngine?, now: Date) -> String {
        guard let engine else { return "-" }
        let text = engine.countdown(indexed.ticket.slaState, at: now).consoleText
        return text == "—" ? "-" : text
    }
}
