import FlatDesk
import Foundation

/// `flatdesk mail`: inbound email from a mail server, the webhook secret and the outbox.
enum MailCommand: Command {
    static let name = "mail"
    static let summary = "Take in email, set the webhook secret and show the outbox"
    static let usage = """
        Usage: flatdesk mail ingest [FILE] [--force]
               flatdesk mail secret
               flatdesk mail outbox [--retry ID]

        'ingest' reads one RFC 5322 message from FILE, or from standard input without FILE (as a mail
        server's pipe transport delivers it), and adds it to the helpdesk: a new ticket, a reply to its
        ticket, an internal event for an auto-reply or bounce, or nothing for a duplicate. It prints the
        ticket id and the outcome. A message that cannot be used is kept under
        <git dir>/flatdesk/dead-letter/ and still counts as delivered.
        Exit status: 0 when the message was handled (dead-lettered included), 75 (EX_TEMPFAIL) when
        it could not be stored yet and the mail server should deliver it again, 64 for a usage mistake,
        66 when FILE cannot be read.

        'secret' creates the shared secret of the inbound email webhook, stores it outside the tracked
        files and prints it once. Use it as the basic-auth password or the token parameter of the URL:
        https://inbound:SECRET@desk.example.com/api/webhooks/inbound-email

        'outbox' lists outgoing messages that are waiting or failed, with their last error.

          --force      Process a message again although it was dead-lettered before.
          --retry ID   Make a failed outbox message pending again; the server sends it shortly.
        \(CommonOptions.helpdesk)
        """
    static let valueOptions: Set<String> = ["--helpdesk", "-C", "--retry"]
    static let flagOptions: Set<String> = ["--force"]

    /// BSD sysexits status for a failure that may pass: the mail server queues the message and retries.
    static let temporaryFailure: Int32 = 75
    /// BSD sysexits status for an input file that cannot be read.
    static let noInput: Int32 = 66

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        let action = try arguments.positional(0, "action (ingest, secret or outbox)")
        switch action {
        case "ingest": return try ingest(arguments)
        case "secret": return try secret(arguments)
        case "outbox": return try outbox(arguments)
        default: throw UsageError(message: "unknown action '\(action)' (expected ingest, secret or outbox)")
        }
    }

    private static func ingest(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 2)
        guard let raw = try readMessage(arguments) else { return noInput }
        let helpdesk: Helpdesk
        let intake: MailIntake
        do {
            helpdesk = try CommonOptions.openHelpdesk(arguments)
            intake = try MailIntake(helpdesk: helpdesk, logger: helpdesk.logger.with(["component": "mail-intake"]))
        } catch {
            Console.error("flatdesk mail ingest: cannot open the helpdesk, the message was not stored: \(error)")
            return temporaryFailure
        }
        // Automation rules run here; notifications go to the outbox, which the server's sender delivers.
        let observers = ChangeObservers(helpdesk: helpdesk)
        do {
            let result = try intake.ingest(raw: raw, ignoringDeadLetter: arguments.flag("--force"))
            withExtendedLifetime(observers) {}
            Console.out(result.summary)
            return ExitStatus.success
        } catch {
            Console.error("flatdesk mail ingest: \(error)")
            return error.isTemporary ? temporaryFailure : ExitStatus.failure
        }
    }

    /// Reads the message from FILE or standard input; returns nil, after an error line, when FILE cannot be read.
    private static func readMessage(_ arguments: CommandLineArguments) throws -> [UInt8]? {
        if arguments.positionals.count > 1 {
            let file = arguments.positionals[1]
            guard let data = FileManager.default.contents(atPath: file) else {
                Console.error("flatdesk mail ingest: cannot read '\(file)'; check the path and its permissions")
                return nil
            }
            return [UInt8](data)
        }
        guard isatty(STDIN_FILENO) == 0 else {
            throw UsageError(message: "missing FILE (or pipe the message to standard input)")
        }
        return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }

    private static func secret(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 1)
        let helpdesk = try CommonOptions.openHelpdesk(arguments)
        let accounts = try AccountStore(gitDirectory: helpdesk.store.gitDirectory)
        let secret = try InboundWebhookSecret.generate(in: accounts.secrets)
        Console.out(secret)
        Console.error(
            "Stored as '\(InboundWebhookSecret.secretName)' in \(accounts.secrets.directory); it is not shown again.")
        if ProcessInfo.processInfo.environment[InboundWebhookSecret.environmentKey]?.isEmpty == false {
            Console.error(
                "Note: \(InboundWebhookSecret.environmentKey) is set and takes precedence over the stored secret.")
        }
        return ExitStatus.success
    }

    private static func outbox(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 1)
        let helpdesk = try CommonOptions.openHelpdesk(arguments)
        let outbox = MailOutbox(gitDirectory: helpdesk.store.gitDirectory)
        if let id = arguments.value("--retry") {
            try outbox.retry(id, at: helpdesk.now())
            Console.out("\(id): pending")
            return ExitStatus.success
        }
        let messages = outbox.messages()
        guard !messages.isEmpty else {
            Console.out("The outbox is empty.")
            return ExitStatus.success
        }
        var rows = [["ID", "STATUS", "TICKET", "KIND", "TO", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR"]]
        for message in messages {
            let next = message.status == .pending ? Timestamp.format(message.nextAttemptAt) : "-"
            rows.append([
                message.id, message.status.rawValue, message.ticketID, message.kind.rawValue,
                message.recipients.joined(separator: ","), "\(message.attempts)", next, message.lastError ?? "-",
            ])
        }
        Console.out(TextTable.render(rows))
        return ExitStatus.success
    }
}
