import Foundation

extension BusinessCalendar {
    /// Span of a single search, in days; a target further away than this resolves to `Date.distantFuture`.
    static let maximumSpanDays = 146_097  // 400 years

    /// Returns the instant at which `minutes` of open time have elapsed after `start`.
    ///
    /// Adding zero returns `start`. A negative value counts backward, so `addingBusinessMinutes(-60, to: due)`
    /// is the instant one business hour before `due`. A positive addition can end at the closing time of an
    /// interval (12:00, not 13:00 after lunch). A negative one can end at an opening time.
    /// - Returns: The instant, or `Date.distantFuture` (`distantPast` when counting backward) when it lies more
    ///   than 400 years away.
    public func addingBusinessMinutes(_ minutes: Int, to start: Date) -> Date {
        let (seconds, overflow) = minutes.multipliedReportingOverflow(by: 60)
        if overflow { return minutes > 0 ? .distantFuture : .distantPast }
        return addingBusinessSeconds(seconds, to: start)
    }

    /// Returns the instant at which `seconds` of open time have elapsed after `start` (before it, if negative).
    public func addingBusinessSeconds(_ seconds: Int, to start: Date) -> Date {
        let startSeconds = Self.utcSeconds(start)
        let result = seconds >= 0 ? adding(seconds, toUTC: startSeconds) : subtracting(-seconds, fromUTC: startSeconds)
        guard let result else { return seconds >= 0 ? .distantFuture : .distantPast }
        return Date(timeIntervalSince1970: TimeInterval(result))
    }

    /// Returns the whole minutes of open time between two instants, negative when `end` precedes `start`.
    public func businessMinutes(from start: Date, to end: Date) -> Int {
        businessSeconds(from: start, to: end) / 60
    }

    /// Returns the seconds of open time between two instants, negative when `end` precedes `start`.
    ///
    /// Only the first 400 years after the earlier instant are counted.
    public func businessSeconds(from start: Date, to end: Date) -> Int {
        let startSeconds = Self.utcSeconds(start)
        let endSeconds = Self.utcSeconds(end)
        if endSeconds < startSeconds { return -openSeconds(fromUTC: endSeconds, toUTC: startSeconds) }
        return openSeconds(fromUTC: startSeconds, toUTC: endSeconds)
    }

    /// Returns whether the calendar is open at `instant`.
    public func isOpen(at instant: Date) -> Bool {
        let seconds = Self.utcSeconds(instant)
        let day = dayNumber(containingUTC: seconds)
        return openSeconds(onDay: day, fromUTC: seconds, toUTC: seconds + 1) > 0
    }

    /// Returns the open intervals of a local date as UTC instants; empty on a holiday or closed weekday.
    public func openIntervals(on date: SLALocalDate) -> [DateInterval] {
        let day = date.dayNumber
        guard !isHoliday(day) else { return [] }
        return intervalsByWeekday[SLAWeekday.of(dayNumber: day).index].compactMap { interval in
            let (open, close) = utcBounds(of: interval, onDay: day)
            guard close > open else { return nil }
            return DateInterval(
                start: Date(timeIntervalSince1970: TimeInterval(open)),
                end: Date(timeIntervalSince1970: TimeInterval(close)))
        }
    }

    // MARK: - Walks over local days

    /// Moves forward from `start` until `seconds` (positive) of open time have passed.
    func adding(_ seconds: Int, toUTC start: Int) -> Int? {
        guard seconds > 0 else { return start }
        var remaining = seconds
        var day = dayNumber(containingUTC: start)
        let lastDay = day + Self.maximumSpanDays
        while day <= lastDay {
            if let end = consumeForward(&remaining, onDay: day, afterUTC: start) { return end }
            day += 1
            let weeks = regularWeeks(startingAt: day, limit: (remaining - 1) / weeklySeconds)
            remaining -= weeks * weeklySeconds
            day += 7 * weeks
        }
        return nil
    }

    /// Moves backward from `end` until `seconds` (positive) of open time have passed.
    func subtracting(_ seconds: Int, fromUTC end: Int) -> Int? {
        var remaining = seconds
        var day = dayNumber(containingUTC: end)
        let firstDay = day - Self.maximumSpanDays
        while day >= firstDay {
            if let start = consumeBackward(&remaining, onDay: day, beforeUTC: end) { return start }
            day -= 1
            let weeks = regularWeeks(endingAt: day, limit: (remaining - 1) / weeklySeconds)
            remaining -= weeks * weeklySeconds
            day -= 7 * weeks
        }
        return nil
    }

