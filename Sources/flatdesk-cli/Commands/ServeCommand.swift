import FlatDesk
import Foundation

/// `flatdesk serve`: the agent console, customer portal and JSON API.
enum ServeCommand: Command {
    static let name = "serve"
    static let summary = "Serve the agent console, customer portal and JSON API"
    static let usage = """
        Usage: flatdesk serve [DIR] [--bind ADDRESS] [--port PORT] [--threads N] [--secure-cookies]
                              [--no-page-cache]

        Serves the helpdesk in DIR (default: $FLATDESK_DIR, else the current directory) until
        SIGINT or SIGTERM, then stops gracefully: requests in progress finish first. Refuses
        to start when settings/ has errors ('flatdesk check' lists them).

          --bind ADDRESS      Address to listen on (default: 127.0.0.1).
          --port PORT         TCP port (default: 8080; 0 picks a free one).
          --threads N         Request worker threads (default: 4).
          --secure-cookies    Mark cookies Secure; use behind an HTTPS reverse proxy.
          --no-page-cache     Render every console page afresh instead of reusing a page
                              rendered in the same second at the same commit.
          --log-level LEVEL   debug, info, warning or error (default: info).
        """
    static let valueOptions: Set<String> = ["--helpdesk", "-C", "--bind", "--port", "--threads", "--log-level"]
    static let flagOptions: Set<String> = ["--secure-cookies", "--no-page-cache"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 1)
        let path = arguments.positionals.first ?? CommonOptions.helpdeskPath(arguments)
        let logger = Logger(label: "flatdesk", minimumLevel: try logLevel(arguments))
        let helpdesk = try Helpdesk(path: path, logger: logger)
        let errors = helpdesk.settingsProblems.filter { $0.severity == .error }
        guard errors.isEmpty else {
            for problem in errors { Console.error(problem.description) }
            Console.error("flatdesk serve: refusing to start with invalid settings; fix the files above")
            return ExitStatus.failure
        }
        let accounts = try AccountStore(gitDirectory: helpdesk.store.gitDirectory)
        let search = try SearchService(helpdesk: helpdesk)
        search.fillInBackground()
        let mail = MailNotificationService(helpdesk: helpdesk, secrets: accounts.secrets, logger: logger)
        let mailConfigured = MailSettings.loadOrDefault(from: helpdesk.settings, logger: logger).smtp != nil
        let app = WebApp(
            helpdesk: helpdesk, accounts: accounts, logger: logger.with(["component": "web"]),
            secureCookies: arguments.flag("--secure-cookies"), search: search,
            resetMailer: mailConfigured ? SMTPPasswordResetMailer(helpdesk: helpdesk, sender: mail.sender) : nil,
            cachesPages: !arguments.flag("--no-page-cache"))
        var configuration = HTTPServer.Configuration()
        configuration.host = arguments.value("--bind") ?? "127.0.0.1"
        configuration.port = try arguments.integer("--port", default: 8080)
        configuration.threadPoolSize = try arguments.integer("--threads", default: 4)
        // SendGrid Inbound Parse posts messages of up to 30 MB.
        configuration.maxBodyBytes = 40 * 1024 * 1024
        let server = HTTPServer(configuration: configuration, router: app.makeRouter(), logger: logger.with(["component": "http"]))
        let services = BackgroundServices(helpdesk: helpdesk)
        try server.start()
        services.start()
        mail.start()
        let url = "http://\(configuration.host):\(server.boundPort ?? configuration.port)/"
        logger.info("flatdesk serving", ["url": url, "helpdesk.path": path, "tickets": "\(helpdesk.index.count)"])
        server.runUntilSignal()
        services.stop()
        mail.stop()
        logger.info("flatdesk stopped")
        return ExitStatus.success
    }

    static func logLevel(_ arguments: CommandLineArguments) throws -> LogLevel {
        switch arguments.value("--log-level") ?? "info" {
        case "debug": return .debug
        case "info": return .info
        case "warning": return .warning
        case "error": return .error
        case let other: throw UsageError(message: "invalid --log-level '\(other)' (expected debug, info, warning or error)")
        }
    }
}
