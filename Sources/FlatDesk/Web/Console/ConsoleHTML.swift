import Foundation

/// Small HTML pieces shared by the console pages.
enum ConsoleHTML {
    /// One choice of a select: the submitted value and the text shown.
    struct Choice: Sendable, Equatable {
        var value: String
        var label: String
    }

    /// Renders `<option>` elements with `selected` on the choice whose value is `selected`.
    static func options(_ choices: [Choice], selected: String?) -> HTML {
        HTML.join(
            choices.map { choice in
                let mark: HTML = choice.value == selected ? " selected" : .empty
                return "<option value=\"\(choice.value)\"\(mark)>\(choice.label)</option>"
            })
    }

    /// Renders a time as `2026-12-04 16:34 UTC` inside a `<time>` element carrying the ISO 8601 form.
    static func time(_ date: Date) -> HTML {
        let iso = Timestamp.format(date)
        var label = iso.utf8.prefix(16).map { $0 == UInt8(ascii: "T") ? UInt8(ascii: " ") : $0 }
        label += " UTC".utf8
        return HTML(trusted: "<time datetime=\"\(iso)\">\(String(decoding: label, as: UTF8.self))</time>")
    }

    /// Renders `time(date)`, or a dash when there is no date.
    static func time(_ date: Date?) -> HTML {
        date.map { time($0) } ?? "—"
    }

    /// Returns the name of the person with `email` from the settings, or the email itself.
    static func personName(_ email: String?, settings: HelpdeskSettings) -> String {
        guard let email, !email.isEmpty else { return "" }
        return settings.person(email)?.name ?? email
    }

    /// Renders a person's name with the email as a tooltip, or `empty` when there is no email.
    static func person(_ email: String?, settings: HelpdeskSettings, empty: String = "—") -> HTML {
        guard let email, !email.isEmpty else { return "<span class=\"none\">\(empty)</span>" }
        return "<span class=\"person\" title=\"\(email)\">\(personName(email, settings: settings))</span>"
    }

    /// Renders the SLA status as a span whose class and `data-sla` carry its state.
    static func sla(_ status: ConsoleSLAStatus) -> HTML {
        "<span class=\"sla sla-\(status.state.rawValue)\" data-sla=\"\(status.state.rawValue)\">\(status.text)</span>"
    }

    /// Renders the notice box, with `role="alert"` so that screen readers announce it. Without a message it is hidden.
    static func flash(_ message: String?) -> HTML {
        guard let message else { return "<div id=\"flash\" class=\"flash\" role=\"alert\" hidden></div>" }
        return "<div id=\"flash\" class=\"flash notice error\" role=\"alert\">\(message)</div>"
    }

    /// Returns the readable form of an enum value such as `service_request`.
    static func words(_ value: String) -> String {
        if let known = knownWords[value] { return known }
        let spaced = value.replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    /// The readable forms of the enum values pages show on every row, worked out once.
    private static let knownWords: [String: String] = {
        let values =
            Priority.allCases.map(\.rawValue) + TicketType.allCases.map(\.rawValue)
            + LinkKind.allCases.map(\.rawValue) + ["assignee", "category", "team", "status", "priority"]
        var table: [String: String] = [:]
        for value in values {
            let spaced = value.replacingOccurrences(of: "_", with: " ")
            table[value] = spaced.prefix(1).uppercased() + spaced.dropFirst()
        }
        return table
    }()

    static func priorityChoices() -> [Choice] {
        Priority.allCases.map { Choice(value: $0.rawValue, label: words($0.rawValue)) }
    }

    static func typeChoices() -> [Choice] {
        TicketType.allCases.map { Choice(value: $0.rawValue, label: words($0.rawValue)) }
    }
}

extension WebApp {
    /// Renders a console page: the shared layout with the keyboard help overlay after the body.
    func consolePage(_ title: String, _ request: HTTPRequest, _ body: HTML, status: Int = 200) -> HTTPResponse {
        page(title, request, "\(body)\(ConsoleHelpOverlay.html)", status: status)
    }

    /// Returns whether the client accepts JSON, as the console's script requests.
    func wantsJSON(_ request: HTTPRequest) -> Bool {
        request.header("Accept")?.contains("application/json") == true
    }

    /// Returns a JSON response with the given status.
    func consoleJSON(_ value: JSONValue, status: Int = 200) -> HTTPResponse {
        var response = HTTPResponse(status: status, body: Array(TicketJSON.encode(value).utf8))
        response.headers.set("Content-Type", "application/json; charset=utf-8")
        response.headers.set("Cache-Control", "no-store")
        return response
    }
}
