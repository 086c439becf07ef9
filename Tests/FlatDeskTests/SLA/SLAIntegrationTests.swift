import Foundation
import Synchronization
import Testing

@testable import FlatDesk

/// The SLA engine wired into ticket changes, the breach scheduler and restarts, on the sample helpdesk
/// (business hours 08:00–12:00 and 13:00–17:00 Europe/Berlin, 16:00 on Fridays; high = 60/480 minutes).
@Suite struct SLAIntegrationTests {
    /// Monday 2026-12-07 09:00 Europe/Berlin (08:00 UTC).
    static let mondayMorning = Date(timeIntervalSince1970: 1_796_630_400)

    func open(_ path: String, _ clock: ManualSLAClock) throws -> Helpdesk {
        try Helpdesk(path: path, clock: { clock.now() })
    }

    func newHighTicket(_ helpdesk: Helpdesk) throws -> Ticket {
        var draft = NewTicket(subject: "Switch down", text: "Floor 2 is offline.", requester: "tom.baker@northwind.example")
        draft.priority = .high
        return try helpdesk.createTicket(draft, actor: TestSupport.agent)
    }

    @Test func creationSetsBusinessHourTargets() throws {
        let clock = ManualSLAClock(Self.mondayMorning)
        let helpdesk = try open(try TestSupport.sampleHelpdesk(bare: true), clock)
        let ticket = try newHighTicket(helpdesk)
        #expect(ticket.firstResponseDueAt == Self.mondayMorning.addingTimeInterval(3600))
        // 180 minutes before lunch, 240 after, and the last 60 on Tuesday from 08:00.
        #expect(ticket.resolutionDueAt == Self.mondayMorning.addingTimeInterval(24 * 3600))
    }

    @Test func onHoldPausesAndResumeMovesDueTimes() throws {
        let clock = ManualSLAClock(Self.mondayMorning)
        let helpdesk = try open(try TestSupport.sampleHelpdesk(bare: true), clock)
        let ticket = try newHighTicket(helpdesk)
        clock.advance(by: 600)
        try helpdesk.update(ticket.id, edits: [.status("awaiting_customer")], actor: TestSupport.agent)
        #expect(try helpdesk.ticket(ticket.id).ticket.slaPausedAt == Self.mondayMorning.addingTimeInterval(600))
        clock.advance(by: 1800)
        try helpdesk.update(ticket.id, edits: [.status("awaiting_vendor")], actor: TestSupport.agent)
        clock.advance(by: 1800)
        let (resumed, _) = try helpdesk.update(ticket.id, edits: [.status("in_progress")], actor: TestSupport.agent)
        #expect(resumed.slaPausedAt == nil)
        #expect(resumed.slaPausedMinutes == 60)
        #expect(resumed.firstResponseDueAt == ticket.firstResponseDueAt?.addingTimeInterval(3600))
        #expect(resumed.resolutionDueAt == ticket.resolutionDueAt?.addingTimeInterval(3600))
    }

    @Test func requesterReplyResumesAWaitingTicket() throws {
        let clock = ManualSLAClock(Self.mondayMorning)
        let helpdesk = try open(try TestSupport.sampleHelpdesk(bare: true), clock)
        let ticket = try newHighTicket(helpdesk)
        try helpdesk.update(ticket.id, edits: [.status("awaiting_customer")], actor: TestSupport.agent)
        clock.advance(by: 1200)
        let requester = Actor(email: "tom.baker@northwind.example", name: "Tom Baker", role: .customer)
        let (reopened, _) = try helpdesk.addEntry(ticket.id, kind: .reply, text: "Still broken.", actor: requester)
        #expect(reopened.status == "open")
        #expect(reopened.slaPausedMinutes == 20)
        #expect(reopened.firstRespondedAt == nil)
    }

