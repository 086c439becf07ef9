import FlatDesk
import Foundation

/// `flatdesk show`: prints one ticket with its thread.
enum ShowCommand: Command {
    static let name = "show"
    static let summary = "Show a ticket and its thread"
    static let usage = """
        Usage: flatdesk show ID [--json]

          --json    Print the ticket, its version and its thread as JSON.
        \(CommonOptions.helpdesk)
        """
    static let flagOptions: Set<String> = ["--json"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        let id = try arguments.positional(0, "ticket ID")
        try arguments.expectPositionals(atMost: 1)
        let helpdesk = try CommonOptions.openHelpdesk(arguments)
        let (ticket, version) = try helpdesk.ticket(id)
        if arguments.flag("--json") {
            Console.out(TicketJSON.render(ticket, version: version))
            return ExitStatus.success
        }
        Console.out(describe(ticket, version: version, helpdesk: helpdesk))
        return ExitStatus.success
    }

    private static func describe(_ ticket: Ticket, version: String, helpdesk: Helpdesk) -> String {
        var lines = ["\(ticket.id): \(ticket.subject)", ""]
        let fields: [(String, String?)] = [
            ("Type", ticket.ticketType.rawValue), ("Status", helpdesk.settings.statusName(ticket.status)),
            ("Priority", ticket.priority.rawValue), ("Category", ticket.category), ("Team", ticket.team),
            ("Assignee", ticket.assignee), ("Requester", ticket.requester), ("Organization", ticket.organizationId),
            ("Followers", ticket.followers.isEmpty ? nil : ticket.followers.joined(separator: ", ")),
            ("Tags", ticket.tags.isEmpty ? nil : ticket.tags.joined(separator: ", ")),
            ("Links", ticket.links.isEmpty ? nil : ticket.links.map { "\($0.kind.rawValue) \($0.target)" }.joined(separator: ", ")),
            ("Created", Timestamp.format(ticket.createdAt)), ("Updated", Timestamp.format(ticket.updatedAt)),
            ("First response due", ticket.firstResponseDueAt.map(Timestamp.format)),
            ("Resolution due", ticket.resolutionDueAt.map(Timestamp.format)),
            ("SLA breached", ticket.slaBreached ? "yes" : nil), ("Version", String(version.prefix(12))),
        ]
        for (label, value) in fields {
            if let value { lines.append(label.padding(toLength: 20, withPad: " ", startingAt: 0) + value) }
        }
        for entry in ticket.entries {
            lines.append("")
            lines.append("── \(entry.id) \(entry.kind.rawValue) · \(entry.author) · \(Timestamp.format(entry.at))")
            lines.append(entry.text)
        }
        return lines.joined(separator: "\n")
    }
}
