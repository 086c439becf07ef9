/// Errors of the benchmark and the synthetic helpdesk generator.
public enum BenchmarkError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The folder to generate a helpdesk in already exists.
    case pathExists(path: String)
    /// A ticket count below one, or one that does not fit the four-digit shard scheme.
    case invalidTicketCount(Int)
    /// A `git` command of the command-line baseline exited with a failure status.
    case gitCommandFailed(arguments: [String], status: Int32, output: String)
    /// The generated helpdesk has no ticket in an open status to change.
    case noOpenTickets(path: String)
    /// `flatdesk bench --measure-open`, run as a child process, failed or printed no measurement.
    case childProcessFailed(status: Int32, output: String)

    public var description: String {
        switch self {
        case .pathExists(let path):
            "\(path) already exists; choose a folder that does not exist yet or delete it"
        case .invalidTicketCount(let count):
            "invalid ticket count \(count) (expected 1 to 9,999,999)"
        case .gitCommandFailed(let arguments, let status, let output):
            "git \(arguments.joined(separator: " ")) failed with status \(status): \(output); check that git is installed"
        case .noOpenTickets(let path):
            "the helpdesk at \(path) has no open tickets to change; generate more tickets"
        case .childProcessFailed(let status, let output):
            "flatdesk bench --measure-open exited with status \(status) and printed '\(output)'; see its error above"
        }
    }
}
