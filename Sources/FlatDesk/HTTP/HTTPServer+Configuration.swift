extension HTTPServer {
    /// Listening address, threading and limits of an `HTTPServer`.
    public struct Configuration: Sendable {
        /// The IPv4 or IPv6 address literal to listen on.
        public var host: String
        /// The TCP port to listen on; 0 picks a free port, which `HTTPServer.boundPort` then reports.
        public var port: Int
        /// The number of libmicrohttpd worker threads. Each thread runs its own epoll loop and the handlers
        /// of its connections, so a slow handler delays the other connections of its thread.
        public var threadPoolSize: Int
        /// The largest request body accepted, in bytes; a larger body gets 413 before any handler runs.
        public var maxBodyBytes: Int
        /// Seconds of inactivity after which libmicrohttpd closes a connection, which limits slow clients.
        public var connectionTimeoutSeconds: Int
        /// Per-connection memory for the request line, headers and read buffer, in bytes
        /// (`MHD_OPTION_CONNECTION_MEMORY_LIMIT`); requests whose headers do not fit are rejected by
        /// libmicrohttpd.
        public var connectionMemoryLimitBytes: Int
        /// The largest number of open connections, or nil for libmicrohttpd's default. At the limit
        /// libmicrohttpd stops accepting, so new clients wait in the listen backlog. With a thread pool it
        /// divides the limit evenly among the worker threads.
        public var maxConnections: Int?
        /// Seconds that `stop()` waits for requests in progress before it closes their connections.
        public var shutdownTimeoutSeconds: Double

        /// Creates a configuration; every value has a default suited to a server behind a reverse proxy.
        public init(
            host: String = "127.0.0.1",
            port: Int = 8080,
            threadPoolSize: Int = 4,
            maxBodyBytes: Int = 25 * 1024 * 1024,
            connectionTimeoutSeconds: Int = 30,
            connectionMemoryLimitBytes: Int = 32 * 1024,
            maxConnections: Int? = nil,
            shutdownTimeoutSeconds: Double = 10
        ) {
            self.host = host
            self.port = port
            self.threadPoolSize = threadPoolSize
            self.maxBodyBytes = maxBodyBytes
            self.connectionTimeoutSeconds = connectionTimeoutSeconds
            self.connectionMemoryLimitBytes = connectionMemoryLimitBytes
            self.maxConnections = maxConnections
            self.shutdownTimeoutSeconds = shutdownTimeoutSeconds
        }
    }
}

extension HTTPServer.Configuration {
    /// Checks that every number is in the range libmicrohttpd and the socket calls accept.
    /// - Throws: `HTTPServerError.invalidConfiguration` naming the first value out of range.
    func validate() throws(HTTPServerError) {
        try check("port", port, 0...65535, "between 0 and 65535")
        try check("threadPoolSize", threadPoolSize, 1...1024, "between 1 and 1024")
        try check("maxBodyBytes", maxBodyBytes, 0...Int.max, "0 or more")
        try check("connectionTimeoutSeconds", connectionTimeoutSeconds, 0...Int(UInt32.max), "0 (no timeout) or more")
        try check("connectionMemoryLimitBytes", connectionMemoryLimitBytes, 1024...Int.max, "at least 1024")
        if let maxConnections {
            try check("maxConnections", maxConnections, threadPoolSize...Int(UInt32.max), "at least threadPoolSize")
        }
    }

    private func check(
        _ setting: String,
        _ value: Int,
        _ range: ClosedRange<Int>,
        _ expected: String
    ) throws(HTTPServerError) {
        guard range.contains(value) else {
            throw .invalidConfiguration(setting: setting, value: value, expected: expected)
        }
    }
}
