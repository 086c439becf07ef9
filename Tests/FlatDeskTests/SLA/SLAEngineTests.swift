import Foundation
import Testing

@testable import FlatDesk

@Suite struct SLAEngineTests {
    private func time(_ text: String) -> Date { SLAFixtures.berlinTime(text) }
    private func text(_ date: Date?) -> String { SLAFixtures.berlinText(date) }

    @Test func createdOutsideHoursIsDueNextWeek() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.created(
            ticketType: "service_request", priority: .low, organizationId: nil, at: time("2026-03-06 20:00"))
        #expect(text(state.firstResponseDueAt) == "2026-03-09 17:00")
        #expect(text(state.resolutionDueAt) == "2026-03-13 17:00")
        #expect(state.slaPausedMinutes == 0)
        #expect(!state.slaBreached)
    }

    @Test func createdUsesClockWhenTimeOmitted() throws {
        let (engine, clock) = try SLAFixtures.engine(at: "2026-03-02 09:00")
        clock.advance(by: 30.5)
        let state = engine.created(ticketType: "incident", priority: .urgent, organizationId: nil)
        #expect(state.createdAt == SLAFixtures.utc("2026-03-02T08:00:30Z"))
    }

    @Test func urgentIncidentUsesCalendarPolicy() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.created(
            ticketType: "incident", priority: .urgent, organizationId: nil, at: time("2026-03-06 20:00"))
        #expect(engine.policy(for: state).id == "critical")
        #expect(text(state.firstResponseDueAt) == "2026-03-06 20:15")
        #expect(text(state.resolutionDueAt) == "2026-03-06 21:00")
    }

    @Test func organizationOverrideUsesItsCalendar() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.created(
            ticketType: "incident", priority: .urgent, organizationId: "contoso", at: time("2026-03-04 10:00"))
        #expect(engine.policy(for: state).id == "msp-contoso")
        #expect(text(state.firstResponseDueAt) == "2026-03-10 13:00")
        #expect(text(state.resolutionDueAt) == "2026-03-17 17:00")
    }

    @Test func firstPublicReplyIsKept() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.created(
            ticketType: "incident", priority: .medium, organizationId: nil, at: time("2026-03-02 09:00"))
        state = engine.publicAgentReply(state, at: time("2026-03-02 10:00"))
        state = engine.publicAgentReply(state, at: time("2026-03-02 11:00"))
        #expect(text(state.firstRespondedAt) == "2026-03-02 10:00")
    }

    @Test func pauseMovesBothDueTimes() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = mondayMediumTicket(engine)
        #expect(text(state.firstResponseDueAt) == "2026-03-02 14:00")
        #expect(text(state.resolutionDueAt) == "2026-03-05 09:00")
        state = engine.statusChanged(state, to: "awaiting_customer", at: time("2026-03-02 10:00"))
        #expect(state.slaPausedAt == time("2026-03-02 10:00"))
        #expect(text(state.firstResponseDueAt) == "2026-03-02 14:00")
        state = engine.statusChanged(state, to: "open", at: time("2026-03-02 11:30"))
        #expect(state.slaPausedAt == nil)
        #expect(state.slaPausedMinutes == 90)
        #expect(text(state.firstResponseDueAt) == "2026-03-02 15:30")
        #expect(text(state.resolutionDueAt) == "2026-03-05 10:30")
    }

    @Test func partialPauseMinuteCountsAsWhole() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.statusChanged(
            mondayMediumTicket(engine), to: "awaiting_customer", at: time("2026-03-02 10:00"))
        state = engine.statusChanged(state, to: "open", at: time("2026-03-02 10:00").addingTimeInterval(61))
        #expect(state.slaPausedMinutes == 2)
    }

    @Test func springDSTInsideBusinessPause() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.created(
            ticketType: "service_request", priority: .medium, organizationId: nil, at: time("2026-03-27 09:00"))
        #expect(text(state.resolutionDueAt) == "2026-04-01 09:00")
        state = engine.statusChanged(state, to: "awaiting_customer", at: time("2026-03-27 15:00"))
        state = engine.statusChanged(state, to: "in_progress", at: time("2026-03-30 10:00"))
        #expect(state.slaPausedMinutes == 240)
        #expect(text(state.resolutionDueAt) == "2026-04-01 14:00")
    }

    @Test(arguments: [
        ("2026-03-28 11:30", "2026-03-28 11:40", "2026-03-29 12:00", 1400),
        ("2026-10-24 11:30", "2026-10-24 11:40", "2026-10-25 12:00", 1520),
    ])
    func dstInsideCalendarPause(created: String, paused: String, resumed: String, expectedMinutes: Int) throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.created(ticketType: "incident", priority: .urgent, organizationId: nil, at: time(created))
        state = engine.statusChanged(state, to: "awaiting_customer", at: time(paused))
        state = engine.statusChanged(state, to: "open", at: time(resumed))
        #expect(state.slaPausedMinutes == expectedMinutes)
        #expect(state.resolutionDueAt == time(created).addingTimeInterval(TimeInterval((60 + expectedMinutes) * 60)))
    }

    @Test func priorityChangeWhilePausedKeepsPause() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.statusChanged(
            mondayMediumTicket(engine), to: "awaiting_customer", at: time("2026-03-02 10:00"))
        state = engine.priorityChanged(state, to: .low, at: time("2026-03-02 10:30"))
        #expect(state.slaPausedAt == time("2026-03-02 10:00"))
        #expect(state.slaPausedMinutes == 0)
        #expect(text(state.firstResponseDueAt) == "2026-03-03 09:00")
        state = engine.statusChanged(state, to: "open", at: time("2026-03-02 11:00"))
        #expect(state.slaPausedMinutes == 60)
        #expect(text(state.firstResponseDueAt) == "2026-03-03 10:00")
        #expect(text(state.resolutionDueAt) == "2026-03-09 10:00")
    }

    @Test func priorityChangeToOtherClockSplitsPause() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.created(
            ticketType: "incident", priority: .medium, organizationId: nil, at: time("2026-03-02 09:00"))
        state = engine.statusChanged(state, to: "awaiting_customer", at: time("2026-03-02 10:00"))
        state = engine.priorityChanged(state, to: .urgent, at: time("2026-03-02 16:00"))
        #expect(engine.policy(for: state).id == "critical")
        #expect(state.slaPausedMinutes == 300)
        #expect(state.slaPausedAt == time("2026-03-02 16:00"))
        state = engine.statusChanged(state, to: "open", at: time("2026-03-02 18:00"))
        #expect(state.slaPausedMinutes == 420)
        #expect(text(state.firstResponseDueAt) == "2026-03-02 16:15")
        #expect(text(state.resolutionDueAt) == "2026-03-02 17:00")
    }

    @Test func priorityChangeRecomputesFromCreation() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = mondayMediumTicket(engine)
        state = engine.priorityChanged(state, to: .high, at: time("2026-03-02 09:30"))
        #expect(text(state.firstResponseDueAt) == "2026-03-02 10:00")
        #expect(text(state.resolutionDueAt) == "2026-03-03 09:00")
    }

    @Test func severalPausesAddUp() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = mondayMediumTicket(engine)
        for (start, end) in [("09:30", "10:00"), ("10:30", "11:00"), ("14:00", "14:30")] {
            state = engine.statusChanged(state, to: "awaiting_customer", at: time("2026-03-02 " + start))
            state = engine.statusChanged(state, to: "open", at: time("2026-03-02 " + end))
        }
        #expect(state.slaPausedMinutes == 90)
        #expect(text(state.firstResponseDueAt) == "2026-03-02 15:30")
    }

    @Test func movingBetweenOnHoldStatusesIsOnePause() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.statusChanged(
            mondayMediumTicket(engine), to: "awaiting_customer", at: time("2026-03-02 10:00"))
        let dueBefore = state.firstResponseDueAt
        state = engine.statusChanged(state, to: "waiting_vendor", at: time("2026-03-02 10:45"))
        #expect(state.slaPausedAt == time("2026-03-02 10:00"))
        #expect(state.slaPausedMinutes == 0)
        #expect(state.firstResponseDueAt == dueBefore)
        state = engine.statusChanged(state, to: "pending_approval", at: time("2026-03-02 11:30"))
        #expect(state.slaPausedAt == nil)
        #expect(state.slaPausedMinutes == 90)
    }

    @Test func reopenKeepsRemainingTime() throws {
        let (engine, _) = try SLAFixtures.engine()
        let calendar = try SLAFixtures.officeCalendar()
        var state = engine.statusChanged(mondayMediumTicket(engine), to: "resolved", at: time("2026-03-03 09:00"))
        #expect(state.resolvedAt == time("2026-03-03 09:00"))
        let remainingAtResolve = calendar.businessMinutes(
            from: time("2026-03-03 09:00"), to: try #require(state.resolutionDueAt))
        state = engine.statusChanged(state, to: "open", at: time("2026-03-04 09:00"))
        #expect(state.resolvedAt == nil)
        #expect(state.slaPausedMinutes == 480)
        #expect(text(state.resolutionDueAt) == "2026-03-06 09:00")
        let remainingAtReopen = calendar.businessMinutes(
            from: time("2026-03-04 09:00"), to: try #require(state.resolutionDueAt))
        #expect(remainingAtReopen == remainingAtResolve)
        #expect(remainingAtReopen == 960)
    }

    @Test func closingAfterResolveKeepsResolvedAt() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.statusChanged(mondayMediumTicket(engine), to: "resolved", at: time("2026-03-03 09:00"))
        state = engine.statusChanged(state, to: "closed", at: time("2026-03-03 12:00"))
        #expect(state.resolvedAt == time("2026-03-03 09:00"))
        state = engine.statusChanged(state, to: "in_progress", at: time("2026-03-04 09:00"))
        #expect(state.resolvedAt == nil)
        #expect(state.slaPausedMinutes == 480)
    }

    @Test func resolvingEndsPause() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.statusChanged(
            mondayMediumTicket(engine), to: "awaiting_customer", at: time("2026-03-02 10:00"))
        state = engine.statusChanged(state, to: "resolved", at: time("2026-03-02 11:00"))
        #expect(state.slaPausedAt == nil)
        #expect(state.slaPausedMinutes == 60)
        #expect(state.resolvedAt == time("2026-03-02 11:00"))
    }

    @Test func reopeningIntoOnHoldStartsPause() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.statusChanged(mondayMediumTicket(engine), to: "resolved", at: time("2026-03-02 10:00"))
        state = engine.statusChanged(state, to: "awaiting_customer", at: time("2026-03-02 11:00"))
        #expect(state.resolvedAt == nil)
        #expect(state.slaPausedMinutes == 60)
        #expect(state.slaPausedAt == time("2026-03-02 11:00"))
    }

    @Test(arguments: [
        nil,
        #"{"formatVersion": 1, "custom": [{"id": "awaiting_customer", "name": "Awaiting customer", "onHold": false}]}"#,
    ])
    func withoutOnHoldStatusesNothingPauses(statuses: String?) throws {
        let (engine, _) = try SLAFixtures.engine(statuses: statuses)
        let created = mondayMediumTicket(engine)
        var state = engine.statusChanged(created, to: "awaiting_customer", at: time("2026-03-02 10:00"))
        #expect(state.slaPausedAt == nil)
        state = engine.statusChanged(state, to: "open", at: time("2026-03-02 12:00"))
        #expect(state.slaPausedMinutes == 0)
        #expect(state.firstResponseDueAt == created.firstResponseDueAt)
        #expect(state.resolutionDueAt == created.resolutionDueAt)
    }

    @Test func createdOnHoldStartsPaused() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.created(
            ticketType: "change", priority: .medium, organizationId: nil, status: "awaiting_customer",
            at: time("2026-03-02 09:00"))
        #expect(state.slaPausedAt == time("2026-03-02 09:00"))
        #expect(state.status == "awaiting_customer")
    }

    private func mondayMediumTicket(_ engine: SLAEngine) -> SLAState {
        engine.created(
            ticketType: "service_request", priority: .medium, organizationId: nil, at: time("2026-03-02 09:00"))
    }
}
