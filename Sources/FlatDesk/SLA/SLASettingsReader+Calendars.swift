import Foundation

extension SLASettingsReader {
    private static let file = SLASettings.slaFile

    /// Reads the `calendars` object; a missing object means no calendars.
    mutating func readCalendars(_ value: SLAJSONValue?) -> Declared<BusinessCalendar> {
        var result = Declared<BusinessCalendar>()
        guard let value else { return result }
        guard let object = value.objectValue else {
            report(Self.file, "calendars: invalid value \(value.quoted); expected an object of calendars by id")
            return result
        }
        for (id, entry) in object.sorted(by: { $0.key < $1.key }) {
            result.declaredIDs.insert(id)
            result.valid[id] = readCalendar(id: id, entry)
        }
        return result
    }

    private mutating func readCalendar(id: String, _ value: SLAJSONValue) -> BusinessCalendar? {
        let path = "calendars.\(id)"
        guard let object = value.objectValue else {
            report(Self.file, "\(path): invalid value \(value.quoted); expected an object with timeZone and hours")
            return nil
        }
        let problemCount = problems.count
        reportUnknownKeys(object, allowed: ["timeZone", "hours", "holidays"], path: path, file: Self.file)
        let timeZone = readTimeZone(object["timeZone"], path: path)
        let hours = readHours(object["hours"], path: path)
        let holidays = readHolidays(object["holidays"], path: path)
        guard problems.count == problemCount, let timeZone else { return nil }
        return makeCalendar(id: id, timeZone: timeZone, hours: hours, holidays: holidays)
    }

    private mutating func makeCalendar(
        id: String, timeZone: TimeZone, hours: [SLAWeekday: [BusinessHoursInterval]], holidays: [SLALocalDate]
    ) -> BusinessCalendar? {
        let errors = BusinessCalendar.validationErrors(calendarID: id, hours: hours)
        for error in errors {
            switch error {
            case .invalidBusinessHours(_, let weekday, let detail):
                report(Self.file, "calendars.\(id).hours.\(weekday.rawValue): \(detail)")
            case .noOpenHours:
                report(Self.file, "calendars.\(id): no open hours on any day; add hours to at least one weekday")
            case .invalidSettings:
                break
            }
        }
        guard errors.isEmpty else { return nil }
        return try? BusinessCalendar(id: id, timeZone: timeZone, hours: hours, holidays: holidays)
    }

    private mutating func readTimeZone(_ value: SLAJSONValue?, path: String) -> TimeZone? {
        guard let value else {
            report(Self.file, "\(path).timeZone is missing; set an IANA zone such as \"Europe/Berlin\"")
            return nil
        }
        guard let identifier = value.stringValue, let timeZone = TimeZone(identifier: identifier) else {
            report(
                Self.file,
                "\(path).timeZone: unknown time zone \(value.quoted); use an IANA zone such as \"Europe/Berlin\"")
            return nil
        }
        return timeZone
    }

    private mutating func readHours(_ value: SLAJSONValue?, path: String) -> [SLAWeekday: [BusinessHoursInterval]] {
        guard let value else {
            report(
                Self.file,
                "\(path).hours is missing; add open intervals per weekday, such as \"mon\": [[\"08:00\", \"17:00\"]]")
            return [:]
        }
        guard let object = value.objectValue else {
            report(Self.file, "\(path).hours: invalid value \(value.quoted); expected an object keyed by mon … sun")
            return [:]
        }
        var hours: [SLAWeekday: [BusinessHoursInterval]] = [:]
        for (key, dayValue) in object.sorted(by: { $0.key < $1.key }) {
            guard let weekday = SLAWeekday(rawValue: key) else {
                report(Self.file, "\(path).hours: unknown day \"\(key)\"; use mon, tue, wed, thu, fri, sat or sun")
                continue
            }
            hours[weekday] = readIntervals(dayValue, path: "\(path).hours.\(key)")
        }
        return hours
    }

    private mutating func readIntervals(_ value: SLAJSONValue, path: String) -> [BusinessHoursInterval] {
        guard let items = value.arrayValue else {
            report(Self.file, "\(path): invalid value \(value.quoted); expected a list of [\"HH:MM\", \"HH:MM\"] pairs")
            return []
        }
        return items.enumerated().compactMap { index, item in readInterval(item, path: "\(path)[\(index)]") }
    }

    private mutating func readInterval(_ value: SLAJSONValue, path: String) -> BusinessHoursInterval? {
        guard let pair = value.arrayValue, pair.count == 2, let start = pair[0].stringValue,
            let end = pair[1].stringValue
        else {
            report(Self.file, "\(path): invalid interval \(value.quoted); write it as [\"08:00\", \"12:00\"]")
            return nil
        }
        let startMinute = BusinessHoursInterval.minutes(fromTime: start, allowsEndOfDay: false)
        let endMinute = BusinessHoursInterval.minutes(fromTime: end, allowsEndOfDay: true)
        if startMinute == nil {
            report(Self.file, "\(path): invalid time \"\(start)\"; write times as HH:MM from 00:00 to 23:59")
        }
        if endMinute == nil {
            report(Self.file, "\(path): invalid time \"\(end)\"; write times as HH:MM from 00:00 to 24:00")
        }
        guard let startMinute, let endMinute else { return nil }
        return BusinessHoursInterval(startMinute: startMinute, endMinute: endMinute)
    }

    private mutating func readHolidays(_ value: SLAJSONValue?, path: String) -> [SLALocalDate] {
        guard let value else { return [] }
        guard let items = value.arrayValue else {
            report(
                Self.file, "\(path).holidays: invalid value \(value.quoted); expected a list of \"YYYY-MM-DD\" dates")
            return []
        }
        return items.enumerated().compactMap { index, item in
            guard let text = item.stringValue, let date = SLALocalDate(text) else {
                report(Self.file, "\(path).holidays[\(index)]: invalid date \(item.quoted); write dates as YYYY-MM-DD")
                return nil
            }
            return date
        }
    }
}
