/// A day of the week as written in the `hours` object of an SLA calendar.
public enum SLAWeekday: String, Sendable, CaseIterable, Hashable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Position in the week, Monday being 0 and Sunday 6.
    var index: Int {
        switch self {
        case .mon: 0
        case .tue: 1
        case .wed: 2
        case .thu: 3
        case .fri: 4
        case .sat: 5
        case .sun: 6
        }
    }

    /// Returns the weekday of a day number counted from 1970-01-01, which was a Thursday.
    static func of(dayNumber: Int) -> SLAWeekday {
        allCases[floorMod(dayNumber + 3, 7)]
    }
}

/// Returns the remainder of `value / divisor` rounded towards negative infinity, never negative for a positive divisor.
func floorMod(_ value: Int, _ divisor: Int) -> Int {
    let remainder = value % divisor
    return remainder < 0 ? remainder + divisor : remainder
}

/// Returns the quotient of `value / divisor` rounded towards negative infinity.
func floorDiv(_ value: Int, _ divisor: Int) -> Int {
    (value - floorMod(value, divisor)) / divisor
}
