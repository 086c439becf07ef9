import FlatDesk
import Foundation

/// `flatdesk reply`: adds a public reply.
enum ReplyCommand: Command {
    static let name = "reply"
    static let summary = "Add a public reply to a ticket"
    static let usage = """
        Usage: flatdesk reply ID [TEXT] [--text-file FILE]

        Adds a public reply, visible to the requester. TEXT may also come from --text-file or
        standard input.
        \(CommonOptions.helpdesk)
        \(CommonOptions.actor)
        """
    static let valueOptions: Set<String> = ["--helpdesk", "-C", "--as", "--text-file", "--version"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        try addEntry(arguments, kind: .reply)
    }

    static func addEntry(_ arguments: CommandLineArguments, kind: TicketEntry.Kind) throws -> Int32 {
        let id = try arguments.positional(0, "ticket ID")
        try arguments.expectPositionals(atMost: 2)
        let text = try entryText(arguments)
        let (helpdesk, observers) = try CommonOptions.openHelpdeskForChanges(arguments)
        defer { withExtendedLifetime(observers) {} }
        let actor = CommonOptions.actor(arguments, helpdesk: helpdesk)
        let (ticket, entry) = try helpdesk.addEntry(id, kind: kind, text: text, actor: actor, expectedVersion: arguments.value("--version"))
        Console.out("\(ticket.id): added \(kind == .note ? "internal note" : "reply") \(entry.id)")
        return ExitStatus.success
    }

    private static func entryText(_ arguments: CommandLineArguments) throws -> String {
        if arguments.positionals.count > 1 { return arguments.positionals[1] }
        if let file = arguments.value("--text-file") {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UsageError(message: "cannot read --text-file '\(file)'")
            }
            return String(decoding: data, as: UTF8.self)
        }
        guard isatty(STDIN_FILENO) == 0 else { throw UsageError(message: "missing TEXT") }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}

/// `flatdesk note`: adds an internal note.
enum NoteCommand: Command {
    static let name = "note"
    static let summary = "Add an internal note to a ticket"
    static let usage = """
        Usage: flatdesk note ID [TEXT] [--text-file FILE]

        Adds an internal note, which customers never see.
        \(CommonOptions.helpdesk)
        \(CommonOptions.actor)
        """
    static let valueOptions: Set<String> = ["--helpdesk", "-C", "--as", "--text-file", "--version"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        try ReplyCommand.addEntry(arguments, kind: .note)
    }
}
