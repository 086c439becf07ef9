import Foundation
import Testing

@testable import FlatDesk

/// Settings, calendars and times shared by the SLA tests.
enum SLAFixtures {
    static let weekdayHours = #"[["08:00", "12:00"], ["13:00", "17:00"]]"#

    /// Office hours in Berlin with two holidays; `standard` (business), `critical` (calendar) and
    /// `msp-contoso` (business) policies; two overrides.
    static let slaJSON = """
        {
          "formatVersion": 1,
          "calendars": {
            "office": {
              "timeZone": "Europe/Berlin",
              "hours": {
                "mon": \(weekdayHours), "tue": \(weekdayHours), "wed": \(weekdayHours),
                "thu": \(weekdayHours), "fri": \(weekdayHours), "sat": [], "sun": []
              },
              "holidays": ["2026-12-24", "2026-12-25"]
            },
            "tuesdays": {
              "timeZone": "Europe/Berlin",
              "hours": {"tue": [["09:00", "17:00"]]}
            }
          },
          "policies": [
            {"id": "standard", "clock": "business", "calendar": "office", "targets": {
              "low": {"firstResponseMinutes": 480, "resolutionMinutes": 2400},
              "medium": {"firstResponseMinutes": 240, "resolutionMinutes": 1440},
              "high": {"firstResponseMinutes": 60, "resolutionMinutes": 480},
              "urgent": {"firstResponseMinutes": 30, "resolutionMinutes": 240}}},
            {"id": "critical", "clock": "calendar", "targets": {
              "low": {"firstResponseMinutes": 60, "resolutionMinutes": 480},
              "medium": {"firstResponseMinutes": 30, "resolutionMinutes": 240},
              "high": {"firstResponseMinutes": 15, "resolutionMinutes": 120},
              "urgent": {"firstResponseMinutes": 15, "resolutionMinutes": 60}}},
            {"id": "msp-contoso", "clock": "business", "calendar": "tuesdays", "targets": {
              "low": {"firstResponseMinutes": 240, "resolutionMinutes": 960},
              "medium": {"firstResponseMinutes": 240, "resolutionMinutes": 960},
              "high": {"firstResponseMinutes": 240, "resolutionMinutes": 960},
              "urgent": {"firstResponseMinutes": 240, "resolutionMinutes": 960}}}
          ],
          "defaultPolicy": "standard",
          "overrides": [
            {"ticketType": "incident", "priority": "urgent", "policy": "critical"},
            {"organizationId": "contoso", "policy": "msp-contoso"}
          ],
          "warningMinutesBeforeDue": 60,
          "breachingSoonMinutes": 240
        }
        """

    static let statusesJSON = """
        {
          "formatVersion": 1,
          "custom": [
            {"id": "awaiting_customer", "name": "Awaiting customer", "onHold": true},
            {"id": "waiting_vendor", "name": "Waiting for vendor", "onHold": true},
            {"id": "pending_approval", "name": "Pending approval", "onHold": false}
          ]
        }
        """

    static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    static func settings(sla: String = slaJSON, statuses: String? = statusesJSON) throws -> SLASettings {
        try SLASettings.load(slaJSON: Data(sla.utf8), statusesJSON: statuses.map { Data($0.utf8) })
    }

    static func engine(
        sla: String = slaJSON, statuses: String? = statusesJSON, at start: String = "2026-03-02 09:00"
    ) throws -> (SLAEngine, ManualSLAClock) {
        let clock = ManualSLAClock(berlinTime(start))
        return (SLAEngine(settings: try settings(sla: sla, statuses: statuses), clock: clock), clock)
    }

    static func officeCalendar() throws -> BusinessCalendar {
        try #require(try settings().calendars["office"])
    }

    /// Parses `yyyy-MM-dd HH:mm` as wall-clock time in `zone` with Foundation's calendar, independently of
    /// the code under test.
    static func localTime(_ text: String, in zone: TimeZone) -> Date {
        let numbers = text.split(whereSeparator: { "- :".contains($0) }).compactMap { Int($0) }
        precondition(numbers.count == 5, "write local times as yyyy-MM-dd HH:mm, not \(text)")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: numbers[0], month: numbers[1], day: numbers[2], hour: numbers[3], minute: numbers[4])
        guard let date = calendar.date(from: components) else { preconditionFailure("no such local time: \(text)") }
        return date
    }

    static func berlinTime(_ text: String) -> Date { localTime(text, in: berlin) }

    /// Formats an instant as `yyyy-MM-dd HH:mm` in Berlin, so failures show readable times.
    static func berlinText(_ date: Date?) -> String {
        guard let date else { return "nil" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = berlin
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    static func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text) ?? Date.distantPast
    }
}
