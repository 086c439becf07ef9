import Foundation

extension SLASettingsReader {
    private static let file = SLASettings.slaFile
    /// Ticket types of the file format; an override naming another type could never match.
    static let ticketTypes = ["incident", "service_request", "problem", "change"]
    private static let priorityList = "low, medium, high or urgent"

    /// Reads the `policies` array.
    mutating func readPolicies(_ value: SLAJSONValue?, calendars: Declared<BusinessCalendar>) -> Declared<SLAPolicy> {
        var result = Declared<SLAPolicy>()
        guard let value else {
            report(Self.file, "policies is missing; add at least one policy")
            return result
        }
        guard let items = value.arrayValue else {
            report(Self.file, "policies: invalid value \(value.quoted); expected a list of policies")
            return result
        }
        for (index, item) in items.enumerated() {
            guard let id = readPolicyID(item, index: index, declared: result.declaredIDs) else { continue }
            result.declaredIDs.insert(id)
            result.valid[id] = readPolicy(item, id: id, path: "policies[\(index)] \"\(id)\"", calendars: calendars)
        }
        return result
    }

    private mutating func readPolicyID(_ value: SLAJSONValue, index: Int, declared: Set<String>) -> String? {
        guard let object = value.objectValue else {
            report(
                Self.file,
                "policies[\(index)]: invalid value \(value.quoted); expected an object with id, clock and targets")
            return nil
        }
        guard let id = object["id"]?.stringValue, !id.isEmpty else {
            report(Self.file, "policies[\(index)].id is missing or not a string; give the policy an id")
            return nil
        }
        if declared.contains(id) {
            report(Self.file, "policies[\(index)]: duplicate policy id \"\(id)\"; give each policy its own id")
            return nil
        }
        return id
    }

    private mutating func readPolicy(
        _ value: SLAJSONValue, id: String, path: String, calendars: Declared<BusinessCalendar>
    ) -> SLAPolicy? {
        let object = value.objectValue ?? [:]
        let problemCount = problems.count
        reportUnknownKeys(object, allowed: ["id", "clock", "calendar", "targets"], path: path, file: Self.file)
        let clock = readClock(object, path: path, calendars: calendars)
        let targets = readTargets(object["targets"], path: "\(path).targets")
        guard problems.count == problemCount, let clock else { return nil }
        return SLAPolicy(id: id, clock: clock, targets: targets)
    }

    private mutating func readClock(
        _ object: [String: SLAJSONValue], path: String, calendars: Declared<BusinessCalendar>
    ) -> SLAPolicy.Clock? {
        switch object["clock"]?.stringValue {
        case "calendar":
            return .calendarTime
        case "business":
            return readPolicyCalendar(object["calendar"], path: path, calendars: calendars).map { .businessHours($0) }
        default:
            report(
                Self.file, "\(path).clock: \(SLAJSONValue.invalid(object["clock"])); use \"business\" or \"calendar\"")
            return nil
        }
    }

    private mutating func readPolicyCalendar(
        _ value: SLAJSONValue?, path: String, calendars: Declared<BusinessCalendar>
    ) -> BusinessCalendar? {
        guard let id = value?.stringValue else {
            report(
                Self.file,
                "\(path).calendar: \(SLAJSONValue.invalid(value)); a business clock needs the id of a calendar")
            return nil
        }
        if !calendars.declaredIDs.contains(id) {
            report(
                Self.file,
                "\(path).calendar: unknown calendar \"\(id)\"; define it under calendars or use one of: "
                    + Self.list(calendars.declaredIDs))
        }
        return calendars.valid[id]
    }

    private mutating func readTargets(_ value: SLAJSONValue?, path: String) -> [SLAPriority: SLAPolicy.Targets] {
        guard let object = value?.objectValue else {
            report(Self.file, "\(path): \(SLAJSONValue.invalid(value)); expected targets for \(Self.priorityList)")
            return [:]
        }
        var targets: [SLAPriority: SLAPolicy.Targets] = [:]
        for key in object.keys.sorted() where SLAPriority(rawValue: key) == nil {
            report(Self.file, "\(path): unknown priority \"\(key)\"; use \(Self.priorityList)")
        }
        for priority in SLAPriority.allCases {
            guard let entry = object[priority.rawValue] else {
                report(Self.file, "\(path): missing priority \"\(priority.rawValue)\"; add its targets")
                continue
            }
            targets[priority] = readTargetPair(entry, path: "\(path).\(priority.rawValue)")
        }
        return targets
    }

    private mutating func readTargetPair(_ value: SLAJSONValue, path: String) -> SLAPolicy.Targets? {
        guard let object = value.objectValue else {
            report(
                Self.file, "\(path): invalid value \(value.quoted); expected firstResponseMinutes and resolutionMinutes"
            )
            return nil
        }
        reportUnknownKeys(
            object, allowed: ["firstResponseMinutes", "resolutionMinutes"], path: path, file: Self.file)
        let firstResponse = readTargetMinutes(object["firstResponseMinutes"], path: "\(path).firstResponseMinutes")
        let resolution = readTargetMinutes(object["resolutionMinutes"], path: "\(path).resolutionMinutes")
        guard let firstResponse, let resolution else { return nil }
        return SLAPolicy.Targets(firstResponseMinutes: firstResponse, resolutionMinutes: resolution)
    }

    private mutating func readTargetMinutes(_ value: SLAJSONValue?, path: String) -> Int? {
        guard let value else {
            report(Self.file, "\(path) is missing; set a positive number of minutes")
            return nil
        }
        guard let minutes = value.integerValue, minutes > 0 else {
            report(Self.file, "\(path): invalid target \(value.quoted); use a positive whole number of minutes")
            return nil
        }
        return minutes
    }
}
