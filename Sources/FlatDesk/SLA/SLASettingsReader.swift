import Foundation

/// Reads `settings/sla.json` and `settings/statuses.json`, collecting every problem instead of stopping at
/// the first one.
struct SLASettingsReader {
    /// Entries of one section: the ids declared in the file, and the entries among them that are valid.
    struct Declared<Value> {
        var valid: [String: Value] = [:]
        var declaredIDs: Set<String> = []
    }

    private(set) var problems: [SLASettingsProblem] = []

    /// Adds a problem found in `file`.
    mutating func report(_ file: String, _ message: String) {
        problems.append(SLASettingsProblem(file: file, message: message))
    }

    /// Reads both files and returns the settings, or nil when any problem was found.
    mutating func read(slaJSON: Data, statusesJSON: Data?) -> SLASettings? {
        let sections = parseObject(slaJSON, file: SLASettings.slaFile).map { readSections($0) }
        let statuses = statusesJSON.flatMap { readStatuses($0) } ?? SLAStatusCatalog()
        guard problems.isEmpty, let sections, let defaultPolicy = sections.defaultPolicy else { return nil }
        return SLASettings(
            calendars: sections.calendars.valid,
            resolver: SLAPolicyResolver(
                policies: sections.policies.valid, overrides: sections.overrides, defaultPolicy: defaultPolicy),
            statuses: statuses,
            warningMinutesBeforeDue: sections.warningMinutes,
            breachingSoonMinutes: sections.breachingSoonMinutes)
    }

    private struct Sections {
        var calendars: Declared<BusinessCalendar>
        var policies: Declared<SLAPolicy>
        var defaultPolicy: SLAPolicy?
        var overrides: [SLAOverride]
        var warningMinutes: Int
        var breachingSoonMinutes: Int
    }

    private mutating func readSections(_ root: [String: SLAJSONValue]) -> Sections {
        checkFormatVersion(root, file: SLASettings.slaFile)
        let keys = [
            "formatVersion", "calendars", "policies", "defaultPolicy", "overrides", "warningMinutesBeforeDue",
            "breachingSoonMinutes",
        ]
        reportUnknownKeys(root, allowed: keys, path: "", file: SLASettings.slaFile)
        let calendars = readCalendars(root["calendars"])
        let policies = readPolicies(root["policies"], calendars: calendars)
        return Sections(
            calendars: calendars,
            policies: policies,
            defaultPolicy: readDefaultPolicy(root["defaultPolicy"], policies: policies),
            overrides: readOverrides(root["overrides"], policyIDs: policies.declaredIDs),
            warningMinutes: readMinutes(
                root["warningMinutesBeforeDue"], key: "warningMinutesBeforeDue",
                default: SLASettings.defaultWarningMinutesBeforeDue),
            breachingSoonMinutes: readMinutes(
                root["breachingSoonMinutes"], key: "breachingSoonMinutes",
                default: SLASettings.defaultBreachingSoonMinutes))
    }

    /// Parses `data` as a JSON object, reporting invalid JSON or another top-level type.
    mutating func parseObject(_ data: Data, file: String) -> [String: SLAJSONValue]? {
        let value: SLAJSONValue
        do {
            value = try JSONDecoder().decode(SLAJSONValue.self, from: data)
        } catch {
            report(file, "invalid JSON (\(Self.syntaxErrorDetail(in: data))); fix the syntax")
            return nil
        }
        guard let object = value.objectValue else {
            report(file, "the file contains \(value.quoted), expected a JSON object")
            return nil
        }
        return object
    }

    /// Reports every key of `object` that is not in `allowed`, such as a misspelt `holiday`.
    ///
    /// - Parameters:
    ///   - path: The object's path for the message, or an empty string for the top level.
    mutating func reportUnknownKeys(_ object: [String: SLAJSONValue], allowed: [String], path: String, file: String) {
        let prefix = path.isEmpty ? "" : "\(path): "
        for key in object.keys.sorted() where !allowed.contains(key) {
            report(file, "\(prefix)unknown field \"\(key)\"; use \(allowed.joined(separator: ", "))")
        }
    }

    /// Reports a `formatVersion` other than 1; a missing version is read as 1.
    mutating func checkFormatVersion(_ root: [String: SLAJSONValue], file: String) {
        guard let value = root["formatVersion"], value.integerValue != 1 else { return }
        if let version = value.integerValue, version > 1 {
            report(file, "formatVersion \(version) is newer than this FlatDesk supports (1); upgrade FlatDesk")
        } else {
            report(file, "formatVersion: invalid value \(value.quoted); use 1")
        }
    }

    private mutating func readDefaultPolicy(_ value: SLAJSONValue?, policies: Declared<SLAPolicy>) -> SLAPolicy? {
        guard let value else {
            report(SLASettings.slaFile, "defaultPolicy is missing; set it to the id of a policy")
            return nil
        }
        guard let id = value.stringValue else {
            report(SLASettings.slaFile, "defaultPolicy: invalid value \(value.quoted); use the id of a policy")
            return nil
        }
        if !policies.declaredIDs.contains(id) {
            report(
                SLASettings.slaFile,
                "defaultPolicy: unknown policy \"\(id)\"; use one of: \(Self.list(policies.declaredIDs))")
        }
        return policies.valid[id]
    }

    /// Reads an optional non-negative number of minutes.
    private mutating func readMinutes(_ value: SLAJSONValue?, key: String, default defaultValue: Int) -> Int {
        guard let value else { return defaultValue }
        guard let minutes = value.integerValue, minutes >= 0 else {
            report(
                SLASettings.slaFile, "\(key): invalid value \(value.quoted); use a whole number of minutes, 0 or more")
            return defaultValue
        }
        return minutes
    }

    /// Formats a list of ids for a message, such as `critical, standard`.
    static func list(_ ids: some Collection<String>) -> String {
        ids.isEmpty ? "(none defined)" : ids.sorted().joined(separator: ", ")
    }

    /// Returns where `data` stops being valid JSON, as reported by `JSONSerialization`, with its offset turned
    /// into a line and a byte column. `JSONSerialization` is used because `JSONDecoder` reports no position.
    private static func syntaxErrorDetail(in data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "rejected by JSONDecoder"
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            guard let offset = characterOffset(in: detail) else { return detail }
            let before = [UInt8](data.prefix(offset))
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let column = before.count - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
            let sentence = detail.hasSuffix(".") ? String(detail.dropLast()) : detail
            return "\(sentence) at line \(line), column \(column)"
        }
    }

    /// Extracts N from a `JSONSerialization` message such as "Invalid value around character N.".
    private static func characterOffset(in message: String) -> Int? {
        guard let range = message.range(of: "character ") else { return nil }
        return Int(message[range.upperBound...].prefix { $0.isNumber })
    }
}
