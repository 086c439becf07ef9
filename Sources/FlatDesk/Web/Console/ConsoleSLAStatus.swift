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
        if countdown.isOverdue {
            self.init(state: .overdue, text: "overdue " + Self.duration(-remaining))
            return
        }
        let due = "due in " + Self.duration(remaining)
        if countdown.isBreached {
            self.init(state: .breached, text: "breached, " + due)
        } else {
            self.init(state: countdown.isBreachingSoon ? .soon : .ok, text: due)
        }
    }

    /// Formats a duration in whole minutes rounded up: `35m`, `2h 10m`, `3d 4h`.
    static func duration(_ seconds: Int) -> String {
        let minutes = (max(0, seconds) + 59) / 60
        if minutes < 60 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 24 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h \(minutes % 60)m" }
        return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d \(hours % 24)h"
    }
}

extension WebApp {
    /// Returns the SLA status of `ticket` at the helpdesk's current time.
    func consoleSLAStatus(_ ticket: Ticket) -> ConsoleSLAStatus {
        ConsoleSLAStatus(helpdesk.slaEngine?.countdown(ticket.slaState, at: helpdesk.now()))
    }
}
