import FlatDesk
import Foundation

/// `flatdesk init`: creates a helpdesk repository.
enum InitCommand: Command {
    static let name = "init"
    static let summary = "Create a helpdesk repository"
    static let usage = """
        Usage: flatdesk init [DIR] [--name NAME] [--prefix KEY] [--bare] [--from FOLDER]

        Creates a git repository in DIR (default: the current directory) and commits the
        settings of a new helpdesk to it.

          --name NAME      The helpdesk's name (default: "Service Desk").
          --prefix KEY     Ticket key prefix, capital letters (default: FD).
          --bare           Create a bare repository, for a server that others push to.
          --from FOLDER    Copy settings/, kb/ and tickets/ from FOLDER, for example the sample helpdesk.
          --node K/N       This node's number among N nodes sharing the helpdesk (default: 1/1).
        """
    static let valueOptions: Set<String> = ["--name", "--prefix", "--from", "--node"]
    static let flagOptions: Set<String> = ["--bare"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 1)
        let path = arguments.positionals.first ?? FileManager.default.currentDirectoryPath
        let name = arguments.value("--name") ?? "Service Desk"
        let prefix = arguments.value("--prefix") ?? "FD"
        let commit = try HelpdeskInitializer.create(
            at: path, name: name, keyPrefix: prefix, bare: arguments.flag("--bare"), template: arguments.value("--from"))
        if let node = arguments.value("--node") {
            try GitStore(path: path).setNodeIdentity(try parseNode(node))
        }
        Console.out("Initialized helpdesk in \(path) (commit \(commit?.hex.prefix(12) ?? "none"))")
        return ExitStatus.success
    }

    static func parseNode(_ text: String) throws -> NodeIdentity {
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2 else { throw UsageError(message: "--node needs K/N, such as 2/3, got '\(text)'") }
        return try NodeIdentity(number: parts[0], count: parts[1])
    }
}
