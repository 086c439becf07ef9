import Foundation

/// The UTC offsets of one time zone as a table of transitions, so that converting between UTC and local
/// wall-clock seconds costs a binary search instead of a Foundation `Calendar` call.
///
/// The table covers 1900-01-01 to 2200-01-01 UTC; before and after that range the first and last tabulated
/// offsets apply. Local wall-clock seconds count from 1970-01-01T00:00 local time, ignoring leap seconds.
struct SLAZoneOffsetTable: Sendable {
    /// UTC seconds at which `offsets[i + 1]` takes effect, ascending.
    private let transitions: [Int]
    /// Offsets from UTC in seconds; `offsets[0]` applies before the first transition.
    private let offsets: [Int]
    /// Local wall-clock seconds at which each transition's offset starts to apply, `transitions[i] + offsets[i + 1]`.
    private let localStarts: [Int]

    static let firstTabulatedUTC = -2_208_988_800  // 1900-01-01T00:00:00Z
    static let lastTabulatedUTC = 7_258_118_400  // 2200-01-01T00:00:00Z
    /// Bound on the transitions read from Foundation; real zones have well under 1,000 in the range.
    private static let maximumTransitions = 10_000

    /// Reads the transitions of `timeZone` from Foundation's time zone database.
    init(timeZone: TimeZone) {
        let end = Date(timeIntervalSince1970: TimeInterval(Self.lastTabulatedUTC))
        var cursor = Date(timeIntervalSince1970: TimeInterval(Self.firstTabulatedUTC))
        var transitions: [Int] = []
        var offsets = [timeZone.secondsFromGMT(for: cursor)]
        while transitions.count < Self.maximumTransitions,
            let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < end
        {
            let offset = timeZone.secondsFromGMT(for: next)
            if offset != offsets.last {
                transitions.append(Int(next.timeIntervalSince1970.rounded(.down)))
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
        localStarts = transitions.indices.map { transitions[$0] + offsets[$0 + 1] }
    }

    /// Returns the offset from UTC in seconds at the UTC instant `utc`.
    func offset(atUTC utc: Int) -> Int {
        offsets[Self.countOfElements(in: transitions, notAbove: utc)]
    }

    /// Converts local wall-clock seconds to UTC seconds.
    ///
    /// A wall time that occurs twice (when clocks go back) maps to its earlier occurrence. A wall time that a
    /// change skips (when clocks go forward) maps to the instant of the change, so the conversion never
    /// decreases and an open interval never covers time that did not exist on the wall clock.
    func utc(fromLocal local: Int) -> Int {
        let segment = Self.countOfElements(in: localStarts, notAbove: local)
        if segment > 0, local < transitions[segment - 1] + offsets[segment - 1] {
            return local - offsets[segment - 1]
        }
        if segment < transitions.count, local >= transitions[segment] + offsets[segment] {
            return transitions[segment]
        }
        return local - offsets[segment]
    }

    /// Returns the earliest local day on which the first transition at or after `utc` can fall, or nil if none
    /// follows.
    func firstTransitionLocalDay(notBeforeUTC utc: Int) -> Int? {
        let index = Self.countOfElements(in: transitions, notAbove: utc - 1)
        guard index < transitions.count else { return nil }
        return floorDiv(transitions[index] + min(offsets[index], offsets[index + 1]), 86_400)
    }

    /// Returns the latest local day on which the last transition at or before `utc` can fall, or nil if none does.
    func lastTransitionLocalDay(notAfterUTC utc: Int) -> Int? {
        let index = Self.countOfElements(in: transitions, notAbove: utc) - 1
        guard index >= 0 else { return nil }
        return floorDiv(transitions[index] + max(offsets[index], offsets[index + 1]), 86_400)
    }

    /// Returns how many elements of the ascending array `values` are less than or equal to `limit`.
    static func countOfElements(in values: [Int], notAbove limit: Int) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= limit { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
