import Foundation

/// A named set of SLA targets per priority, measured either around the clock or in business hours.
public struct SLAPolicy: Sendable {
    /// The clock a policy measures elapsed time with.
    public enum Clock: Sendable {
        /// Every minute counts (`"clock": "calendar"` in `settings/sla.json`).
        case calendarTime
        /// Only open minutes of the calendar count (`"clock": "business"`).
        case businessHours(BusinessCalendar)
    }

    /// Target durations for one priority, in minutes of the policy's clock.
    public struct Targets: Sendable, Hashable {
        /// Minutes from creation to the first public agent reply.
        public let firstResponseMinutes: Int
        /// Minutes from creation to resolution.
        public let resolutionMinutes: Int

        /// Creates targets; `SLASettings` rejects values that are not positive.
        public init(firstResponseMinutes: Int, resolutionMinutes: Int) {
            self.firstResponseMinutes = firstResponseMinutes
            self.resolutionMinutes = resolutionMinutes
        }

        /// Returns the minutes for one target.
        public func minutes(for target: SLATarget) -> Int {
            switch target {
            case .firstResponse: firstResponseMinutes
            case .resolution: resolutionMinutes
            }
        }
    }

    /// The policy's id, such as `standard`.
    public let id: String
    /// The clock the policy measures elapsed time with.
    public let clock: Clock
    /// Targets for every priority.
    public let targets: [SLAPriority: Targets]

    /// Creates a policy; `targets` should name every priority, which `SLASettings` checks when loading.
    public init(id: String, clock: Clock, targets: [SLAPriority: Targets]) {
        self.id = id
        self.clock = clock
        self.targets = targets
    }

    /// Returns the target minutes for `target` at `priority`, or nil if the policy lacks that priority.
    public func minutes(for target: SLATarget, priority: SLAPriority) -> Int? {
        targets[priority]?.minutes(for: target)
    }
}

extension SLAPolicy.Clock {
    /// Whether minutes are counted in business hours.
    public var isBusinessTime: Bool {
        if case .businessHours = self { return true }
        return false
    }

    /// Identity of the clock for deciding whether two policies measure time the same way.
    var identity: String {
        switch self {
        case .calendarTime: "calendar"
        case .businessHours(let calendar): "business:" + calendar.id
        }
    }

    /// Returns the instant `minutes` of this clock after `start`.
    func adding(minutes: Int, to start: Date) -> Date {
        let (seconds, overflow) = minutes.multipliedReportingOverflow(by: 60)
        if overflow { return minutes > 0 ? .distantFuture : .distantPast }
        return adding(seconds: seconds, to: start)
    }

    /// Returns the instant `seconds` of this clock after `start` (before it, if negative).
    func adding(seconds: Int, to start: Date) -> Date {
        switch self {
        case .calendarTime:
            let startSeconds = BusinessCalendar.utcSeconds(start)
            return Date(timeIntervalSince1970: TimeInterval(startSeconds) + TimeInterval(seconds))
        case .businessHours(let calendar):
            return calendar.addingBusinessSeconds(seconds, to: start)
        }
    }

    /// Returns the seconds of this clock between two instants, negative when `end` precedes `start`.
    func elapsedSeconds(from start: Date, to end: Date) -> Int {
        switch self {
        case .calendarTime: BusinessCalendar.utcSeconds(end) - BusinessCalendar.utcSeconds(start)
        case .businessHours(let calendar): calendar.businessSeconds(from: start, to: end)
        }
    }

    /// Returns the minutes of this clock between two instants, a started minute counting as a whole one.
    ///
    /// Rounding up means a pause recorded in whole minutes never gives back less time than it took.
    func elapsedMinutesRoundedUp(from start: Date, to end: Date) -> Int {
        let seconds = elapsedSeconds(from: start, to: end)
        return seconds <= 0 ? 0 : (seconds + 59) / 60
    }
}
