import Foundation
import Testing

@testable import FlatDesk

/// Tree updates, tree diffs and remembered commit deltas, checked against the git command line.
@Suite struct GitTreeWriteTests {
    let author = CommitIdentity(name: "Test", email: "test@localhost")

    func git(_ arguments: [String], in path: String) throws -> String {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "--git-dir=" + path] + arguments
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func change(_ path: String, _ text: String?) -> FileChange {
        FileChange(path: path, contents: text.map { Array($0.utf8) })
    }

    /// Files and blob ids of a commit, as `git ls-tree -r` lists them.
    func listing(_ commit: GitOID, in path: String) throws -> [String] {
        try git(["ls-tree", "-r", commit.hex], in: path).split(separator: "\n").map(String.init)
    }

    @Test func updatesMatchGitFileByFile() throws {
        let folder = try BenchScratchFolder("tree-update")
        defer { folder.remove() }
        let store = try GitStore.create(path: folder.file("repo.git"), bare: true)
        try store.commit(
            author: author, message: "one",
            changes: [
                change("a/one.md", "1"), change("a/two.md", "2"), change("a-b/x.md", "x"), change("a.md", "top"),
                change("b/c/deep.md", "deep"), change("b/c/gone.md", "gone"),
            ])
        let second = try #require(
            try store.commit(
                author: author, message: "two",
                changes: [
                    change("a/two.md", "2 again"), change("a/three.md", "3"), change("b/c/deep.md", nil),
                    change("b/c/gone.md", nil),
                    change("new/folder/file.md", "n"),
                ]))
        let expected = try [
            ("a-b/x.md", "x"), ("a.md", "top"), ("a/one.md", "1"), ("a/three.md", "3"), ("a/two.md", "2 again"),
            ("new/folder/file.md", "n"),
        ].map { "100644 blob \(try hash($0.1))\t\($0.0)" }
        #expect(try listing(second.commit, in: store.path) == expected)
        #expect(try git(["ls-tree", "--name-only", second.commit.hex], in: store.path) == "a-b\na.md\na\nnew\n")
        #expect(try gitStatus(["fsck", "--strict", "--no-dangling"], in: store.path) == 0)
    }

    func gitStatus(_ arguments: [String], in path: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "--git-dir=" + path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func hash(_ text: String) throws -> String {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "hash-object", "--stdin"]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func diffMatchesGitDiffTree() throws {
        let folder = try BenchScratchFolder("tree-diff")
        defer { folder.remove() }
        let store = try GitStore.create(path: folder.file("repo.git"), bare: true)
        let first = try #require(
            try store.commit(
                author: author, message: "one",
                changes: [
                    change("a/one.md", "1"), change("a/two.md", "2"), change("a.md", "top"),
                    change("b/c/deep.md", "deep"),
                    change("z.md", "z"),
                ]))
        let second = try #require(
            try store.commit(
                author: author, message: "two",
                changes: [
                    change("a/two.md", "2 again"), change("a/three.md", "3"), change("b/c/deep.md", nil),
                    change("a.md", nil),
                    change("new/file.md", "n"),
                ]))
        let fresh = try GitRepository.open(store.path)
        let ours = try fresh.diff(from: fresh.treeID(ofCommit: first.commit), to: fresh.treeID(ofCommit: second.commit))
        let letters: [GitFileDelta.Status: String] = [.added: "A", .deleted: "D", .modified: "M"]
        let rendered = ours.map { "\(letters[$0.status] ?? "?")\t\($0.path)" }
        let theirs = try git(["diff-tree", "-r", "--name-status", first.commit.hex, second.commit.hex], in: store.path)
            .split(separator: "\n").map(String.init)
        #expect(rendered == theirs)
    }

    @Test func rememberedDeltasMatchTheTreeDiff() throws {
        let folder = try BenchScratchFolder("tree-remembered")
        defer { folder.remove() }
        let store = try GitStore.create(path: folder.file("repo.git"), bare: true)
        var previous: GitOID?
        let steps: [[FileChange]] = [
            [change("tickets/000/FD-1.md", "a"), change("tickets/000/FD-2.md", "b"), change("settings/x.json", "{}")],
            [change("tickets/000/FD-1.md", "a2"), change("tickets/001/FD-1000.md", "c")],
            [change("tickets/000/FD-2.md", nil), change("tickets/000/FD-1.md", "a2"), change("kb/x.md", "k")],
        ]
        for changes in steps {
            let result = try #require(try store.commit(author: author, message: "step", changes: changes))
            let remembered = try store.diff(from: previous, to: result.commit)
            let fresh = try GitRepository.open(store.path)
            let walked = try fresh.diff(
                from: previous.map { try fresh.treeID(ofCommit: $0) }, to: fresh.treeID(ofCommit: result.commit))
            #expect(remembered.map(\.path) == walked.map(\.path))
            #expect(remembered.map(\.status) == walked.map(\.status))
            #expect(remembered.map(\.newOID) == walked.map(\.newOID))
            #expect(remembered.map(\.oldOID) == walked.map(\.oldOID))
            previous = result.commit
        }
    }

    @Test func invalidUpdatesAreRejected() throws {
        let folder = try BenchScratchFolder("tree-invalid")
        defer { folder.remove() }
        let store = try GitStore.create(path: folder.file("repo.git"), bare: true)
        try store.commit(author: author, message: "one", changes: [change("a/one.md", "1"), change("b.md", "b")])
        #expect(throws: GitError.self) {
            try store.commit(author: self.author, message: "missing", changes: [change("a/none.md", nil)])
        }
        #expect(throws: GitError.self) {
            try store.commit(
                author: self.author, message: "twice", changes: [change("c.md", "1"), change("c.md", "2")])
        }
        #expect(throws: GitError.self) {
            try store.commit(author: self.author, message: "file over folder", changes: [change("a", "x")])
        }
        #expect(throws: GitError.self) {
            try store.commit(author: self.author, message: "folder over file", changes: [change("b.md/x", "x")])
        }
    }

    @Test func emptyingTheRepositoryLeavesAnEmptyTree() throws {
        let folder = try BenchScratchFolder("tree-empty")
        defer { folder.remove() }
        let store = try GitStore.create(path: folder.file("repo.git"), bare: true)
        try store.commit(author: author, message: "one", changes: [change("a/one.md", "1")])
        let result = try #require(try store.commit(author: author, message: "none", changes: [change("a/one.md", nil)]))
        #expect(result.tree.hex == "4b825dc642cb6eb9a060e54bf8d69288fbee4904")
    }
}
