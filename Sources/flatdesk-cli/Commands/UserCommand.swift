import FlatDesk
import Foundation

/// `flatdesk user`: people, passwords and API tokens.
enum UserCommand: Command {
    static let name = "user"
    static let summary = "Add people, set passwords and create API tokens"
    static let usage = """
        Usage: flatdesk user add EMAIL --name NAME [--role ROLE] [--team ID] [--organization ID] [--password-stdin]
               flatdesk user passwd EMAIL [--password-stdin]
               flatdesk user token EMAIL --name TOKEN_NAME [--role ROLE]
               flatdesk user revoke TOKEN_NAME
               flatdesk user list

        'add' commits the person to settings/people.json; passwords and tokens are stored outside
        the tracked files, under the repository's git directory (or $FLATDESK_SECRETS_DIR).
        Passwords are read from standard input with --password-stdin, else prompted for.
        'token' prints a bearer token for the JSON API once; it cannot be shown again.

          --role ROLE    customer, agent, supervisor or admin (default: customer; for tokens,
                         the person's own role).
        \(CommonOptions.helpdesk)
        \(CommonOptions.actor)
        """
    static let valueOptions: Set<String> = ["--helpdesk", "-C", "--as", "--name", "--role", "--team", "--organization"]
    static let flagOptions: Set<String> = ["--password-stdin"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        let action = try arguments.positional(0, "action (add, passwd, token, revoke or list)")
        let helpdesk = try CommonOptions.openHelpdesk(arguments)
        let accounts = try AccountStore(gitDirectory: helpdesk.store.gitDirectory)
        switch action {
        case "add": return try add(arguments, helpdesk, accounts)
        case "passwd": return try setPassword(arguments, helpdesk, accounts)
        case "token": return try token(arguments, helpdesk, accounts)
        case "revoke":
            let removed = try accounts.revokeTokens(named: try arguments.positional(1, "TOKEN_NAME"))
            Console.out("revoked \(removed) token\(removed == 1 ? "" : "s")")
            return removed > 0 ? ExitStatus.success : ExitStatus.failure
        case "list": return list(helpdesk, accounts)
        default: throw UsageError(message: "unknown action '\(action)' (expected add, passwd, token, revoke or list)")
        }
    }

    private static func add(_ arguments: CommandLineArguments, _ helpdesk: Helpdesk, _ accounts: AccountStore) throws -> Int32 {
        let email = try arguments.positional(1, "EMAIL").lowercased()
        guard let name = arguments.value("--name") else { throw UsageError(message: "missing --name") }
        let role = try parseRole(arguments.value("--role") ?? "customer")
        let person = Person(email: email, name: name, role: role, team: arguments.value("--team"), organizationId: arguments.value("--organization"))
        let password = try readPassword(arguments, prompt: "Password for \(email): ")
        try accounts.setPassword(password, for: email)
        try helpdesk.addPerson(person, actor: CommonOptions.actor(arguments, helpdesk: helpdesk))
        Console.out("added \(role.rawValue) \(email)")
        return ExitStatus.success
    }

    private static func setPassword(_ arguments: CommandLineArguments, _ helpdesk: Helpdesk, _ accounts: AccountStore) throws -> Int32 {
        let email = try arguments.positional(1, "EMAIL").lowercased()
        guard helpdesk.settings.person(email) != nil else { throw AccountError.unknownPerson(email: email) }
        try accounts.setPassword(try readPassword(arguments, prompt: "New password for \(email): "), for: email)
        Console.out("password set for \(email)")
        return ExitStatus.success
    }

    private static func token(_ arguments: CommandLineArguments, _ helpdesk: Helpdesk, _ accounts: AccountStore) throws -> Int32 {
        let email = try arguments.positional(1, "EMAIL").lowercased()
        guard let person = helpdesk.settings.person(email) else { throw AccountError.unknownPerson(email: email) }
        guard let name = arguments.value("--name") else { throw UsageError(message: "missing --name") }
        let role = try arguments.value("--role").map(parseRole) ?? person.role
        guard role <= person.role else {
            throw UsageError(message: "--role \(role.rawValue) is above \(email)'s own role \(person.role.rawValue)")
        }
        Console.out(try accounts.createToken(name: name, email: email, role: role))
        return ExitStatus.success
    }

    private static func list(_ helpdesk: Helpdesk, _ accounts: AccountStore) -> Int32 {
        var rows = [["EMAIL", "NAME", "ROLE", "TEAM", "PASSWORD"]]
        for person in helpdesk.settings.people {
            rows.append([person.email, person.name, person.role.rawValue, person.team ?? "-", accounts.hasPassword(person.email) ? "set" : "-"])
        }
        Console.out(TextTable.render(rows))
        return ExitStatus.success
    }

    static func parseRole(_ text: String) throws -> Person.Role {
        guard let role = Person.Role(rawValue: text) else { throw UsageError(message: AccountError.invalidRole(text).description) }
        return role
    }

    private static func readPassword(_ arguments: CommandLineArguments, prompt: String) throws -> String {
        if arguments.flag("--password-stdin") || isatty(STDIN_FILENO) == 0 {
            let line = readLine(strippingNewline: true) ?? ""
            guard !line.isEmpty else { throw UsageError(message: "no password on standard input") }
            return line
        }
        guard let entered = getpass(prompt) else { throw UsageError(message: "no password entered") }
        return String(cString: entered)
    }
}
