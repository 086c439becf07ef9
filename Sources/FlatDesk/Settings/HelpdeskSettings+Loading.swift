import Foundation

extension HelpdeskSettings {
    /// Reads `settings/*.json` through `read`, which returns a file's bytes or nil when absent.
    /// - Returns: the settings and every problem found; files with problems fall back to defaults.
    public static func load(read: (String) throws -> [UInt8]?) rethrows -> (HelpdeskSettings, [FileProblem]) {
        var settings = HelpdeskSettings()
        var problems: [FileProblem] = []
        func decode<T: Decodable>(_ name: String, _ type: T.Type) throws -> T? {
            let path = "settings/" + name
            guard let bytes = try read(path) else { return nil }
            settings.rawFiles[name] = bytes
            return SettingsFileDecoder.decode(type, bytes: bytes, path: path, problems: &problems)
        }
        if let profile = try decode("helpdesk.json", HelpdeskProfile.self) { settings.profile = profile }
        settings.customStatuses = try decode("statuses.json", StatusesFile.self)?.custom ?? []
        settings.categories = try decode("categories.json", CategoriesFile.self)?.ticketCategories ?? []
        settings.teams = try decode("teams.json", TeamsFile.self)?.teams ?? []
        settings.organizations = try decode("organizations.json", OrganizationsFile.self)?.organizations ?? []
        settings.people = try decode("people.json", PeopleFile.self)?.people ?? []
        for name in ["sla.json", "catalog.json", "automations.json", "csat.json", "ai.json", "webhooks.json", "mail.json"] {
            if let bytes = try read("settings/" + name) { settings.rawFiles[name] = bytes }
        }
        problems += settings.crossReferenceProblems()
        problems += settings.loadSLA()
        if let automations = settings.rawFiles["automations.json"] {
            problems += AutomationRules.parse(automations).problems
        }
        if settings.rawFiles["catalog.json"] != nil {
            problems += ServiceCatalog.load(settings).problems
        }
        return (settings, problems)
    }

    /// Reads `sla.json` with `statuses.json`; returns their problems, leaving `sla` nil when there are any.
    mutating func loadSLA() -> [FileProblem] {
        guard let slaBytes = rawFiles["sla.json"] else { return [] }
        let statuses = rawFiles["statuses.json"].map { Data($0) }
        let problems = SLASettings.problems(slaJSON: Data(slaBytes), statusesJSON: statuses)
        guard problems.isEmpty else {
            return problems.map { FileProblem(path: $0.file, line: nil, message: $0.message) }
        }
        sla = try? SLASettings.load(slaJSON: Data(slaBytes), statusesJSON: statuses)
        return []
    }

    /// Problems between files: unknown team, organization or duplicate ids.
    func crossReferenceProblems() -> [FileProblem] {
        var problems: [FileProblem] = []
        let builtIns = Set(BuiltInStatus.allCases.map(\.rawValue))
        for status in customStatuses where builtIns.contains(status.id) && rawFiles["sla.json"] == nil {
            problems.append(FileProblem(path: "settings/statuses.json", line: nil, message: "custom status '\(status.id)' clashes with a built-in status"))
        }
        let teamIDs = Set(teams.map(\.id))
        let organizationIDs = Set(organizations.map(\.id))
        for person in people {
            if let team = person.team, !teamIDs.contains(team) {
                problems.append(FileProblem(path: "settings/people.json", line: nil, message: "\(person.email): unknown team '\(team)' (expected one of settings/teams.json)"))
            }
            if let organization = person.organizationId, !organizationIDs.contains(organization) {
                problems.append(FileProblem(path: "settings/people.json", line: nil, message: "\(person.email): unknown organization '\(organization)' (expected one of settings/organizations.json)"))
            }
        }
        let emails = people.map { $0.email.lowercased() }
        for email in Set(emails) where emails.filter({ $0 == email }).count > 1 {
            problems.append(FileProblem(path: "settings/people.json", line: nil, message: "person '\(email)' is listed more than once"))
        }
        return problems
    }
}

private struct StatusesFile: Decodable { var custom: [StatusDefinition] }
private struct CategoriesFile: Decodable { var ticketCategories: [String] }
private struct TeamsFile: Decodable { var teams: [Team] }
private struct OrganizationsFile: Decodable { var organizations: [Organization] }
private struct PeopleFile: Decodable { var people: [Person] }

/// Decodes one settings file, turning decoding errors into file problems.
enum SettingsFileDecoder {
    static func decode<T: Decodable>(_ type: T.Type, bytes: [UInt8], path: String, problems: inout [FileProblem]) -> T? {
        var reader = JSONReader(bytes: bytes)
        do {
            let value = try reader.readDocument()
            if let version = value["formatVersion"]?.intValue, version > FrontMatter.formatVersion {
                problems.append(FileProblem(path: path, line: reader.keyLines["formatVersion"], message: "formatVersion \(version) is newer than this FlatDesk reads (\(FrontMatter.formatVersion)); upgrade FlatDesk"))
                return nil
            }
        } catch {
            problems.append(FileProblem(path: path, line: error.line, message: "invalid JSON: \(error.message)"))
            return nil
        }
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            problems.append(FileProblem(path: path, line: nil, message: describe(error)))
        } catch {
            problems.append(FileProblem(path: path, line: nil, message: "\(error)"))
        }
        return nil
    }

    private static func describe(_ error: DecodingError) -> String {
        func location(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = location(context.codingPath)
            return "missing required field '\(key.stringValue)'" + (parent.isEmpty ? "" : " in \(parent)")
        case .typeMismatch(let type, let context):
            return "invalid value at \(location(context.codingPath)) (expected \(type))"
        case .valueNotFound(let type, let context):
            return "missing value at \(location(context.codingPath)) (expected \(type))"
        case .dataCorrupted(let context):
            return "invalid value at \(location(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "invalid settings file"
        }
    }
}
