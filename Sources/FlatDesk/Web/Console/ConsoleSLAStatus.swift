import Foundation

/// The SLA countdown as the console shows it: a short text and a state for styling.
struct ConsoleSLAStatus: Sendable, Equatable {
    enum State: String, Sendable {
        case none
        case ok
        case soon
        case overdue
        case paused
        case breached
    }

    var state: State
    /// Text such as `due in 2h 10m`, `overdue 35m`, `paused`, `breached` or `—`.
    var text: String

    /// Creates the status of `countdown`, or `—` when the helpdesk has no SLA settings.
    init(_ countdown: SLACountdown?) {
        guard let countdown else {
            self.init(state: .none, text: "—")
            return
        }
        if countdown.isPaused {
            self.init(state: .paused, text: "paused")
        } else if let remaining = countdown.remainingSeconds, countdown.target != nil {
            self.init(pending: remaining, countdown: countdown)
        } else if countdown.isBreached {
            self.init(state: .breached, text: "breached")
        } else {
            self.init(state: .none, text: "—")
        }
    }

    init(state: State, text: String) {
        self.state = state
        self.text = text
    }

    private init(pending remaining: Int, countdown: SLACountdown) {
        let business = countdown.isBusinessTime
        if countdown.isOverdue {
            self.init(state: .overdue, text: "overdue " + Self.duration(-remaining, businessTime: business))
            return
        }
        let due = "due in " + Self.duration(remaining, businessTime: business)
        if countdown.isBreached {
            self.init(state: .breached, text: "breached, " + due)
        } else {
            self.init(state: countdown.isBreachingSoon ? .soon : .ok, text: due)
        }
    }

    /// Formats a duration in whole minutes rounded up: `35m`, `2h 10m`, `3d 4h`. Business time is counted
    /// in hours with a `bh` suffix (`33h 10m bh`), because a business day is not 24 hours.
    static func duration(_ seconds: Int, businessTime: Bool = false) -> String {
        let minutes = (max(0, seconds) + 59) / 60
        if minutes < 60 { return businessTime ? "\(minutes)m bh" : "\(minutes)m" }
        let hours = minutes / 60
        if businessTime { return minutes % 60 == 0 ? "\(hours)h bh" : "\(hours)h \(minutes % 60)m bh" }
        if hours < 24 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h \(minutes % 60)m" }
        return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d \(hours % 24)h"
    }
}

extension SLACountdown {
    /// The countdown as the console words it, such as `due in 2h 10m` or `overdue 35m`; the CLI shows the same.
    public var consoleText: String { ConsoleSLAStatus(self).text }
}

extension WebApp {
    /// Returns the SLA status of `ticket` at the helpdesk's current time.
    func consoleSLAStatus(_ ticket: Ticket) -> ConsoleSLAStatus {
        ConsoleSLAStatus(helpdesk.slaEngine?.countdown(ticket.slaState, at: helpdesk.now()))
    }
}
