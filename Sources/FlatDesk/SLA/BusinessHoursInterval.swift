/// One open interval of a business day in local wall-clock time, such as 08:00–12:00.
public struct BusinessHoursInterval: Sendable, Hashable, CustomStringConvertible {
    /// Opening time in minutes after local midnight, 0 to 1439.
    public let startMinute: Int
    /// Closing time in minutes after local midnight, up to 1440 (`24:00`, the next midnight).
    public let endMinute: Int

    /// Creates an interval from minutes after local midnight; `BusinessCalendar` checks the range and order.
    public init(startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Parses two `HH:MM` times, or returns nil when either is malformed; the end may be `24:00`.
    public init?(start: String, end: String) {
        guard let startMinute = Self.minutes(fromTime: start, allowsEndOfDay: false),
            let endMinute = Self.minutes(fromTime: end, allowsEndOfDay: true)
        else { return nil }
        self.init(startMinute: startMinute, endMinute: endMinute)
    }

    /// Converts `HH:MM` (two digits each, 00:00 to 23:59, or 24:00 when `allowsEndOfDay`) to minutes.
    static func minutes(fromTime text: String, allowsEndOfDay: Bool) -> Int? {
        let characters = Array(text)
        guard characters.count == 5, characters[2] == ":" else { return nil }
        let digits = [characters[0], characters[1], characters[3], characters[4]]
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let hour = Int(String(characters[0...1])), let minute = Int(String(characters[3...4])),
            minute < 60
        else { return nil }
        if hour == 24 && minute == 0 && allowsEndOfDay { return 1440 }
        return hour < 24 ? hour * 60 + minute : nil
    }

    /// The interval as `HH:MM–HH:MM`.
    public var description: String { "\(Self.format(startMinute))–\(Self.format(endMinute))" }

    static func format(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }
}
