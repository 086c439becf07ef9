/// The keyboard help overlay that every console page carries, hidden until `?` or the Help link opens it.
///
/// Without JavaScript the overlay opens through the `#help-overlay` fragment (CSS `:target`).
enum ConsoleHelpOverlay {
    /// A keyboard shortcut and what it does.
    struct Shortcut: Sendable {
        var keys: [String]
        var action: String
    }

    static let shortcuts: [Shortcut] = [
        Shortcut(keys: ["?"], action: "Show or hide this help"),
        Shortcut(keys: ["g", "q"], action: "Go to the queues"),
        Shortcut(keys: ["j"], action: "Select the next ticket in a queue"),
        Shortcut(keys: ["k"], action: "Select the previous ticket in a queue"),
        Shortcut(keys: ["o"], action: "Open the selected ticket (Enter works too)"),
        Shortcut(keys: ["/"], action: "Focus the queue filter"),
        Shortcut(keys: ["r"], action: "Write a public reply"),
        Shortcut(keys: ["n"], action: "Write an internal note"),
        Shortcut(keys: ["Ctrl", "Enter"], action: "Send the reply or note being written"),
        Shortcut(keys: ["Esc"], action: "Close this help or leave a text field"),
    ]

    static let features: [String] = [
        "Queues in the sidebar show their ticket counts; sort by a column header, filter by priority, type or text.",
        "On a ticket, the thread runs oldest first. Internal notes have a yellow background and are never shown to "
            + "customers.",
        "Status, priority, type, category, team and assignee save as soon as you pick a value.",
        "Followers, linked records, knowledge suggestions and the change history are beside the thread.",
        "New ticket opens a ticket on behalf of a caller.",
    ]

    /// A link that opens the overlay, through the script or, without it, through the fragment.
    static let link: HTML =
        "<a class=\"help-link\" href=\"#help-overlay\" data-action=\"help\">Keyboard shortcuts (?)</a>"

    static var html: HTML {
        let rows = shortcuts.map { shortcut -> HTML in
            let keys = HTML.join(shortcut.keys.map { "<kbd>\($0)</kbd>" })
            return "<tr><td class=\"keys\">\(keys)</td><td>\(shortcut.action)</td></tr>"
        }
        let items = features.map { feature -> HTML in "<li>\(feature)</li>" }
        return """
            <div id="help-overlay" class="help-overlay" role="dialog" aria-modal="true" \
            aria-labelledby="help-title" hidden>
            <div class="help-panel">
            <h2 id="help-title">Console help</h2>
            <a class="help-close" href="#" data-action="close-help" aria-label="Close help">×</a>
            <h3>Keyboard shortcuts</h3>
            <table class="shortcuts"><tbody>\(rows)</tbody></table>
            <h3>Features</h3>
            <ul class="features">\(items)</ul>
            </div>
            </div>
            """
    }
}
