import FlatDesk

/// A usage mistake on the command line; reported on stderr with exit status 64.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The arguments of one command: options with values, flags and positionals.
struct CommandLineArguments {
    private(set) var positionals: [String] = []
    private var options: [String: [String]] = [:]
    private var flags: Set<String> = []

    /// Parses `arguments`, given which options take a value and which are flags.
    init(_ arguments: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws {
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--" {
                positionals += remaining
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                positionals.append(argument)
                continue
            }
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            if flagOptions.contains(name), parts.count == 1 {
                flags.insert(name)
            } else if valueOptions.contains(name) {
                guard let value = parts.count == 2 ? parts[1] : remaining.popFirst() else {
                    throw UsageError(message: "option \(name) needs a value")
                }
                options[name, default: []].append(value)
            } else {
                throw UsageError(message: "unknown option '\(name)'")
            }
        }
    }

    func value(_ name: String) -> String? { options[name]?.last }
    func values(_ name: String) -> [String] { options[name] ?? [] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    func integer(_ name: String, default fallback: Int) throws -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text) else { throw UsageError(message: "option \(name) needs a whole number, got '\(text)'") }
        return number
    }

    /// The positional at `index`, or a usage error naming what is missing.
    func positional(_ index: Int, _ name: String) throws -> String {
        guard index < positionals.count else { throw UsageError(message: "missing \(name)") }
        return positionals[index]
    }

    func expectPositionals(atMost count: Int) throws {
        guard positionals.count <= count else {
            throw UsageError(message: "unexpected argument '\(positionals[count])'")
        }
    }
}
