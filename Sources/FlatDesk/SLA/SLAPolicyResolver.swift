/// Picks the SLA policy for a ticket from the overrides and the default policy.
public struct SLAPolicyResolver: Sendable {
    /// Policies by id.
    public let policies: [String: SLAPolicy]
    /// Overrides in file order.
    public let overrides: [SLAOverride]
    /// The policy applied when no override matches.
    public let defaultPolicy: SLAPolicy

    /// Creates a resolver; every override's `policyID` should name a policy in `policies`.
    public init(policies: [String: SLAPolicy], overrides: [SLAOverride], defaultPolicy: SLAPolicy) {
        self.policies = policies
        self.overrides = overrides
        self.defaultPolicy = defaultPolicy
    }

    /// Returns the policy of the most specific matching override, the earlier one on a tie, else the default.
    ///
    /// An override whose policy id is unknown is skipped; loading settings rejects such overrides anyway.
    public func policy(ticketType: String?, priority: SLAPriority, organizationId: String?) -> SLAPolicy {
        var best: (override: SLAOverride, policy: SLAPolicy)?
        for override in overrides
        where override.matches(ticketType: ticketType, priority: priority, organizationId: organizationId) {
            guard let policy = policies[override.policyID] else { continue }
            if let current = best, current.override.specificity >= override.specificity { continue }
            best = (override, policy)
        }
        return best?.policy ?? defaultPolicy
    }
}
