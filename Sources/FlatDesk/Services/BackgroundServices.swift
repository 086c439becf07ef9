/// The background work of a running server: following the branch, the SLA timers and automation rules.
public final class BackgroundServices: Sendable {
    public let follower: BranchFollower
    public let scheduler: SLAScheduler
    public let automation: AutomationEngine

    public init(helpdesk: Helpdesk) {
        follower = BranchFollower(helpdesk: helpdesk)
        scheduler = SLAScheduler(helpdesk: helpdesk)
        automation = AutomationEngine(helpdesk: helpdesk)
    }

    public func start() {
        follower.start()
        scheduler.start()
    }

    /// Stops every service, waiting for work in progress.
    public func stop() {
        follower.stop()
        scheduler.stop()
    }
}
