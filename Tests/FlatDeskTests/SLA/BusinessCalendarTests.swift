import Foundation
import Testing

@testable import FlatDesk

/// One `addingBusinessMinutes` case in Berlin local time.
struct BusinessAdditionCase: CustomStringConvertible, Sendable {
    let name: String
    let start: String
    let minutes: Int
    let expected: String
    var description: String { name }
}

@Suite struct BusinessCalendarTests {
    static let additionCases: [BusinessAdditionCase] = [
        .init(name: "within a morning", start: "2026-03-02 09:00", minutes: 60, expected: "2026-03-02 10:00"),
        .init(name: "across lunch", start: "2026-03-02 11:30", minutes: 60, expected: "2026-03-02 13:30"),
        .init(name: "ends at closing", start: "2026-03-02 11:00", minutes: 60, expected: "2026-03-02 12:00"),
        .init(name: "before opening", start: "2026-03-02 07:00", minutes: 30, expected: "2026-03-02 08:30"),
        .init(name: "Friday evening", start: "2026-03-06 20:00", minutes: 480, expected: "2026-03-09 17:00"),
        .init(name: "over a weekend", start: "2026-03-06 16:00", minutes: 120, expected: "2026-03-09 09:00"),
        .init(name: "from Saturday", start: "2026-03-07 10:00", minutes: 1, expected: "2026-03-09 08:01"),
        .init(name: "over holidays", start: "2026-12-23 16:00", minutes: 120, expected: "2026-12-28 09:00"),
        .init(name: "five days over holidays", start: "2026-12-21 08:00", minutes: 2400, expected: "2026-12-29 17:00"),
        .init(name: "spring DST weekend", start: "2026-03-27 16:00", minutes: 120, expected: "2026-03-30 09:00"),
        .init(name: "autumn DST weekend", start: "2026-10-23 16:00", minutes: 120, expected: "2026-10-26 09:00"),
        .init(name: "10,000 minutes", start: "2026-03-02 08:00", minutes: 10_000, expected: "2026-03-30 15:40"),
        .init(name: "zero minutes", start: "2026-03-07 10:00", minutes: 0, expected: "2026-03-07 10:00"),
        .init(name: "backward over a weekend", start: "2026-03-09 08:30", minutes: -60, expected: "2026-03-06 16:30"),
        .init(name: "backward over lunch", start: "2026-03-02 13:00", minutes: -60, expected: "2026-03-02 11:00"),
        .init(name: "backward to opening", start: "2026-03-02 09:00", minutes: -60, expected: "2026-03-02 08:00"),
        .init(
            name: "backward 10,000 minutes", start: "2026-03-30 15:40", minutes: -10_000, expected: "2026-03-02 08:00"),
    ]

    @Test(arguments: additionCases)
    func addingBusinessMinutes(_ testCase: BusinessAdditionCase) throws {
        let calendar = try SLAFixtures.officeCalendar()
        let result = calendar.addingBusinessMinutes(testCase.minutes, to: SLAFixtures.berlinTime(testCase.start))
        #expect(SLAFixtures.berlinText(result) == testCase.expected)
    }

    @Test(arguments: [
        ("2026-03-06 16:00", "2026-03-09 09:00", 120),
        ("2026-03-09 09:00", "2026-03-06 16:00", -120),
        ("2026-03-02 11:00", "2026-03-02 14:00", 120),
        ("2026-03-27 15:00", "2026-03-30 10:00", 240),
        ("2026-10-23 15:00", "2026-10-26 10:00", 240),
        ("2026-12-23 08:00", "2026-12-29 08:00", 960),
        ("2026-03-01 00:00", "2026-04-01 00:00", 22 * 480),
        ("2026-03-07 09:00", "2026-03-08 18:00", 0),
    ])
    func businessMinutesBetween(start: String, end: String, expected: Int) throws {
        let calendar = try SLAFixtures.officeCalendar()
        let minutes = calendar.businessMinutes(from: SLAFixtures.berlinTime(start), to: SLAFixtures.berlinTime(end))
        #expect(minutes == expected)
    }

    @Test func oneWorkingDayAWeek() throws {
        let calendar = try #require(try SLAFixtures.settings().calendars["tuesdays"])
        let wednesday = SLAFixtures.berlinTime("2026-03-04 10:00")
        let due = calendar.addingBusinessMinutes(240, to: wednesday)
        #expect(SLAFixtures.berlinText(due) == "2026-03-10 13:00")
        let long = calendar.addingBusinessMinutes(10_000, to: wednesday)
        #expect(SLAFixtures.berlinText(long) == "2026-07-28 15:40")
        #expect(calendar.businessMinutes(from: wednesday, to: long) == 10_000)
    }

