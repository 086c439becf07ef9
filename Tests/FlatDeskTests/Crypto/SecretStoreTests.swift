import Foundation
import Testing

@testable import FlatDesk

@Suite struct SecretStoreTests {
    /// A fresh temporary folder path, removed with the test suite instance.
    let temporary = ScratchDirectory(prefix: "secret-store")
    var folder: String { temporary.path }

    func mode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    @Test func writeThenReadReturnsValue() throws {
        let store = SecretStore(directory: folder + "/secrets")
        try store.write("smtp.password", "p@ss wörd\n")
        #expect(try store.read("smtp.password") == "p@ss wörd\n")
    }

    @Test func readMissingReturnsNil() throws {
        let store = SecretStore(directory: folder)
        #expect(try store.read("absent") == nil)
    }

    @Test func writeReplacesValue() throws {
        let store = SecretStore(directory: folder)
        try store.write("api-token", "first")
        try store.write("api-token", "second")
        #expect(try store.read("api-token") == "second")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(entries == ["api-token"])
    }

    @Test func folderAndFilesArePrivate() throws {
        let store = SecretStore(directory: folder + "/a/b/secrets")
        try store.write("session-key", "k")
        #expect(try mode(of: folder + "/a/b/secrets") == 0o700)
        #expect(try mode(of: folder + "/a/b") == 0o700)
        #expect(try mode(of: folder + "/a/b/secrets/session-key") == 0o600)
    }

    @Test func existingWideFolderIsTightened() throws {
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try SecretStore(directory: folder).write("x", "y")
        #expect(try mode(of: folder) == 0o700)
    }

    @Test func deleteRemovesSecret() throws {
        let store = SecretStore(directory: folder)
        try store.write("webhook.slack", "secret")
        #expect(try store.delete("webhook.slack"))
        #expect(try store.read("webhook.slack") == nil)
        #expect(try !store.delete("webhook.slack"))
    }

    @Test(arguments: [
        "", ".", "..", "../x", "a/b", "/etc/passwd", ".hidden", "-x", "_x", "Upper", "a b", "ä",
        "x\0y", String(repeating: "a", count: 129),
    ])
    func invalidNameIsRejected(name: String) throws {
        let store = SecretStore(directory: folder)
        #expect(throws: CryptoError.invalidSecretName(name)) { try store.write(name, "v") }
        #expect(throws: CryptoError.invalidSecretName(name)) { try store.read(name) }
        #expect(throws: CryptoError.invalidSecretName(name)) { try store.delete(name) }
    }

    @Test func validNamesAreAccepted() throws {
        let store = SecretStore(directory: folder)
        for name in ["a", "0", "openai.api-key", "a..b", "x_y-z.1", String(repeating: "a", count: 128)] {
            try store.write(name, name)
            #expect(try store.read(name) == name)
        }
    }

    @Test func errorNamesPath() throws {
        let blocker = folder + "/plain-file"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("a file".utf8))
        let store = SecretStore(directory: blocker + "/secrets")
        let error = try #require(throws: CryptoError.self) { try store.write("token", "v") }
        #expect(error.description.contains(blocker + "/secrets"))
    }

    @Test func nonUTF8SecretIsReported() throws {
        let store = SecretStore(directory: folder)
        try store.writeBytes("binary", [0xff, 0xfe])
        #expect(try store.readBytes("binary") == [0xff, 0xfe])
        #expect(throws: CryptoError.secretNotUTF8(path: folder + "/binary")) { try store.read("binary") }
    }

    @Test func repositoryStoreUsesGitFolder() {
        let store = SecretStore.forRepository(at: "/srv/helpdesk", environment: [:])
        #expect(store.directory == "/srv/helpdesk/.git/flatdesk/secrets")
    }

    @Test func environmentOverridesFolder() {
        let environment = ["FLATDESK_SECRETS_DIR": "/var/lib/flatdesk/secrets"]
        let store = SecretStore.forRepository(at: "/srv/helpdesk", environment: environment)
        #expect(store.directory == "/var/lib/flatdesk/secrets")
        #expect(
            SecretStore.forRepository(at: "/r", environment: ["FLATDESK_SECRETS_DIR": ""]).directory
                == "/r/.git/flatdesk/secrets")
    }
}
