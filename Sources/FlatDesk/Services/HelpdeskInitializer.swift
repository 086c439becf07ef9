import Foundation

/// Creates new helpdesk repositories.
public enum HelpdeskInitializer {
    /// Creates a git repository at `path` and commits a helpdesk into it.
    /// - Parameters:
    ///   - name: the helpdesk's name, written to `settings/helpdesk.json`.
    ///   - keyPrefix: the ticket key prefix, such as `FD`.
    ///   - bare: create a bare repository (for a server) instead of one with a working tree.
    ///   - template: a folder whose `settings/`, `kb/` and `tickets/` are copied instead of the defaults.
    /// - Returns: the first commit.
    @discardableResult
    public static func create(at path: String, name: String, keyPrefix: String, bare: Bool = false, template: String? = nil)
        throws -> GitOID?
    {
        try validatePrefix(keyPrefix)
        let store: GitStore
        if (try? GitStore(path: path)) != nil {
            store = try GitStore(path: path)
            if try store.read({ try $0.blobID("settings/helpdesk.json") }) != nil {
                throw HelpdeskError.invalidValue(field: "path", value: path, expected: "a folder that is not a helpdesk yet")
            }
        } else {
            store = try GitStore.create(path: path, bare: bare)
        }
        let files = try template.map(templateFiles) ?? DefaultSettings.files(name: name, keyPrefix: keyPrefix)
        let bot = CommitIdentity(name: "FlatDesk", email: "flatdesk@localhost")
        let changes = files.map { FileChange(path: $0.path, contents: $0.contents) }
        // A template keeps its own name, so the message names the helpdesk as the template does.
        let shownName = template == nil ? name : (templateName(files) ?? name)
        return try store.commit(author: bot, message: "Initialize helpdesk \"\(shownName)\"", changes: changes)?.commit
    }

    /// Returns the name in a template's `settings/helpdesk.json`, or nil when it cannot be read.
    private static func templateName(_ files: [(path: String, contents: [UInt8])]) -> String? {
        guard let file = files.first(where: { $0.path == "settings/helpdesk.json" }),
            let profile = try? JSONDecoder().decode(HelpdeskProfile.self, from: Data(file.contents))
        else { return nil }
        return profile.name
    }

    private static func validatePrefix(_ prefix: String) throws {
        let valid = !prefix.isEmpty && prefix.count <= 10 && prefix.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
            && prefix.first?.isLetter == true
        guard valid else {
            throw HelpdeskError.invalidValue(field: "key prefix", value: prefix, expected: "1 to 10 capital letters or digits, starting with a letter")
        }
    }

    /// Every regular file under `settings/`, `kb/` and `tickets/` of `folder`, with repository-relative paths.
    static func templateFiles(_ folder: String) throws -> [(path: String, contents: [UInt8])] {
        let manager = FileManager.default
        var files: [(String, [UInt8])] = []
        for top in ["settings", "kb", "tickets"] {
            let root = (folder as NSString).appendingPathComponent(top)
            guard let enumerator = manager.enumerator(atPath: root) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let full = (root as NSString).appendingPathComponent(relative)
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                    !relative.hasPrefix("."), let data = manager.contents(atPath: full)
                else { continue }
                files.append((top + "/" + relative, [UInt8](data)))
            }
        }
        guard files.contains(where: { $0.0 == "settings/helpdesk.json" }) else {
            throw HelpdeskError.missingHelpdesk(path: folder)
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
