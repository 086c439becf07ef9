import Foundation
import Testing

@testable import FlatDesk

/// Repacking waits for a pause in commits unless the loose objects pass the hard limit.
@Suite struct GitMaintenanceTests {
    let identity = CommitIdentity(name: "Test", email: "test@example.com")

    /// Commits small changes for `seconds` and notes each with `maintenance`.
    /// - Returns: the largest number of packs seen meanwhile.
    func commitSteadily(_ store: GitStore, _ maintenance: GitMaintenance, seconds: Double) throws -> Int {
        let end = Date().addingTimeInterval(seconds)
        var number = 0
        var packsSeen = 0
        while Date() < end {
            number += 1
            let change = FileChange(path: "notes/\(number % 7)/n\(number).md", contents: Array("note \(number)\n".utf8))
            try store.commit(author: identity, message: "Note \(number)", changes: [change])
            maintenance.noteCommit()
            packsSeen = max(packsSeen, maintenance.packCount())
            usleep(5_000)
        }
        return packsSeen
    }

    @Test func repackWaitsForPause() throws {
        let store = try GitStore(path: try TestSupport.emptyHelpdesk(bare: true))
        let maintenance = GitMaintenance(
            gitDirectory: store.gitDirectory, logger: Logger(label: "test", minimumLevel: .error), checkEveryCommits: 5,
            looseObjectLimit: 30, hardLooseObjectLimit: 1_000_000, idleSeconds: 0.5)
        let packsWhileBusy = try commitSteadily(store, maintenance, seconds: 1.5)
        #expect(packsWhileBusy == 0, "no repack while commits keep coming")
        maintenance.waitUntilIdle(timeout: 10)
        #expect(maintenance.packCount() >= 1, "the pause let the repack run")
        #expect(maintenance.looseObjectCount() < 30)
    }

    @Test func hardLimitRepacksUnderLoad() throws {
        let store = try GitStore(path: try TestSupport.emptyHelpdesk(bare: true))
        let maintenance = GitMaintenance(
            gitDirectory: store.gitDirectory, logger: Logger(label: "test", minimumLevel: .error), checkEveryCommits: 5,
            looseObjectLimit: 30, hardLooseObjectLimit: 60, idleSeconds: 30)
        let packsWhileBusy = try commitSteadily(store, maintenance, seconds: 2)
        maintenance.waitUntilIdle(timeout: 2)
        #expect(packsWhileBusy >= 1, "past the hard limit the repack runs without a pause")
    }
}
