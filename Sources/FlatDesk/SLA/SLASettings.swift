import Foundation

/// The SLA configuration of a helpdesk: calendars, policies, overrides, thresholds and on-hold statuses.
public struct SLASettings: Sendable {
    /// Path of the SLA settings file relative to the helpdesk root.
    public static let slaFile = "settings/sla.json"
    /// Path of the custom statuses file relative to the helpdesk root.
    public static let statusesFile = "settings/statuses.json"
    /// Warning lead time used when `warningMinutesBeforeDue` is absent.
    public static let defaultWarningMinutesBeforeDue = 60
    /// Threshold used when `breachingSoonMinutes` is absent.
    public static let defaultBreachingSoonMinutes = 240

    /// Valid calendars by id.
    public let calendars: [String: BusinessCalendar]
    /// Picks the policy for a ticket.
    public let resolver: SLAPolicyResolver
    /// Built-in and custom statuses, with the on-hold ones that pause SLA clocks.
    public let statuses: SLAStatusCatalog
    /// How long before a due time a warning is raised, in minutes of the policy's clock; 0 disables warnings.
    public let warningMinutesBeforeDue: Int
    /// Remaining minutes (of the policy's clock) at or below which a ticket counts as breaching soon.
    public let breachingSoonMinutes: Int

    init(
        calendars: [String: BusinessCalendar], resolver: SLAPolicyResolver, statuses: SLAStatusCatalog,
        warningMinutesBeforeDue: Int, breachingSoonMinutes: Int
    ) {
        self.calendars = calendars
        self.resolver = resolver
        self.statuses = statuses
        self.warningMinutesBeforeDue = warningMinutesBeforeDue
        self.breachingSoonMinutes = breachingSoonMinutes
    }

    /// Loads the settings from the contents of both files.
    ///
    /// - Parameters:
    ///   - slaJSON: Contents of `settings/sla.json`.
    ///   - statusesJSON: Contents of `settings/statuses.json`, or nil when the file does not exist.
    /// - Throws: `SLAError.invalidSettings` listing every problem found, so a server can refuse to start.
    public static func load(slaJSON: Data, statusesJSON: Data?) throws(SLAError) -> SLASettings {
        var reader = SLASettingsReader()
        guard let settings = reader.read(slaJSON: slaJSON, statusesJSON: statusesJSON), reader.problems.isEmpty else {
            throw .invalidSettings(reader.problems)
        }
        return settings
    }

    /// Returns every problem in both files, in file order, or an empty list when they are valid.
    ///
    /// - Parameters:
    ///   - slaJSON: Contents of `settings/sla.json`.
    ///   - statusesJSON: Contents of `settings/statuses.json`, or nil when the file does not exist.
    public static func problems(slaJSON: Data, statusesJSON: Data?) -> [SLASettingsProblem] {
        var reader = SLASettingsReader()
        _ = reader.read(slaJSON: slaJSON, statusesJSON: statusesJSON)
        return reader.problems
    }
}
