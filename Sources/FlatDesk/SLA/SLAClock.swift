import Foundation

/// Source of the current time for the SLA engine, injected so that tests can control time.
public protocol SLAClock: Sendable {
    /// Returns the current instant.
    func now() -> Date
}
