import FlatDesk
import Foundation

/// `flatdesk log`: a ticket's history from git.
enum LogCommand: Command {
    static let name = "log"
    static let summary = "Show a ticket's history from git"
    static let usage = """
        Usage: flatdesk log ID [--limit N] [--json]

        Lists the commits that changed the ticket, newest first: when, who and what.
          --limit N   At most N commits (default: 100).
          --json      Print a JSON array.
        \(CommonOptions.helpdesk)
        """
    static let valueOptions: Set<String> = ["--helpdesk", "-C", "--limit"]
    static let flagOptions: Set<String> = ["--json"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        let id = try arguments.positional(0, "ticket ID")
        try arguments.expectPositionals(atMost: 1)
        let helpdesk = try CommonOptions.openHelpdesk(arguments)
        let commits = try helpdesk.history(id, limit: try arguments.integer("--limit", default: 100))
        if arguments.flag("--json") {
            let rows: [JSONValue] = commits.map { commit in
                .object([
                    ("commit", .string(commit.oid.hex)), ("author", .string(commit.authorName)),
                    ("email", .string(commit.authorEmail)), ("time", .string(Timestamp.format(commit.time))),
                    ("message", .string(commit.message.trimmingCharacters(in: .whitespacesAndNewlines))),
                ])
            }
            Console.out(TicketJSON.encode(.array(rows)))
            return ExitStatus.success
        }
        for commit in commits {
            let subject = commit.message.split(separator: "\n").first.map(String.init) ?? ""
            Console.out("\(commit.oid.hex.prefix(10))  \(Timestamp.format(commit.time))  \(commit.authorName) <\(commit.authorEmail)>  \(subject)")
        }
        return ExitStatus.success
    }
}