    /// Returns the open seconds in `[start, end)`, where `start <= end`.
    func openSeconds(fromUTC start: Int, toUTC end: Int) -> Int {
        var total = 0
        var day = dayNumber(containingUTC: start)
        let lastDay = min(dayNumber(containingUTC: end), day + Self.maximumSpanDays)
        while day <= lastDay {
            total += openSeconds(onDay: day, fromUTC: start, toUTC: end)
            day += 1
            let weeks = regularWeeks(startingAt: day, limit: (lastDay - day) / 7)
            total += weeks * weeklySeconds
            day += 7 * weeks
        }
        return total
    }

    // MARK: - One day

    private func consumeForward(_ remaining: inout Int, onDay day: Int, afterUTC start: Int) -> Int? {
        guard !isHoliday(day) else { return nil }
        for interval in intervalsByWeekday[SLAWeekday.of(dayNumber: day).index] {
            let (open, close) = utcBounds(of: interval, onDay: day)
            let from = max(open, start)
            guard close > from else { continue }
            if remaining <= close - from { return from + remaining }
            remaining -= close - from
        }
        return nil
    }

    private func consumeBackward(_ remaining: inout Int, onDay day: Int, beforeUTC end: Int) -> Int? {
        guard !isHoliday(day) else { return nil }
        for interval in intervalsByWeekday[SLAWeekday.of(dayNumber: day).index].reversed() {
            let (open, close) = utcBounds(of: interval, onDay: day)
            let until = min(close, end)
            guard until > open else { continue }
            if remaining <= until - open { return until - remaining }
            remaining -= until - open
        }
        return nil
    }

    private func openSeconds(onDay day: Int, fromUTC start: Int, toUTC end: Int) -> Int {
        guard !isHoliday(day) else { return 0 }
        var total = 0
        for interval in intervalsByWeekday[SLAWeekday.of(dayNumber: day).index] {
            let (open, close) = utcBounds(of: interval, onDay: day)
            total += max(0, min(close, end) - max(open, start))
        }
        return total
    }

    // MARK: - Days and weeks

    /// Returns the UTC bounds of `interval` on local day `day`.
    func utcBounds(of interval: BusinessHoursInterval, onDay day: Int) -> (open: Int, close: Int) {
        let midnight = day * 86_400
        return (
            offsets.utc(fromLocal: midnight + interval.startMinute * 60),
            offsets.utc(fromLocal: midnight + interval.endMinute * 60)
        )
    }

    /// Returns the local day (days since 1970-01-01 local time) that contains the UTC instant `utc`.
    func dayNumber(containingUTC utc: Int) -> Int {
        floorDiv(utc + offsets.offset(atUTC: utc), 86_400)
    }

    func isHoliday(_ day: Int) -> Bool {
        let index = SLAZoneOffsetTable.countOfElements(in: holidayDayNumbers, notAbove: day)
        return index > 0 && holidayDayNumbers[index - 1] == day
    }

    /// Returns how many whole weeks from local day `day` on (at most `limit`) have no holiday and no clock
    /// change, so that each contains exactly `weeklySeconds` of open time.
    private func regularWeeks(startingAt day: Int, limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        var lastRegularDay = Int.max
        let holidayIndex = SLAZoneOffsetTable.countOfElements(in: holidayDayNumbers, notAbove: day - 1)
        if holidayIndex < holidayDayNumbers.count { lastRegularDay = holidayDayNumbers[holidayIndex] - 1 }
        let weekStartUTC = offsets.utc(fromLocal: day * 86_400)
        if let transitionDay = offsets.firstTransitionLocalDay(notBeforeUTC: weekStartUTC) {
            lastRegularDay = min(lastRegularDay, transitionDay - 2)
        }
        guard lastRegularDay >= day else { return 0 }
        return min(limit, (lastRegularDay - day + 1) / 7)
    }

    /// Returns how many whole weeks ending with local day `day` (at most `limit`) have no holiday and no clock
    /// change, counting backward.
    private func regularWeeks(endingAt day: Int, limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        var firstRegularDay = Int.min
        let holidayIndex = SLAZoneOffsetTable.countOfElements(in: holidayDayNumbers, notAbove: day)
        if holidayIndex > 0 { firstRegularDay = holidayDayNumbers[holidayIndex - 1] + 1 }
        let weekEndUTC = offsets.utc(fromLocal: (day + 1) * 86_400)
        if let transitionDay = offsets.lastTransitionLocalDay(notAfterUTC: weekEndUTC) {
            firstRegularDay = max(firstRegularDay, transitionDay + 1)
        }
        guard firstRegularDay <= day else { return 0 }
        return min(limit, (day - firstRegularDay + 1) / 7)
    }

    /// Converts a date to whole UTC seconds, truncating fractions and clamping to about ±31,000 years.
    static func utcSeconds(_ date: Date) -> Int {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite else { return seconds > 0 ? 1_000_000_000_000 : -1_000_000_000_000 }
        return Int(min(max(seconds, -1e12), 1e12).rounded(.down))
    }
}
