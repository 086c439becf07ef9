import Foundation

extension SLASettingsReader {
    private static let file = SLASettings.slaFile
    private static let matchKeys: Set<String> = ["ticketType", "organizationId", "priority"]

    /// Reads the optional `overrides` array.
    mutating func readOverrides(_ value: SLAJSONValue?, policyIDs: Set<String>) -> [SLAOverride] {
        guard let value else { return [] }
        guard let items = value.arrayValue else {
            report(Self.file, "overrides: invalid value \(value.quoted); expected a list of overrides")
            return []
        }
        return items.enumerated().compactMap { index, item in
            readOverride(item, path: "overrides[\(index)]", policyIDs: policyIDs)
        }
    }

    private mutating func readOverride(_ value: SLAJSONValue, path: String, policyIDs: Set<String>) -> SLAOverride? {
        guard let object = value.objectValue else {
            report(Self.file, "\(path): invalid value \(value.quoted); expected an object with match fields and policy")
            return nil
        }
        let problemCount = problems.count
        for key in object.keys.sorted() where key != "policy" && !Self.matchKeys.contains(key) {
            report(Self.file, "\(path): unknown field \"\(key)\"; match on ticketType, organizationId or priority")
        }
        if object.keys.allSatisfy({ !Self.matchKeys.contains($0) }) {
            report(Self.file, "\(path) names no ticketType, organizationId or priority; set defaultPolicy instead")
        }
        let ticketType = readTicketType(object["ticketType"], path: path)
        let organizationId = readOrganization(object["organizationId"], path: path)
        let priority = readOverridePriority(object["priority"], path: path)
        let policyID = readOverridePolicy(object["policy"], path: path, policyIDs: policyIDs)
        guard problems.count == problemCount, let policyID else { return nil }
        return SLAOverride(
            ticketType: ticketType, organizationId: organizationId, priority: priority, policyID: policyID)
    }

    private mutating func readTicketType(_ value: SLAJSONValue?, path: String) -> String? {
        guard let value else { return nil }
        guard let type = value.stringValue, Self.ticketTypes.contains(type) else {
            let known = Self.ticketTypes.joined(separator: ", ")
            report(Self.file, "\(path).ticketType: unknown ticket type \(value.quoted); use \(known)")
            return nil
        }
        return type
    }

    private mutating func readOrganization(_ value: SLAJSONValue?, path: String) -> String? {
        guard let value else { return nil }
        guard let id = value.stringValue, !id.isEmpty else {
            report(Self.file, "\(path).organizationId: invalid value \(value.quoted); use an organization id")
            return nil
        }
        return id
    }

    private mutating func readOverridePriority(_ value: SLAJSONValue?, path: String) -> SLAPriority? {
        guard let value else { return nil }
        guard let priority = value.stringValue.flatMap(SLAPriority.init(rawValue:)) else {
            report(Self.file, "\(path).priority: unknown priority \(value.quoted); use low, medium, high or urgent")
            return nil
        }
        return priority
    }

    private mutating func readOverridePolicy(_ value: SLAJSONValue?, path: String, policyIDs: Set<String>) -> String? {
        guard let id = value?.stringValue else {
            report(Self.file, "\(path).policy: \(SLAJSONValue.invalid(value)); use the id of a policy")
            return nil
        }
        guard policyIDs.contains(id) else {
            report(Self.file, "\(path).policy: unknown policy \"\(id)\"; use one of: \(Self.list(policyIDs))")
            return nil
        }
        return id
    }
}
