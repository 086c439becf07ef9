import Foundation
import Testing

@testable import FlatDesk

@Suite struct SLAEngineEvaluationTests {
    private func time(_ text: String) -> Date { SLAFixtures.berlinTime(text) }

    /// Creates a medium service request on Monday 2026-03-02 09:00: first response due 14:00, resolution due
    /// Thursday 09:00, both in office hours.
    private func mondayTicket(_ engine: SLAEngine) -> SLAState {
        engine.created(
            ticketType: "service_request", priority: .medium, organizationId: nil, at: time("2026-03-02 09:00"))
    }

    @Test func wakeUpsFollowWarningThenBreach() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = mondayTicket(engine)
        let early = engine.evaluate(state, at: time("2026-03-02 09:30"))
        #expect(early.breachedNow.isEmpty)
        #expect(early.warnings.isEmpty)
        #expect(early.nextWakeUp == time("2026-03-02 13:00"))
        let warned = engine.evaluate(state, at: time("2026-03-02 13:00"))
        #expect(warned.warnings == [.firstResponse])
        #expect(warned.nextWakeUp == time("2026-03-02 14:00").addingTimeInterval(1))
        let atDue = engine.evaluate(state, at: time("2026-03-02 14:00"))
        #expect(atDue.breachedNow.isEmpty)
        #expect(atDue.nextWakeUp == time("2026-03-02 14:00").addingTimeInterval(1))
        let late = engine.evaluate(state, at: time("2026-03-02 14:00").addingTimeInterval(1))
        #expect(late.breachedNow == [.firstResponse])
        #expect(late.shouldSetBreached)
        #expect(late.warnings.isEmpty)
        #expect(late.nextWakeUp == time("2026-03-05 08:00"))
    }

    @Test func breachFiresOnce() throws {
        let (engine, clock) = try SLAFixtures.engine()
        var state = mondayTicket(engine)
        clock.set(time("2026-03-02 15:00"))
        let first = engine.evaluate(state)
        #expect(first.shouldSetBreached)
        state = first.applied(to: state)
        #expect(state.slaBreached)
        let second = engine.evaluate(state)
        #expect(!second.shouldSetBreached)
        #expect(second.breachedNow == [.firstResponse])
        #expect(engine.evaluate(state) == second)
        #expect(second.applied(to: state) == state)
    }

    @Test func warningSpansWeekendInBusinessTime() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.created(
            ticketType: "service_request", priority: .medium, organizationId: nil, at: time("2026-03-06 13:30"))
        #expect(state.firstResponseDueAt == time("2026-03-09 08:30"))
        #expect(engine.evaluate(state, at: time("2026-03-06 14:00")).nextWakeUp == time("2026-03-06 16:30"))
        let weekend = engine.evaluate(state, at: time("2026-03-07 12:00"))
        #expect(weekend.warnings == [.firstResponse])
        #expect(weekend.nextWakeUp == time("2026-03-09 08:30").addingTimeInterval(1))
    }

    @Test func pausedTicketNeitherBreachesNorWakes() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.statusChanged(mondayTicket(engine), to: "awaiting_customer", at: time("2026-03-02 10:00"))
        let evaluation = engine.evaluate(state, at: time("2026-03-10 10:00"))
        #expect(evaluation.breachedNow.isEmpty)
        #expect(!evaluation.shouldSetBreached)
        #expect(evaluation.warnings.isEmpty)
        #expect(evaluation.nextWakeUp == nil)
    }

    @Test func lateReplyIsBreachOnTimeReplyIsNot() throws {
        let (engine, _) = try SLAFixtures.engine()
        let onTime = engine.publicAgentReply(mondayTicket(engine), at: time("2026-03-02 13:59"))
        let onTimeResult = engine.evaluate(onTime, at: time("2026-03-02 16:00"))
        #expect(onTimeResult.breachedNow.isEmpty)
        #expect(onTimeResult.nextWakeUp == time("2026-03-05 08:00"))
        let late = engine.publicAgentReply(mondayTicket(engine), at: time("2026-03-02 14:01"))
        #expect(engine.evaluate(late, at: time("2026-03-02 16:00")).breachedNow == [.firstResponse])
    }

    @Test func lateResolutionIsBreach() throws {
        let (engine, _) = try SLAFixtures.engine()
        var state = engine.publicAgentReply(mondayTicket(engine), at: time("2026-03-02 10:00"))
        state = engine.statusChanged(state, to: "resolved", at: time("2026-03-05 10:00"))
        let evaluation = engine.evaluate(state, at: time("2026-03-06 10:00"))
        #expect(evaluation.breachedNow == [.resolution])
        #expect(evaluation.nextWakeUp == nil)
    }

    @Test func resolvingWithoutReplyMeetsFirstResponse() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.statusChanged(mondayTicket(engine), to: "resolved", at: time("2026-03-02 11:00"))
        let evaluation = engine.evaluate(state, at: time("2026-03-20 11:00"))
        #expect(evaluation.breachedNow.isEmpty)
        #expect(evaluation.nextWakeUp == nil)
    }

    @Test func zeroWarningMinutesDisablesWarnings() throws {
        let sla = SLAFixtures.slaJSON.replacingOccurrences(
            of: #""warningMinutesBeforeDue": 60"#, with: #""warningMinutesBeforeDue": 0"#)
        let (engine, _) = try SLAFixtures.engine(sla: sla)
        let evaluation = engine.evaluate(mondayTicket(engine), at: time("2026-03-02 13:59"))
        #expect(evaluation.warnings.isEmpty)
        #expect(evaluation.nextWakeUp == time("2026-03-02 14:00").addingTimeInterval(1))
    }

    @Test func countdownShowsBusinessTimeLeft() throws {
        let (engine, _) = try SLAFixtures.engine()
        let countdown = engine.countdown(mondayTicket(engine), at: time("2026-03-02 10:00"))
        #expect(countdown.target == .firstResponse)
        #expect(countdown.dueAt == time("2026-03-02 14:00"))
        #expect(countdown.remainingSeconds == 3 * 3600)
        #expect(countdown.isBusinessTime)
        #expect(countdown.isBreachingSoon)
        #expect(!countdown.isOverdue)
        #expect(!countdown.isBreached)
        #expect(!countdown.isPaused)
    }

    @Test func countdownFarFromDueIsNotBreachingSoon() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.created(
            ticketType: "problem", priority: .low, organizationId: nil, at: time("2026-03-02 09:00"))
        let countdown = engine.countdown(state, at: time("2026-03-02 09:00"))
        #expect(countdown.remainingSeconds == 480 * 60)
        #expect(!countdown.isBreachingSoon)
    }

    @Test func countdownFreezesWhilePaused() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.statusChanged(mondayTicket(engine), to: "awaiting_customer", at: time("2026-03-02 10:00"))
        let countdown = engine.countdown(state, at: time("2026-03-02 16:30"))
        #expect(countdown.isPaused)
        #expect(countdown.remainingSeconds == 3 * 3600)
        #expect(!countdown.isBreachingSoon)
        #expect(!countdown.isOverdue)
    }

    @Test func countdownMovesToResolutionAfterReply() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.publicAgentReply(mondayTicket(engine), at: time("2026-03-02 10:00"))
        let countdown = engine.countdown(state, at: time("2026-03-05 09:30"))
        #expect(countdown.target == .resolution)
        #expect(countdown.isOverdue)
        #expect(countdown.isBreached)
        #expect(countdown.remainingSeconds == -30 * 60)
    }

    @Test func countdownAfterBothTargetsMet() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.statusChanged(mondayTicket(engine), to: "closed", at: time("2026-03-02 10:00"))
        let countdown = engine.countdown(state, at: time("2026-03-02 11:00"))
        #expect(countdown.target == nil)
        #expect(countdown.remainingSeconds == nil)
        #expect(!countdown.isBreached)
    }

    @Test func calendarPolicyCountsEverySecond() throws {
        let (engine, _) = try SLAFixtures.engine()
        let state = engine.created(
            ticketType: "incident", priority: .urgent, organizationId: nil, at: time("2026-03-07 22:00"))
        let countdown = engine.countdown(state, at: time("2026-03-07 22:05"))
        #expect(!countdown.isBusinessTime)
        #expect(countdown.remainingSeconds == 10 * 60)
    }
}
