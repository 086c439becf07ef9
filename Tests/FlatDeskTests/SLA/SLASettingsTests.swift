import Foundation
import Testing

@testable import FlatDesk

/// An edit to the fixture settings and the one problem it must produce.
struct SLASettingsProblemCase: CustomStringConvertible, Sendable {
    let name: String
    let file: String
    let original: String
    let replacement: String
    let expectedMessage: String
    var expectedCount = 1
    var description: String { name }
}

@Suite struct SLASettingsTests {
    static let sla = SLASettings.slaFile
    static let statuses = SLASettings.statusesFile
    static let lowTargets = #""low": {"firstResponseMinutes": 480, "resolutionMinutes": 2400}"#

    static let problemCases: [SLASettingsProblemCase] = [
        .init(
            name: "unknown priority key", file: sla, original: lowTargets,
            replacement: lowTargets + #", "critical": {"firstResponseMinutes": 1, "resolutionMinutes": 2}"#,
            expectedMessage: #"policies[0] "standard".targets: unknown priority "critical""#),
        .init(
            name: "missing priority", file: sla, original: lowTargets + ",", replacement: "",
            expectedMessage: #"policies[0] "standard".targets: missing priority "low""#),
        .init(
            name: "zero target", file: sla, original: #""firstResponseMinutes": 480"#,
            replacement: #""firstResponseMinutes": 0"#,
            expectedMessage: #"policies[0] "standard".targets.low.firstResponseMinutes: invalid target 0"#),
        .init(
            name: "negative target", file: sla, original: #""resolutionMinutes": 2400"#,
            replacement: #""resolutionMinutes": -5"#,
            expectedMessage: #"policies[0] "standard".targets.low.resolutionMinutes: invalid target -5"#),
        .init(
            name: "fractional target", file: sla, original: #""resolutionMinutes": 2400"#,
            replacement: #""resolutionMinutes": 2.5"#,
            expectedMessage: #"targets.low.resolutionMinutes: invalid target 2.5"#),
        .init(
            name: "overlapping intervals", file: sla, original: #""mon": \#(SLAFixtures.weekdayHours)"#,
            replacement: #""mon": [["08:00", "12:00"], ["11:00", "13:00"]]"#,
            expectedMessage: "calendars.office.hours.mon: intervals 08:00–12:00 and 11:00–13:00 overlap"),
        .init(
            name: "inverted interval", file: sla, original: #""tue": \#(SLAFixtures.weekdayHours)"#,
            replacement: #""tue": [["17:00", "08:00"]]"#,
            expectedMessage: "calendars.office.hours.tue: interval 17:00–08:00 does not end after it starts"),
        .init(
            name: "bad HH:MM", file: sla, original: #""wed": \#(SLAFixtures.weekdayHours)"#,
            replacement: #""wed": [["8:00", "12:00"]]"#,
            expectedMessage: #"calendars.office.hours.wed[0]: invalid time "8:00""#),
        .init(
            name: "hour out of range", file: sla, original: #""thu": \#(SLAFixtures.weekdayHours)"#,
            replacement: #""thu": [["08:00", "25:00"]]"#,
            expectedMessage: #"calendars.office.hours.thu[0]: invalid time "25:00""#),
        .init(
            name: "interval not a pair", file: sla, original: #""fri": \#(SLAFixtures.weekdayHours)"#,
            replacement: #""fri": [["08:00"]]"#,
            expectedMessage: #"calendars.office.hours.fri[0]: invalid interval ["08:00"]"#),
        .init(
            name: "unknown day", file: sla, original: #""sat": []"#, replacement: #""saturday": []"#,
            expectedMessage: #"calendars.office.hours: unknown day "saturday""#),
        .init(
            name: "unknown time zone", file: sla, original: "\"office\": {\n      \"timeZone\": \"Europe/Berlin\"",
            replacement: "\"office\": {\"timeZone\": \"Mars/Olympus\"",
            expectedMessage: #"calendars.office.timeZone: unknown time zone "Mars/Olympus""#),
        .init(
            name: "unknown calendar", file: sla, original: #""calendar": "office""#,
            replacement: #""calendar": "ofice""#,
            expectedMessage: #"policies[0] "standard".calendar: unknown calendar "ofice""#),
        .init(
            name: "business clock without calendar", file: sla,
            original: #""clock": "business", "calendar": "office","#,
            replacement: #""clock": "business","#,
            expectedMessage: #"policies[0] "standard".calendar: value missing; a business clock needs"#),
        .init(
            name: "unknown clock", file: sla, original: #""clock": "calendar""#, replacement: #""clock": "wall""#,
            expectedMessage: #"policies[1] "critical".clock: invalid value "wall""#),
        .init(
            name: "unknown default policy", file: sla, original: #""defaultPolicy": "standard""#,
            replacement: #""defaultPolicy": "std""#,
            expectedMessage: #"defaultPolicy: unknown policy "std"; use one of: critical, msp-contoso, standard"#),
        .init(
            name: "duplicate policy id", file: sla, original: #"{"id": "critical""#,
            replacement: #"{"id": "standard""#,
            expectedMessage: #"policies[1]: duplicate policy id "standard""#,
            // The override naming "critical" then names an unknown policy as well.
            expectedCount: 2),
        .init(
            name: "bad holiday date", file: sla, original: #""2026-12-25""#, replacement: #""2026-02-30""#,
            expectedMessage: #"calendars.office.holidays[1]: invalid date "2026-02-30""#),
        .init(
            name: "calendar with no open hours", file: sla, original: #""hours": {"tue": [["09:00", "17:00"]]}"#,
            replacement: #""hours": {"tue": []}"#,
            expectedMessage: "calendars.tuesdays: no open hours on any day"),
        .init(
            name: "override with unknown policy", file: sla, original: #""policy": "critical""#,
            replacement: #""policy": "crit""#,
            expectedMessage: #"overrides[0].policy: unknown policy "crit""#),
        .init(
            name: "override with unknown priority", file: sla, original: #""priority": "urgent""#,
            replacement: #""priority": "asap""#,
            expectedMessage: #"overrides[0].priority: unknown priority "asap""#),
        .init(
            name: "override without match fields", file: sla, original: #"{"organizationId": "contoso", "#,
            replacement: "{",
            expectedMessage: "overrides[1] names no ticketType, organizationId or priority"),
        .init(
            name: "misspelt calendar field", file: sla, original: #""holidays": ["#, replacement: #""holiday": ["#,
            expectedMessage: #"calendars.office: unknown field "holiday"; use timeZone, hours, holidays"#),
        .init(
            name: "misspelt top-level field", file: sla, original: #""breachingSoonMinutes""#,
            replacement: #""breachingSoonMinute""#,
            expectedMessage: #"unknown field "breachingSoonMinute"; use formatVersion"#),
        .init(
            name: "misspelt status field", file: statuses, original: #""onHold": false"#,
            replacement: #""onhold": false"#,
            expectedMessage: #"custom[2]: unknown field "onhold"; use id, name, onHold"#),
        .init(
            name: "negative warning lead", file: sla, original: #""warningMinutesBeforeDue": 60"#,
            replacement: #""warningMinutesBeforeDue": -1"#,
            expectedMessage: "warningMinutesBeforeDue: invalid value -1"),
        .init(
            name: "newer format version", file: sla, original: #""formatVersion": 1"#,
            replacement: #""formatVersion": 2"#,
            expectedMessage: "formatVersion 2 is newer than this FlatDesk supports (1); upgrade FlatDesk"),
        .init(
            name: "invalid JSON", file: sla, original: #""defaultPolicy": "standard","#,
            replacement: #""defaultPolicy": "standard",,"#,
            expectedMessage: "invalid JSON (Invalid value around character"),
        .init(
            name: "custom status clashing with built-in", file: statuses, original: #""id": "pending_approval""#,
            replacement: #""id": "open""#,
            expectedMessage: #"custom[2].id: "open" is a built-in status; choose another id"#),
        .init(
            name: "duplicate custom status", file: statuses, original: #""id": "pending_approval""#,
            replacement: #""id": "waiting_vendor""#,
            expectedMessage: #"custom[2].id: duplicate status id "waiting_vendor""#),
        .init(
            name: "onHold not a boolean", file: statuses, original: #""onHold": false"#,
            replacement: #""onHold": "no""#,
            expectedMessage: #"custom[2].onHold: invalid value "no"; use true or false"#),
    ]

    @Test(arguments: problemCases)
    func invalidSettingsAreReported(_ testCase: SLASettingsProblemCase) throws {
        let template = testCase.file == Self.sla ? SLAFixtures.slaJSON : SLAFixtures.statusesJSON
        try #require(template.contains(testCase.original), "fixture lacks \(testCase.original)")
        let edited = template.replacingOccurrences(of: testCase.original, with: testCase.replacement)
        let (sla, statuses) =
            testCase.file == Self.sla ? (edited, SLAFixtures.statusesJSON) : (SLAFixtures.slaJSON, edited)
        let problems = SLASettings.problems(slaJSON: Data(sla.utf8), statusesJSON: Data(statuses.utf8))
        #expect(problems.count == testCase.expectedCount, "\(problems)")
        #expect(problems.first?.file == testCase.file)
        #expect(problems.first?.message.contains(testCase.expectedMessage) == true, "\(problems)")
        #expect(throws: SLAError.invalidSettings(problems)) {
            try SLASettings.load(slaJSON: Data(sla.utf8), statusesJSON: Data(statuses.utf8))
        }
    }

    @Test func everyProblemIsReportedAtOnce() {
        let sla = SLAFixtures.slaJSON
            .replacingOccurrences(of: #""timeZone": "Europe/Berlin""#, with: #""timeZone": "Nowhere/City""#)
            .replacingOccurrences(of: #""defaultPolicy": "standard""#, with: #""defaultPolicy": "none""#)
            .replacingOccurrences(of: #""firstResponseMinutes": 60"#, with: #""firstResponseMinutes": 0"#)
        let problems = SLASettings.problems(slaJSON: Data(sla.utf8), statusesJSON: nil)
        #expect(problems.count == 5, "\(problems)")
        #expect(problems.filter { $0.message.contains("Nowhere/City") }.count == 2)
        #expect(problems.filter { $0.message.contains("invalid target 0") }.count == 2)
        #expect(problems.contains { $0.message.contains(#"unknown policy "none""#) })
    }

    @Test func invalidJSONNamesLineAndColumn() {
        let problems = SLASettings.problems(slaJSON: Data("{\n  \"formatVersion\": 1,,\n}".utf8), statusesJSON: nil)
        #expect(problems.count == 1)
        #expect(
            problems.first?.message.contains("Invalid value around character 23 at line 2, column 22") == true,
            "\(problems)")
    }

    @Test func problemPrintsAsCompilerStyleLine() {
        let problem = SLASettingsProblem(file: "settings/sla.json", message: "defaultPolicy is missing")
        #expect(problem.description == "settings/sla.json: error: defaultPolicy is missing")
    }

    @Test func validSettingsLoad() throws {
        let settings = try SLAFixtures.settings()
        #expect(settings.calendars.keys.sorted() == ["office", "tuesdays"])
        #expect(settings.resolver.policies.keys.sorted() == ["critical", "msp-contoso", "standard"])
        #expect(settings.resolver.defaultPolicy.id == "standard")
        #expect(settings.resolver.overrides.count == 2)
        #expect(settings.warningMinutesBeforeDue == 60)
        #expect(settings.breachingSoonMinutes == 240)
        #expect(settings.statuses.isOnHold("awaiting_customer"))
        #expect(!settings.statuses.isOnHold("pending_approval"))
        #expect(!settings.statuses.isOnHold("open"))
    }

    @Test func officeCalendarHasHolidaysAndHours() throws {
        let office = try SLAFixtures.officeCalendar()
        #expect(office.timeZone.identifier == "Europe/Berlin")
        #expect(office.holidays.map(\.description) == ["2026-12-24", "2026-12-25"])
        #expect(office.hours[.mon]?.map(\.description) == ["08:00–12:00", "13:00–17:00"])
        #expect(office.hours[.sat]?.isEmpty == true)
    }

    @Test func missingStatusesFileMeansNothingOnHold() throws {
        let settings = try SLAFixtures.settings(statuses: nil)
        #expect(settings.statuses.custom.isEmpty)
        #expect(!settings.statuses.isOnHold("awaiting_customer"))
    }

    @Test func missingThresholdsUseDefaults() throws {
        let thresholds = "],\n  \"warningMinutesBeforeDue\": 60,\n  \"breachingSoonMinutes\": 240"
        try #require(SLAFixtures.slaJSON.contains(thresholds))
        let sla = SLAFixtures.slaJSON.replacingOccurrences(of: thresholds, with: "]")
        let settings = try SLAFixtures.settings(sla: sla)
        #expect(settings.warningMinutesBeforeDue == SLASettings.defaultWarningMinutesBeforeDue)
        #expect(settings.breachingSoonMinutes == SLASettings.defaultBreachingSoonMinutes)
    }
}
