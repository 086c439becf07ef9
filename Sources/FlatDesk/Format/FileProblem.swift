/// A problem with one helpdesk file, printed the way a compiler prints a diagnostic:
/// `tickets/000/FD-12.md:7: error: invalid priority 'hihg' (expected low, medium, high or urgent)`.
public struct FileProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var path: String
    /// 1-based line, or nil when the problem concerns the whole file.
    public var line: Int?
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int?, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// The problems that made one file unreadable; at least one has severity `error`.
public struct FileFormatError: Error, Sendable, CustomStringConvertible {
    public var problems: [FileProblem]

    public init(_ problems: [FileProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
