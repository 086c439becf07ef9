/// One problem found in an SLA-related settings file, such as an unknown time zone.
public struct SLASettingsProblem: Sendable, Hashable, CustomStringConvertible {
    /// Path of the settings file relative to the helpdesk root, such as `settings/sla.json`.
    public let file: String
    /// The problem, naming the key and the offending value, and the fix.
    public let message: String

    /// Creates a problem for `file`.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// The problem as a compiler-style line: `settings/sla.json: error: …`.
    public var description: String { "\(file): error: \(message)" }
}
