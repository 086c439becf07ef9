import Foundation

/// Times on portal and knowledge base pages, shown in the helpdesk's time zone from `settings/helpdesk.json`.
enum PortalDates {
    /// Renders a `<time>` element with the UTC time in `datetime` and a readable local time, such as
    /// `9 Dec 2026, 14:00 GMT+1`.
    static func html(_ date: Date, timeZone: String) -> HTML {
        "<time datetime=\"\(Timestamp.format(date))\">\(text(date, timeZone: timeZone))</time>"
    }

    /// Formats `date` as readable local time. An unknown time zone falls back to UTC.
    static func text(_ date: Date, timeZone: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMM yyyy, HH:mm zzz"
        return formatter.string(from: date)
    }
}
