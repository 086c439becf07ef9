/// The background work of a running server: following the branch and the SLA timers.
public final class BackgroundServices: Sendable {
    public let follower: BranchFollower
    public let scheduler: SLAScheduler

    public init(helpdesk: Helpdesk) {
        follower = BranchFollower(helpdesk: helpdesk)
        scheduler = SLAScheduler(helpdesk: helpdesk)
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
