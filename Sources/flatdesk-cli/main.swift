import FlatDesk
import Foundation

/// Every subcommand, in the order `flatdesk --help` lists them.
let commands: [any Command.Type] = [
    InitCommand.self, NewCommand.self, ListCommand.self, ShowCommand.self, SetCommand.self, ReplyCommand.self,
    NoteCommand.self, CheckCommand.self, LogCommand.self, StatsCommand.self, ServeCommand.self, UserCommand.self,
    MailCommand.self, BenchCommand.self, SLABenchCommand.self, HTTPCeilingCommand.self,
]

/// Exit statuses, following BSD sysexits where one fits.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 64
}

@MainActor func mainUsage() -> String {
    let width = (commands.map { $0.name.count }.max() ?? 0) + 2
    let lines = commands.map { "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.summary }
    return """
        flatdesk: a service desk whose record of truth is a git repository of plain files.

        Usage: flatdesk COMMAND [OPTIONS]

        Commands:
        \(lines.joined(separator: "\n"))

        Run 'flatdesk COMMAND --help' for a command's options.
        """
}

@MainActor func runMain() -> Int32 {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard let name = arguments.first else {
        Console.error(mainUsage())
        return ExitStatus.usage
    }
    arguments.removeFirst()
    if name == "--help" || name == "-h" || name == "help" {
        Console.out(mainUsage())
        return ExitStatus.success
    }
    guard let command = commands.first(where: { $0.name == name }) else {
        Console.error("flatdesk: unknown command '\(name)'\n\n" + mainUsage())
        return ExitStatus.usage
    }
    if arguments.contains("--help") || arguments.contains("-h") {
        Console.out(command.usage)
        return ExitStatus.success
    }
    return run(command, arguments)
}

func run(_ command: any Command.Type, _ arguments: [String]) -> Int32 {
    do {
        let parsed = try CommandLineArguments(arguments, valueOptions: command.valueOptions, flagOptions: command.flagOptions)
        return try command.run(parsed)
    } catch let error as UsageError {
        Console.error("flatdesk \(command.name): \(error.message)\n\n\(command.usage)")
        return ExitStatus.usage
    } catch let error as HelpdeskError {
        Console.error("flatdesk \(command.name): error: \(error)")
        // A value the settings do not allow came from the command line, like an unknown option value.
        return error.isInvalidValue ? ExitStatus.usage : ExitStatus.failure
    } catch {
        Console.error("flatdesk \(command.name): error: \(error)")
        return ExitStatus.failure
    }
}

extension HelpdeskError {
    var isInvalidValue: Bool {
        if case .invalidValue = self { return true }
        return false
    }
}

exit(runMain())
