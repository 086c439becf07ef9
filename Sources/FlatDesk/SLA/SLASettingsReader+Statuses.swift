import Foundation

extension SLASettingsReader {
    private static let file = SLASettings.statusesFile

    /// Reads `settings/statuses.json`; problems are reported and the valid custom statuses kept.
    mutating func readStatuses(_ data: Data) -> SLAStatusCatalog? {
        guard let root = parseObject(data, file: Self.file) else { return nil }
        checkFormatVersion(root, file: Self.file)
        reportUnknownKeys(root, allowed: ["formatVersion", "custom"], path: "", file: Self.file)
        guard let value = root["custom"] else { return SLAStatusCatalog() }
        guard let items = value.arrayValue else {
            report(Self.file, "custom: invalid value \(value.quoted); expected a list of statuses")
            return nil
        }
        var statuses: [SLAStatusCatalog.CustomStatus] = []
        for (index, item) in items.enumerated() {
            let usedIDs = Set(statuses.map(\.id))
            if let status = readCustomStatus(item, path: "custom[\(index)]", usedIDs: usedIDs) {
                statuses.append(status)
            }
        }
        return SLAStatusCatalog(custom: statuses)
    }

    private mutating func readCustomStatus(
        _ value: SLAJSONValue, path: String, usedIDs: Set<String>
    ) -> SLAStatusCatalog.CustomStatus? {
        guard let object = value.objectValue else {
            report(Self.file, "\(path): invalid value \(value.quoted); expected an object with id, name and onHold")
            return nil
        }
        reportUnknownKeys(object, allowed: ["id", "name", "onHold"], path: path, file: Self.file)
        guard let id = readStatusID(object["id"], path: path, usedIDs: usedIDs) else { return nil }
        guard let name = object["name"]?.stringValue, !name.isEmpty else {
            report(Self.file, "\(path).name: \(SLAJSONValue.invalid(object["name"])); give the status a name")
            return nil
        }
        let onHold: Bool
        switch object["onHold"] {
        case nil: onHold = false
        case .bool(let value)?: onHold = value
        case let other?:
            report(Self.file, "\(path).onHold: invalid value \(other.quoted); use true or false")
            return nil
        }
        return SLAStatusCatalog.CustomStatus(id: id, name: name, onHold: onHold)
    }

    private mutating func readStatusID(_ value: SLAJSONValue?, path: String, usedIDs: Set<String>) -> String? {
        guard let id = value?.stringValue, !id.isEmpty else {
            report(Self.file, "\(path).id: \(SLAJSONValue.invalid(value)); give the status an id")
            return nil
        }
        if SLAStatusCatalog.builtInStatusIDs.contains(id) {
            report(Self.file, "\(path).id: \"\(id)\" is a built-in status; choose another id")
            return nil
        }
        if usedIDs.contains(id) {
            report(Self.file, "\(path).id: duplicate status id \"\(id)\"; give each status its own id")
            return nil
        }
        return id
    }
}