    @Test func dstDayStillOpensAtLocalTime() throws {
        let allWeek = try BusinessCalendar(
            id: "all-week", timeZone: SLAFixtures.berlin,
            hours: Dictionary(uniqueKeysWithValues: SLAWeekday.allCases.map { ($0, [interval("08:00", "17:00")]) }))
        let cases = [
            ("2026-03-28", "2026-03-28T07:00:00Z"), ("2026-03-29", "2026-03-29T06:00:00Z"),
            ("2026-10-25", "2026-10-25T07:00:00Z"), ("2026-10-24", "2026-10-24T06:00:00Z"),
        ]
        for (day, opening) in cases {
            let date = try #require(SLALocalDate(day))
            #expect(allWeek.openIntervals(on: date).first?.start == SLAFixtures.utc(opening), "\(day)")
        }
    }

    @Test func fullDayLengthFollowsClockChanges() throws {
        let allDay = try BusinessCalendar(
            id: "all-day", timeZone: SLAFixtures.berlin,
            hours: Dictionary(uniqueKeysWithValues: SLAWeekday.allCases.map { ($0, [interval("00:00", "24:00")]) }))
        let springDay = try #require(SLALocalDate("2026-03-29"))
        let autumnDay = try #require(SLALocalDate("2026-10-25"))
        #expect(allDay.openIntervals(on: springDay).first?.duration == TimeInterval(23 * 3600))
        #expect(allDay.openIntervals(on: autumnDay).first?.duration == TimeInterval(25 * 3600))
    }

    @Test func skippedLocalTimeIsNotOpen() throws {
        let night = try BusinessCalendar(
            id: "night", timeZone: SLAFixtures.berlin, hours: [.sun: [interval("01:00", "02:30")]])
        let springDay = try #require(SLALocalDate("2026-03-29"))
        let interval = try #require(night.openIntervals(on: springDay).first)
        #expect(interval.start == SLAFixtures.utc("2026-03-29T00:00:00Z"))
        #expect(interval.end == SLAFixtures.utc("2026-03-29T01:00:00Z"))
    }

    @Test func skippedCalendarDayHasNoOpenTime() throws {
        let apia = try #require(TimeZone(identifier: "Pacific/Apia"))
        let everyDay = try BusinessCalendar(
            id: "apia", timeZone: apia,
            hours: Dictionary(uniqueKeysWithValues: SLAWeekday.allCases.map { ($0, [interval("08:00", "17:00")]) }))
        let start = SLAFixtures.localTime("2011-12-29 00:00", in: apia)
        let end = SLAFixtures.localTime("2012-01-01 00:00", in: apia)
        #expect(everyDay.businessMinutes(from: start, to: end) == 2 * 540)
    }

