import Foundation

/// Weekly opening hours in one IANA time zone, with holidays, for measuring SLA targets in business time.
///
/// Interval bounds are local wall-clock times, so an office that opens at 08:00 still opens at 08:00 local
/// time on the day clocks change. Business time is counted in real elapsed seconds, so an interval that
/// contains a clock change is an hour shorter or longer that day. A bound that falls in the repeated hour when
/// clocks go back means its first occurrence, and one that falls in the skipped hour when clocks go forward
/// means the instant of the change. Instants are truncated to whole seconds, the precision of ticket files.
/// Zone offsets are read once from Foundation's time zone data for 1900–2200.
public struct BusinessCalendar: Sendable {
    /// The calendar's key in `settings/sla.json`, such as `office`.
    public let id: String
    /// The zone whose wall clock the hours and holidays refer to.
    public let timeZone: TimeZone
    /// Open intervals per weekday, sorted by start; a missing or empty weekday is closed.
    public let hours: [SLAWeekday: [BusinessHoursInterval]]
    /// Local dates on which the calendar is closed all day, ascending.
    public let holidays: [SLALocalDate]

    /// Open intervals indexed by `SLAWeekday.index`.
    let intervalsByWeekday: [[BusinessHoursInterval]]
    /// Day numbers of the holidays, ascending and without duplicates.
    let holidayDayNumbers: [Int]
    /// Open seconds in a week with no holiday and no clock change; always positive.
    let weeklySeconds: Int
    let offsets: SLAZoneOffsetTable

    /// Creates a calendar after checking its hours.
    ///
    /// - Parameters:
    ///   - id: The calendar's key, used in error messages.
    ///   - timeZone: The zone of the hours and holidays.
    ///   - hours: Open intervals per weekday; several per day are allowed if they do not overlap.
    ///   - holidays: Local dates on which the calendar is closed.
    /// - Throws: `SLAError.invalidBusinessHours` for an interval out of range, inverted or overlapping another,
    ///   and `SLAError.noOpenHours` when no weekday has open time.
    public init(
        id: String, timeZone: TimeZone, hours: [SLAWeekday: [BusinessHoursInterval]], holidays: [SLALocalDate] = []
    ) throws(SLAError) {
        if let error = Self.validationErrors(calendarID: id, hours: hours).first { throw error }
        let sortedHours = hours.mapValues { $0.sorted { $0.startMinute < $1.startMinute } }
        self.id = id
        self.timeZone = timeZone
        self.hours = sortedHours
        self.holidays = Array(Set(holidays)).sorted()
        intervalsByWeekday = SLAWeekday.allCases.map { sortedHours[$0] ?? [] }
        holidayDayNumbers = self.holidays.map(\.dayNumber)
        weeklySeconds = intervalsByWeekday.joined().reduce(0) { $0 + ($1.endMinute - $1.startMinute) * 60 }
        offsets = SLAZoneOffsetTable(timeZone: timeZone)
    }

    /// Returns every problem with `hours`, weekday by weekday, so a settings check can report all of them.
    static func validationErrors(calendarID: String, hours: [SLAWeekday: [BusinessHoursInterval]]) -> [SLAError] {
        var errors: [SLAError] = []
        for weekday in SLAWeekday.allCases {
            for detail in intervalProblems(hours[weekday] ?? []) {
                errors.append(.invalidBusinessHours(calendarID: calendarID, weekday: weekday, detail: detail))
            }
        }
        if errors.isEmpty, hours.values.allSatisfy(\.isEmpty) {
            errors.append(.noOpenHours(calendarID: calendarID))
        }
        return errors
    }

    private static func intervalProblems(_ intervals: [BusinessHoursInterval]) -> [String] {
        var problems: [String] = []
        for interval in intervals {
            if interval.startMinute < 0 || interval.startMinute >= 1440 || interval.endMinute > 1440 {
                problems.append(
                    "interval \(interval.startMinute)–\(interval.endMinute) (minutes) is outside 00:00–24:00")
            } else if interval.endMinute <= interval.startMinute {
                problems.append("interval \(interval) does not end after it starts; swap or fix the times")
            }
        }
        guard problems.isEmpty else { return problems }
        let sorted = intervals.sorted { $0.startMinute < $1.startMinute }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.startMinute < earlier.endMinute {
            problems.append("intervals \(earlier) and \(later) overlap; merge them or move one")
        }
        return problems
    }
}
