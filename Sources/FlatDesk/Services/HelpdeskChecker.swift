import Foundation

/// Validates every file of a helpdesk, the way `flatdesk check` and the server's start-up do.
public enum HelpdeskChecker {
    /// Returns the problems of every ticket, article and settings file at the branch head, in path order.
    public static func check(_ store: GitStore) throws -> [FileProblem] {
        try store.read { snapshot in
            let (settings, settingsProblems) = try HelpdeskSettings.load(read: snapshot.read)
            var problems = settingsProblems
            let statuses = Set(settings.allStatuses)
            for file in try snapshot.files(under: "tickets") where TicketIndex.isTicketPath(file.path) {
                problems += checkTicket(try snapshot.read(file.path) ?? [], path: file.path, settings: settings, statuses: statuses)
            }
            for file in try snapshot.files(under: "kb") where file.path.hasSuffix(".md") {
                let bytes = try snapshot.read(file.path) ?? []
                do {
                    _ = try KBCodec.decode(bytes, path: file.path)
                } catch let error as FileFormatError {
                    problems += error.problems
                }
            }
            return problems.sorted { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
        }
    }

    private static func checkTicket(_ bytes: [UInt8], path: String, settings: HelpdeskSettings, statuses: Set<String>)
        -> [FileProblem]
    {
        do {
            let ticket = try TicketCodec.decode(bytes, path: path, statuses: statuses)
            return references(ticket, path: path, settings: settings)
        } catch {
            return error.problems
        }
    }

    /// Warnings for values that name something the settings do not define.
    private static func references(_ ticket: Ticket, path: String, settings: HelpdeskSettings) -> [FileProblem] {
        var problems: [FileProblem] = []
        func warn(_ message: String) { problems.append(FileProblem(path: path, line: nil, severity: .warning, message: message)) }
        if let category = ticket.category, !settings.categories.isEmpty, !settings.categories.contains(category) {
            warn("unknown category '\(category)' (expected one of settings/categories.json)")
        }
        if let team = ticket.team, !settings.teams.isEmpty, settings.team(team) == nil {
            warn("unknown team '\(team)' (expected one of settings/teams.json)")
        }
        if Ticket.path(for: ticket.id) != path {
            warn("ticket \(ticket.id) is stored at \(path); FlatDesk expects \(Ticket.path(for: ticket.id))")
        }
        return problems
    }
}
