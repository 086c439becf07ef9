import FlatDesk
import Foundation

/// One `flatdesk` subcommand.
protocol Command {
    static var name: String { get }
    static var summary: String { get }
    /// Full help text shown by `flatdesk NAME --help`.
    static var usage: String { get }
    static var valueOptions: Set<String> { get }
    static var flagOptions: Set<String> { get }
    /// Runs the command; returns the exit status.
    static func run(_ arguments: CommandLineArguments) throws -> Int32
}

extension Command {
    static var valueOptions: Set<String> { ["--helpdesk", "-C"] }
    static var flagOptions: Set<String> { [] }
}

/// Options every command that works on a helpdesk accepts.
enum CommonOptions {
    static let helpdesk = """
          -C, --helpdesk DIR   The helpdesk repository (default: $FLATDESK_DIR, else the current directory).
        """
    static let actor = """
          --as EMAIL           Act as this person (default: $FLATDESK_USER, else git's user.email).
        """

    /// The helpdesk folder named by `-C`/`--helpdesk`, `FLATDESK_DIR` or the current directory.
    static func helpdeskPath(_ arguments: CommandLineArguments) -> String {
        arguments.value("--helpdesk") ?? arguments.value("-C") ?? ProcessInfo.processInfo.environment["FLATDESK_DIR"]
            ?? FileManager.default.currentDirectoryPath
    }

    static func openHelpdesk(_ arguments: CommandLineArguments) throws -> Helpdesk {
        let level: LogLevel = ProcessInfo.processInfo.environment["FLATDESK_LOG"] == "debug" ? .debug : .warning
        return try Helpdesk(path: helpdeskPath(arguments), logger: Logger(label: "flatdesk", minimumLevel: level))
    }

    /// Opens the helpdesk for a command that changes tickets, with the observers the server runs too: the
    /// automation rules and the notifier, whose emails go to the outbox that a running `flatdesk serve`
    /// delivers. Keep the observers alive until the change is done.
    static func openHelpdeskForChanges(_ arguments: CommandLineArguments) throws -> (Helpdesk, ChangeObservers) {
        let helpdesk = try openHelpdesk(arguments)
        return (helpdesk, ChangeObservers(helpdesk: helpdesk))
    }

    /// The acting person: `--as`, `FLATDESK_USER`, git's `user.email`, else the helpdesk's bot.
    static func actor(_ arguments: CommandLineArguments, helpdesk: Helpdesk) -> Actor {
        let environment = ProcessInfo.processInfo.environment
        let email = arguments.value("--as") ?? environment["FLATDESK_USER"] ?? gitUserEmail(helpdesk.store.path)
        guard let email, !email.isEmpty else { return Actor.system(helpdesk.settings.profile) }
        if let person = helpdesk.settings.person(email) { return Actor(person: person) }
        return Actor(email: email.lowercased(), name: email, role: .admin)
    }

    private static func gitUserEmail(_ path: String) -> String? {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", path, "config", "user.email"]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Writes to standard output and standard error.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// The observers of a command that changes tickets. The notifier comes first, as in the server, so that an
/// acknowledgement is queued before automation rules change the new ticket.
struct ChangeObservers {
    let notifier: Notifier
    let automation: AutomationEngine

    init(helpdesk: Helpdesk) {
        notifier = Notifier(helpdesk: helpdesk, outbox: MailOutbox(gitDirectory: helpdesk.store.gitDirectory))
        automation = AutomationEngine(helpdesk: helpdesk)
    }
}
