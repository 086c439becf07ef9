import FlatDesk
import Foundation

/// `flatdesk check`: validates every file.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "Validate every ticket, article and settings file"
    static let usage = """
        Usage: flatdesk check

        Reads every file at the head of the helpdesk's branch and prints each problem as
        'path:line: error: message'. Exits with status 1 when any error is found.
        \(CommonOptions.helpdesk)
        """

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 0)
        let store = try GitStore(path: CommonOptions.helpdeskPath(arguments))
        let problems = try HelpdeskChecker.check(store)
        for problem in problems { Console.out(problem.description) }
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        Console.out("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        return errors > 0 ? ExitStatus.failure : ExitStatus.success
    }
}
