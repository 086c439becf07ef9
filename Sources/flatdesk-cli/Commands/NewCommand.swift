import FlatDesk
import Foundation

/// `flatdesk new`: opens a ticket.
enum NewCommand: Command {
    static let name = "new"
    static let summary = "Open a ticket"
    static let usage = """
        Usage: flatdesk new SUBJECT [--requester EMAIL] [--text TEXT | --text-file FILE] [options]

        Opens a ticket and commits it. The request text is read from --text, --text-file or,
        when neither is given and standard input is not a terminal, from standard input.

          --requester EMAIL    Who asked (default: the acting person).
          --type TYPE          incident, service_request, problem or change (default: incident).
          --priority P         low, medium, high or urgent (default: medium).
          --category NAME      One of settings/categories.json.
          --team ID            One of settings/teams.json.
          --assignee EMAIL     An agent from settings/people.json.
          --tag TAG            Add a tag; repeatable.
          --follower EMAIL     Add a follower; repeatable.
          --json               Print the new ticket as JSON.
        \(CommonOptions.helpdesk)
        \(CommonOptions.actor)
        """
    static let valueOptions: Set<String> = [
        "--helpdesk", "-C", "--as", "--requester", "--text", "--text-file", "--type", "--priority", "--category", "--team",
        "--assignee", "--tag", "--follower",
    ]
    static let flagOptions: Set<String> = ["--json"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        let subject = try arguments.positional(0, "SUBJECT")
        try arguments.expectPositionals(atMost: 1)
        let type = try arguments.value("--type").map { try parse($0, "--type", TicketType.self) }
        let priority = try arguments.value("--priority").map { try parse($0, "--priority", Priority.self) }
        let (helpdesk, observers) = try CommonOptions.openHelpdeskForChanges(arguments)
        defer { withExtendedLifetime(observers) {} }
        let actor = CommonOptions.actor(arguments, helpdesk: helpdesk)
        var draft = NewTicket(subject: subject, text: try requestText(arguments), requester: arguments.value("--requester") ?? actor.email)
        draft.ticketType = type ?? .incident
        draft.priority = priority ?? .medium
        draft.category = arguments.value("--category")
        draft.team = arguments.value("--team")
        draft.assignee = arguments.value("--assignee")
        draft.tags = arguments.values("--tag")
        draft.followers = arguments.values("--follower")
        draft.channel = .console
        let ticket = try helpdesk.createTicket(draft, actor: actor)
        if arguments.flag("--json") {
            Console.out(TicketJSON.render(ticket, version: helpdesk.index.ticket(ticket.id)?.version))
        } else {
            Console.out("\(ticket.id)  \(ticket.subject)")
        }
        return ExitStatus.success
    }

    private static func requestText(_ arguments: CommandLineArguments) throws -> String {
        if let text = arguments.value("--text") { return text }
        if let file = arguments.value("--text-file") {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UsageError(message: "cannot read --text-file '\(file)'")
            }
            return String(decoding: data, as: UTF8.self)
        }
        guard isatty(STDIN_FILENO) == 0 else { return "" }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    static func parse<T: RawRepresentable & CaseIterable>(_ text: String, _ option: String, _ type: T.Type) throws -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(message: "invalid \(option) '\(text)' (expected one of \(choices))")
        }
        return value
    }
}
