import Foundation
import Synchronization

/// Severity of a log record, lowest first.
public enum LogLevel: Int, Comparable, Sendable, CustomStringConvertible {
    case debug = 0
    case info = 1
    case warning = 2
    case error = 3

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .debug: "debug"
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }
}

/// Destination of formatted log lines; tests install a capturing sink.
public protocol LogSink: Sendable {
    func write(_ line: String)
}

/// Writes each line to standard error.
public struct StandardErrorSink: LogSink {
    public init() {}

    public func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// A small structured logger: a fixed message plus dotted metadata keys (`ticket.id`, `http.path`).
///
/// Values are printed as given, so callers must never pass a body, password, token, cookie or
/// `Authorization` header. A logger is a value; `with(_:)` returns a child carrying extra metadata,
/// which is how a per-request logger gets its `request.id`.
public struct Logger: Sendable {
    public var label: String
    public var minimumLevel: LogLevel
    public var metadata: [String: String]
    private let sink: any LogSink

    public init(label: String, minimumLevel: LogLevel = .info, sink: any LogSink = StandardErrorSink()) {
        self.label = label
        self.minimumLevel = minimumLevel
        self.metadata = [:]
        self.sink = sink
    }

    /// Returns a logger that adds `extra` to every record.
    public func with(_ extra: [String: String]) -> Logger {
        var copy = self
        copy.metadata.merge(extra) { _, new in new }
        return copy
    }

    public func debug(_ message: String, _ extra: [String: String] = [:]) { log(.debug, message, extra) }
    public func info(_ message: String, _ extra: [String: String] = [:]) { log(.info, message, extra) }
    public func warning(_ message: String, _ extra: [String: String] = [:]) { log(.warning, message, extra) }
    public func error(_ message: String, _ extra: [String: String] = [:]) { log(.error, message, extra) }

    /// Formats one record as `time level label: message key=value …` and hands it to the sink.
    public func log(_ level: LogLevel, _ message: String, _ extra: [String: String] = [:]) {
        guard level >= minimumLevel else { return }
        let fields = metadata.merging(extra) { _, new in new }
        let rendered = fields.keys.sorted().map { "\($0)=\(Logger.quoted(fields[$0] ?? ""))" }
        let time = Timestamp.format(Date())
        let tail = rendered.isEmpty ? "" : " " + rendered.joined(separator: " ")
        sink.write("\(time) \(level) \(label): \(message)\(tail)")
    }

    private static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Collects log lines in memory; used by tests to assert on what was logged.
public final class CapturingLogSink: LogSink {
    private let lines = Mutex<[String]>([])

    public init() {}

    public func write(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    /// The lines written so far.
    public var captured: [String] { lines.withLock { $0 } }
}
