import FlatDesk
import Foundation

/// `flatdesk http-ceiling`: a server that answers every GET with a fixed "ok", for benchmarks.
enum HTTPCeilingCommand: Command {
    static let name = "http-ceiling"
    static let summary = "Serve a fixed response, to measure the HTTP layer's own ceiling"
    static let usage = """
        Usage: flatdesk http-ceiling [--port PORT] [--threads N]

        Answers every GET with a two-byte "ok" through the same libmicrohttpd layer as
        'flatdesk serve', on 127.0.0.1, until SIGINT or SIGTERM. Benchmarks compare the
        server's pages against this ceiling.

          --port PORT    TCP port (default: 8081).
          --threads N    Worker threads (default: 4).
        """
    static let valueOptions: Set<String> = ["--port", "--threads"]

    static func run(_ arguments: CommandLineArguments) throws -> Int32 {
        try arguments.expectPositionals(atMost: 0)
        var configuration = HTTPServer.Configuration()
        configuration.port = try arguments.integer("--port", default: 8081)
        configuration.threadPoolSize = try arguments.integer("--threads", default: 4)
        let server = HTTPBenchmarkServer.makeServer(configuration: configuration, logger: Logger(label: "flatdesk", minimumLevel: .warning))
        try server.start()
        server.runUntilSignal()
        return ExitStatus.success
    }
}
