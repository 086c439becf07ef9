import Foundation

/// An SLA clock that reads the system's wall clock.
public struct SystemSLAClock: SLAClock {
    /// Creates a clock reading the system time.
    public init() {}

    /// Returns the system's current time.
    public func now() -> Date { Date() }
}
