import Foundation
import Testing

@testable import FlatDesk

@Suite struct SLAEnginePropertyTests {
    static let statuses = [
        "new", "open", "in_progress", "escalated", "awaiting_customer", "waiting_vendor", "pending_approval",
        "resolved", "closed",
    ]
    static let organizations: [String?] = [nil, nil, "contoso", "northwind"]

    /// Replays random sequences of status changes, priority changes and replies at increasing times and checks
    /// after every status change that no pause shortened the remaining time or moved a due time earlier.
    @Test func pausesNeverShortenRemainingTime() throws {
        let (engine, _) = try SLAFixtures.engine()
        var generator = SLASplitMix64(seed: 20_260_301)
        var endedPeriods = 0
        for _ in 0..<600 {
            var now = Date(
                timeIntervalSince1970: TimeInterval(Int.random(in: 1_767_225_600..<1_798_761_600, using: &generator)))
            var state = engine.created(
                ticketType: SLASettingsReader.ticketTypes.randomElement(using: &generator) ?? "incident",
                priority: SLAPriority.allCases.randomElement(using: &generator) ?? .low,
                organizationId: Self.organizations.randomElement(using: &generator) ?? nil, at: now)
            for _ in 0..<Int.random(in: 5...25, using: &generator) {
                now = now.addingTimeInterval(randomGap(using: &generator))
                let before = state
                let choice = Int.random(in: 0..<10, using: &generator)
                if choice < 2 {
                    state = engine.priorityChanged(
                        state, to: SLAPriority.allCases.randomElement(using: &generator) ?? .low, at: now)
                    #expect(state.slaPausedMinutes >= before.slaPausedMinutes)
                    #expect(state.isPaused == before.isPaused)
                } else if choice < 3 {
                    state = engine.publicAgentReply(state, at: now)
                } else {
                    state = engine.statusChanged(
                        state, to: Self.statuses.randomElement(using: &generator) ?? "open", at: now)
                    endedPeriods += try checkStatusChange(engine, before: before, after: state, at: now)
                }
                checkEvaluation(engine, state, at: now)
            }
        }
        #expect(endedPeriods > 1000, "too few pauses or resolved periods ended to exercise the property")
    }

    /// Checks one status change; returns 1 when it ended a pause or a resolved period, else 0.
    private func checkStatusChange(_ engine: SLAEngine, before: SLAState, after: SLAState, at now: Date) throws -> Int {
        let statuses = engine.settings.statuses
        #expect(after.slaPausedMinutes >= before.slaPausedMinutes)
        #expect((after.slaPausedAt != nil) == statuses.isOnHold(after.status))
        #expect((after.resolvedAt != nil) == statuses.isResolved(after.status))
        for target in SLATarget.allCases {
            let dueBefore = try #require(before.dueAt(target))
            let dueAfter = try #require(after.dueAt(target))
            #expect(dueAfter >= dueBefore, "\(target) moved earlier: \(before) -> \(after)")
        }
        let endedPause = before.slaPausedAt != nil && after.slaPausedAt != before.slaPausedAt
        let reopened = before.resolvedAt != nil && after.resolvedAt == nil
        guard endedPause || reopened, let periodStart = before.slaPausedAt ?? before.resolvedAt else { return 0 }
        let clock = engine.policy(for: after).clock
        for target in SLATarget.allCases {
            let remainingAtStart = clock.elapsedSeconds(from: periodStart, to: try #require(before.dueAt(target)))
            let remainingAtEnd = clock.elapsedSeconds(from: now, to: try #require(after.dueAt(target)))
            #expect(remainingAtEnd >= remainingAtStart, "\(target): \(before) -> \(after) at \(now)")
        }
        return 1
    }

    private func checkEvaluation(_ engine: SLAEngine, _ state: SLAState, at now: Date) {
        let evaluation = engine.evaluate(state, at: now)
        #expect(engine.evaluate(state, at: now) == evaluation)
        if let wakeUp = evaluation.nextWakeUp { #expect(wakeUp > now) }
        if state.isPaused { #expect(evaluation.breachedNow.isEmpty) }
    }

    /// Returns a gap of seconds to days, so sequences cross nights, weekends and clock changes.
    private func randomGap(using generator: inout SLASplitMix64) -> TimeInterval {
        let scales = [1, 60, 3600, 86_400]
        let scale = scales.randomElement(using: &generator) ?? 60
        return TimeInterval(Int.random(in: 1...40, using: &generator) * scale)
    }
}
