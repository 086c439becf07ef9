/// The ticket statuses of a helpdesk: the built-in ones plus the custom ones of `settings/statuses.json`.
public struct SLAStatusCatalog: Sendable {
    /// A custom status from `settings/statuses.json`.
    public struct CustomStatus: Sendable, Hashable {
        /// The id written in ticket files, such as `awaiting_customer`.
        public let id: String
        /// The display name.
        public let name: String
        /// Whether SLA clocks pause while a ticket has this status.
        public let onHold: Bool

        /// Creates a custom status.
        public init(id: String, name: String, onHold: Bool) {
            self.id = id
            self.name = name
            self.onHold = onHold
        }
    }

    /// Statuses every helpdesk has; none of them pauses SLA clocks.
    public static let builtInStatusIDs = [
        "new", "processing", "open", "in_progress", "escalated", "resolved", "closed",
    ]
    /// Built-in statuses that mean the work is done, so the resolution target is met.
    public static let resolvedStatusIDs: Set<String> = ["resolved", "closed"]

    /// Custom statuses in file order.
    public let custom: [CustomStatus]
    private let onHoldIDs: Set<String>

    /// Creates a catalog; `SLASettings` rejects custom ids that repeat or clash with a built-in status.
    public init(custom: [CustomStatus] = []) {
        self.custom = custom
        onHoldIDs = Set(custom.filter(\.onHold).map(\.id))
    }

    /// Returns whether SLA clocks pause in `status`; false for unknown ids.
    public func isOnHold(_ status: String) -> Bool { onHoldIDs.contains(status) }

    /// Returns whether `status` is `resolved` or `closed`.
    public func isResolved(_ status: String) -> Bool { Self.resolvedStatusIDs.contains(status) }

    /// Returns whether `status` is built in or custom.
    public func isKnown(_ status: String) -> Bool {
        Self.builtInStatusIDs.contains(status) || custom.contains { $0.id == status }
    }
}
