import FlatDesk
import Foundation

/// `flatdesk set`: edits ticket fields.
enum SetCommand: Command {
    static let name = "set"
    static let summary = "Change ticket fields (status, priority, assignee, …)"
    static let usage = """
        Usage: flatdesk set ID FIELD=VALUE… [--version V]

        Changes one or more fields in one commit. An empty value or 'none' clears a field.
        FIELD is status, priority, type, subject, category, team, assignee, organization,
        +tag, -tag, +follower, -follower, custom.NAME, or link.KIND=ID / -link.KIND=ID.

          --version V   Fail with a conflict if the ticket changed since version V
                        (the 'version' that 'show --json' prints).
        \(CommonOptions.helpdesk)
        \(CommonOptions.actor)

        Example: flatdesk set FD-12 status=in_progress assignee=lena@example.com
        """
    static let valueOptions: Set<String> = ["--helpdesk", "-C", "--as", "--version"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        let id = try arguments.positional(0, "ticket ID")
        let assignments = Array(arguments.positionals.dropFirst())
        guard !assignments.isEmpty else { throw UsageError(message: "missing FIELD=VALUE") }
        let edits = try assignments.map(parseAssignment)
        let (helpdesk, observers) = try CommonOptions.openHelpdeskForChanges(arguments)
        defer { withExtendedLifetime(observers) {} }
        let actor = CommonOptions.actor(arguments, helpdesk: helpdesk)
        let before = try helpdesk.ticket(id).version
        let (ticket, version) = try helpdesk.update(id, edits: edits, expectedVersion: arguments.value("--version"), actor: actor)
        let changed = version != before
        Console.out(changed ? "\(ticket.id) updated (version \(version.prefix(12)))" : "\(ticket.id) unchanged")
        return ExitStatus.success
    }

    static func parseAssignment(_ text: String) throws -> TicketEdit {
        guard let equals = text.firstIndex(of: "=") else {
            throw UsageError(message: "expected FIELD=VALUE, got '\(text)'")
        }
        let field = String(text[..<equals])
        let value = String(text[text.index(after: equals)...])
        if field.hasPrefix("link.") || field.hasPrefix("-link.") {
            let kindText = String(field.drop { $0 == "-" }.dropFirst(5))
            guard let kind = LinkKind(rawValue: kindText) else {
                let kinds = LinkKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError(message: "invalid link kind '\(kindText)' (expected one of \(kinds))")
            }
            let link = TicketLink(kind: kind, target: value)
            return field.hasPrefix("-") ? .removeLink(link) : .addLink(link)
        }
        do {
            return try TicketEdit.parse(field: field, value: value)
        } catch let error as HelpdeskError {
            throw UsageError(message: error.description)
        }
    }
}
