/// Errors raised by the SLA settings loader and by building a business calendar.
public enum SLAError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The settings files contain the listed problems, so no SLA settings were loaded.
    case invalidSettings([SLASettingsProblem])
    /// A business hours interval of a calendar is invalid (out of range, inverted or overlapping).
    case invalidBusinessHours(calendarID: String, weekday: SLAWeekday, detail: String)
    /// A calendar has no open hours on any weekday, so no business-time target could ever be reached.
    case noOpenHours(calendarID: String)

    /// A message stating what failed, on which value, and what to change.
    public var description: String {
        switch self {
        case .invalidSettings(let problems):
            let lines = problems.map(\.description).joined(separator: "\n")
            return "invalid SLA settings (\(problems.count) problem(s)); fix them and reload:\n\(lines)"
        case .invalidBusinessHours(let calendarID, let weekday, let detail):
            return "calendar \"\(calendarID)\" has invalid hours on \(weekday.rawValue): \(detail)"
        case .noOpenHours(let calendarID):
            return "calendar \"\(calendarID)\" has no open hours on any day; add hours to at least one weekday"
        }
    }
}