    @Test(arguments: ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata"])
    func openingTimesMatchFoundationCalendar(zoneID: String) throws {
        let zone = try #require(TimeZone(identifier: zoneID))
        let hours = [interval("08:00", "12:30"), interval("13:15", "24:00")]
        let calendar = try BusinessCalendar(
            id: zoneID, timeZone: zone,
            hours: Dictionary(uniqueKeysWithValues: SLAWeekday.allCases.map { ($0, hours) }))
        var day = try #require(SLALocalDate("2025-12-25"))
        for _ in 0..<400 {
            let intervals = calendar.openIntervals(on: day)
            #expect(intervals.map(\.start) == [localTime(day, "08:00", zone), localTime(day, "13:15", zone)], "\(day)")
            #expect(intervals.first?.end == localTime(day, "12:30", zone), "\(day)")
            day = SLALocalDate(dayNumber: day.dayNumber + 1)
        }
    }

    @Test func additionAgreesWithMinuteByMinuteCount() throws {
        let calendar = try SLAFixtures.officeCalendar()
        var generator = SLASplitMix64(seed: 7)
        let anchors = ["2026-03-25 00:00", "2026-10-21 00:00", "2026-12-21 00:00"]
        for round in 0..<24 {
            let anchor = SLAFixtures.berlinTime(anchors[round % anchors.count])
            let start = anchor.addingTimeInterval(TimeInterval(Int.random(in: 0..<(5 * 1440), using: &generator) * 60))
            let minutes = Int.random(in: 1...1200, using: &generator)
            let expected = countOpenMinutes(minutes, from: start, zone: SLAFixtures.berlin)
            #expect(calendar.addingBusinessMinutes(minutes, to: start) == expected, "start \(start), \(minutes) min")
        }
    }

    @Test func additionAndCountAreInverse() throws {
        let office = try SLAFixtures.officeCalendar()
        let tuesdays = try #require(try SLAFixtures.settings().calendars["tuesdays"])
        let sydney = try BusinessCalendar(
            id: "sydney", timeZone: try #require(TimeZone(identifier: "Australia/Sydney")),
            hours: [.mon: [interval("09:00", "17:30")], .thu: [interval("00:00", "24:00")]],
            holidays: [try #require(SLALocalDate("2026-04-06"))])
        var generator = SLASplitMix64(seed: 11)
        for calendar in [office, tuesdays, sydney] {
            for _ in 0..<300 {
                let start = Date(
                    timeIntervalSince1970: TimeInterval(
                        Int.random(in: 1_767_225_600..<1_798_761_600, using: &generator)))
                let minutes = Int.random(in: -20_000...20_000, using: &generator)
                let end = calendar.addingBusinessMinutes(minutes, to: start)
                #expect(
                    calendar.businessSeconds(from: start, to: end) == minutes * 60, "\(calendar.id) \(start) \(minutes)"
                )
            }
        }
    }

    @Test(arguments: [
        "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "America/Havana", "Africa/Casablanca",
        "Europe/Dublin", "Pacific/Apia",
    ])
    func roundTheClockCalendarMatchesElapsedTime(zoneID: String) throws {
        let zone = try #require(TimeZone(identifier: zoneID))
        let always = try BusinessCalendar(
            id: "always", timeZone: zone,
            hours: Dictionary(uniqueKeysWithValues: SLAWeekday.allCases.map { ($0, [interval("00:00", "24:00")]) }))
        var generator = SLASplitMix64(seed: 3)
        for _ in 0..<300 {
            let start = Date(
                timeIntervalSince1970: TimeInterval(Int.random(in: 1_735_689_600..<1_798_761_600, using: &generator)))
            let minutes = Int.random(in: -300_000...300_000, using: &generator)
            let end = start.addingTimeInterval(TimeInterval(minutes * 60))
            #expect(always.addingBusinessMinutes(minutes, to: start) == end, "\(start) \(minutes)")
            #expect(always.businessMinutes(from: start, to: end) == minutes, "\(start) \(minutes)")
        }
    }

    @Test func largeAdditionsSkipWholeWeeks() throws {
        let calendar = try SLAFixtures.officeCalendar()
        let start = SLAFixtures.berlinTime("2026-01-05 08:00")
        let elapsed = ContinuousClock().measure {
            for offset in 0..<200 {
                let result = calendar.addingBusinessMinutes(1_000_000 + offset, to: start)
                #expect(result > start)
            }
        }
        #expect(elapsed < .seconds(5), "200 additions of about 40 business years took \(elapsed)")
    }

    @Test func calendarWithoutOpenHoursIsRejected() {
        #expect(throws: SLAError.noOpenHours(calendarID: "closed")) {
            try BusinessCalendar(id: "closed", timeZone: SLAFixtures.berlin, hours: [.mon: [], .sun: []])
        }
    }

    @Test func overlappingIntervalsAreRejected() {
        #expect(throws: SLAError.self) {
            try BusinessCalendar(
                id: "bad", timeZone: SLAFixtures.berlin,
                hours: [.mon: [interval("08:00", "12:00"), interval("11:00", "13:00")]])
        }
    }

    @Test func isOpenFollowsIntervals() throws {
        let calendar = try SLAFixtures.officeCalendar()
        #expect(calendar.isOpen(at: SLAFixtures.berlinTime("2026-03-02 08:00")))
        #expect(!calendar.isOpen(at: SLAFixtures.berlinTime("2026-03-02 12:30")))
        #expect(!calendar.isOpen(at: SLAFixtures.berlinTime("2026-03-02 17:00")))
        #expect(!calendar.isOpen(at: SLAFixtures.berlinTime("2026-12-24 10:00")))
    }

    // MARK: - Helpers

    private func interval(_ start: String, _ end: String) -> BusinessHoursInterval {
        BusinessHoursInterval(start: start, end: end) ?? BusinessHoursInterval(startMinute: 0, endMinute: 0)
    }

    private func localTime(_ day: SLALocalDate, _ time: String, _ zone: TimeZone) -> Date {
        SLAFixtures.localTime("\(day) \(time)", in: zone)
    }

    /// Counts open minutes one at a time, deciding each with Foundation's calendar in `zone`, and returns the
    /// end of the `minutes`-th open minute. The office hours (08–12, 13–17 Mon–Fri, two holidays) are
    /// restated here so that the count does not depend on the code under test.
    private func countOpenMinutes(_ minutes: Int, from start: Date, zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        var instant = start
        var counted = 0
        for _ in 0..<(60 * 24 * 30) {
            let parts = calendar.dateComponents([.weekday, .hour, .minute, .month, .day], from: instant)
            let minuteOfDay = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
            let workday = (2...6).contains(parts.weekday ?? 1)
            let holiday = parts.month == 12 && (parts.day == 24 || parts.day == 25)
            let open = (480..<720).contains(minuteOfDay) || (780..<1020).contains(minuteOfDay)
            instant = instant.addingTimeInterval(60)
            if workday && !holiday && open {
                counted += 1
                if counted == minutes { return instant }
            }
        }
        return .distantFuture
    }
}