    @Test func firstPublicAgentReplyCountsNotNotes() throws {
        let clock = ManualSLAClock(Self.mondayMorning)
        let helpdesk = try open(try TestSupport.sampleHelpdesk(bare: true), clock)
        let ticket = try newHighTicket(helpdesk)
        clock.advance(by: 300)
        try helpdesk.addEntry(ticket.id, kind: .note, text: "Looking.", actor: TestSupport.agent)
        let bot = Actor.system(helpdesk.settings.profile)
        try helpdesk.addEntry(ticket.id, kind: .reply, text: "We received your request.", actor: bot)
        #expect(try helpdesk.ticket(ticket.id).ticket.firstRespondedAt == nil)
        clock.advance(by: 300)
        let (answered, _) = try helpdesk.addEntry(ticket.id, kind: .reply, text: "On it.", actor: TestSupport.agent)
        #expect(answered.firstRespondedAt == Self.mondayMorning.addingTimeInterval(600))
    }

    @Test func priorityChangeRecomputesFromCreation() throws {
        let clock = ManualSLAClock(Self.mondayMorning)
        let helpdesk = try open(try TestSupport.sampleHelpdesk(bare: true), clock)
        let ticket = try newHighTicket(helpdesk)
        clock.advance(by: 1800)
        let (changed, _) = try helpdesk.update(ticket.id, edits: [.priority(.low)], actor: TestSupport.agent)
        #expect(changed.firstResponseDueAt == Self.mondayMorning.addingTimeInterval(24 * 3600))
        #expect(changed.firstResponseDueAt != ticket.firstResponseDueAt)
    }

    @Test func breachWhileDownIsRecordedOnceAfterRestart() throws {
        let path = try TestSupport.sampleHelpdesk(bare: true)
        let clock = ManualSLAClock(Self.mondayMorning)
        let ticket = try newHighTicket(try open(path, clock))
        clock.advance(by: 2 * 3600)
        let restarted = try open(path, clock)
        let events = EventLog()
        restarted.observe { event in
            if case .slaBreached(let ticket, let targets) = event { events.add("\(ticket.id) \(targets)") }
        }
        #expect(SLAScheduler(helpdesk: restarted).catchUp() == [ticket.id])
        #expect(events.items == ["\(ticket.id) [FlatDesk.SLATarget.firstResponse]"])
        #expect(try restarted.ticket(ticket.id).ticket.slaBreached)
        let again = try open(path, clock)
        #expect(SLAScheduler(helpdesk: again).catchUp().isEmpty)
        let log = try TestSupport.git(["--git-dir", path, "log", "--format=%s"], in: path)
        #expect(log.split(separator: "\n").filter { $0.hasSuffix("slaBreached false → true") }.count == 1)
    }

    @Test func schedulerWakesAtTheDueTime() throws {
        let clock = ManualSLAClock(Self.mondayMorning)
        let helpdesk = try open(try TestSupport.sampleHelpdesk(bare: true), clock)
        let scheduler = SLAScheduler(helpdesk: helpdesk)
        scheduler.catchUp()
        let ticket = try newHighTicket(helpdesk)
        let warnings = EventLog()
        helpdesk.observe { event in
            if case .slaWarning(let ticket, let target, _) = event { warnings.add("\(ticket.id) \(target)") }
        }
        #expect(scheduler.runDue().isEmpty)
        #expect(warnings.items == ["\(ticket.id) firstResponse"])
        #expect(scheduler.nextWakeUp == ticket.firstResponseDueAt?.addingTimeInterval(1))
        clock.advance(by: 3599)
        #expect(scheduler.runDue().isEmpty)
        clock.advance(by: 2)
        #expect(scheduler.runDue() == [ticket.id])
        #expect(scheduler.runDue().isEmpty)
        #expect(warnings.items.count == 1)
    }
}

/// Events collected from observer callbacks.
final class EventLog: Sendable {
    private let storage = Mutex<[String]>([])

    func add(_ item: String) { storage.withLock { $0.append(item) } }
    var items: [String] { storage.withLock { $0 } }
}
