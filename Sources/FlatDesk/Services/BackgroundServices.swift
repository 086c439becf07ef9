/// The background work of a running server: following the branch, the SLA timers, automation rules and
/// the release of tickets waiting in intake statuses.
public final class BackgroundServices: Sendable {
    public let follower: BranchFollower
    public let scheduler: SLAScheduler
    public let automation: AutomationEngine
    public let intakeRelease: IntakeRelease

    public init(helpdesk: Helpdesk) {
        follower = BranchFollower(helpdesk: helpdesk)
        scheduler = SLAScheduler(helpdesk: helpdesk)
        automation = AutomationEngine(helpdesk: helpdesk)
        intakeRelease = IntakeRelease(helpdesk: helpdesk)
    }

    public func start() {
        intakeRelease.releaseWaiting()
        follower.start()
        scheduler.start()
    }

    /// Stops every service, waiting for work in progress.
    public func stop() {
        follower.stop()
        scheduler.stop()
    }
}
