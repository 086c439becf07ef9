import Foundation
import Synchronization

/// An SLA clock that moves only through `advance(by:)` and `set(_:)`, for tests and simulations.
public final class ManualSLAClock: SLAClock {
    private let current: Mutex<Date>

    /// Creates a clock standing at `start`.
    public init(_ start: Date) {
        current = Mutex(start)
    }

    /// Returns the clock's current instant.
    public func now() -> Date {
        current.withLock { $0 }
    }

    /// Moves the clock forward (or backward, for a negative value) by `seconds`.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Moves the clock to `date`.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
