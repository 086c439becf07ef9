import Foundation
import Testing

@testable import FlatDesk

@Suite struct FullTextIndexTests {
    static let documents = [
        SearchDocument(
            id: "FD-1042", kind: .ticket, title: "VPN drops every ten minutes",
            body: "Since this morning the VPN client disconnects. We are looking at the concentrator logs.",
            audience: ["internal", "org:northwind"]),
        SearchDocument(
            id: "reset-vpn-token", kind: .kb, title: "Reset your VPN token",
            body: "Open the portal and choose Reset token. Contact Jürgen Müller if it fails.",
            audience: ["public"]),
        SearchDocument(
            id: "FD-1043", kind: .ticket, title: "Compiler crash",
            body: "The C++ compiler crashes with <script>alert(1)</script> in the output.",
            audience: ["internal", "org:contoso"]),
        SearchDocument(
            id: "printer-setup", kind: .kb, title: "Printer setup",
            body: "Install the driver, then add the printer on floor 3. The VPN is not needed.",
            audience: ["customers"]),
    ]

    func makeIndex() throws -> FullTextIndex {
        let index = try FullTextIndex()
        try index.upsert(contentsOf: Self.documents)
        return index
    }

    @Test func replaceUpdatesAndRemoves() throws {
        let index = try makeIndex()
        var changed = Self.documents[0]
        changed.body = "The concentrator was replaced."
        try index.replace([changed, Self.documents[1]], removing: ["FD-1043", "FD-9999"])
        #expect(try index.count() == 3)
        #expect(try index.search("replaced").map(\.id) == ["FD-1042"])
        #expect(try index.search("disconnects").isEmpty)
        #expect(try index.search("compiler").isEmpty)
    }

    @Test func replaceSkipsUnchangedDocuments() throws {
        let index = try makeIndex()
        try index.replace(Self.documents)
        #expect(try index.count() == Self.documents.count)
        #expect(try index.search("concentrator").map(\.id) == ["FD-1042"])
    }

    @Test func searchFindsByWord() throws {
        let hits = try makeIndex().search("concentrator")
        #expect(hits.map(\.id) == ["FD-1042"])
        #expect(hits.first?.kind == .ticket)
        #expect(hits.first?.title == "VPN drops every ten minutes")
    }

    @Test func lastTermMatchesAsPrefix() throws {
        let index = try makeIndex()
        #expect(try index.search("concen").map(\.id) == ["FD-1042"])
        #expect(try index.search("vpn concen").map(\.id) == ["FD-1042"])
        #expect(try index.search("concen vpn").isEmpty)
    }

    @Test func allTermsMustMatch() throws {
        let index = try makeIndex()
        #expect(try index.search("printer vpn").map(\.id) == ["printer-setup"])
        #expect(try index.search("printer concentrator").isEmpty)
    }

    @Test func diacriticsAreIgnored() throws {
        let index = try makeIndex()
        #expect(try index.search("muller").map(\.id) == ["reset-vpn-token"])
        #expect(try index.search("JÜRGEN").map(\.id) == ["reset-vpn-token"])
    }

    @Test(arguments: [
        "\"C++\" AND -", "NEAR(", "title:vpn", "*", "\"", "'", "a OR b", "(", ")", "^vpn", "{title}: x", "-vpn", "AND",
        "\"unterminated", "vpn\"", "NOT", "+", "c++", "vpn*", "x:y:z", "\u{0}", "   ", "",
    ])
    func syntaxCharactersDoNotError(query: String) throws {
        let index = try makeIndex()
        _ = try index.search(query)
    }

    @Test func punctuatedTermsStillMatch() throws {
        let index = try makeIndex()
        #expect(try index.search("C++ compiler").map(\.id) == ["FD-1043"])
        #expect(try index.search("C++").map(\.id).contains("FD-1043"))
        #expect(try index.search("\"C++\" AND -").isEmpty)
        #expect(try index.search("-vpn").count == 3)
        #expect(try index.search("title:vpn").isEmpty)
    }

    @Test func deleteRemovesDocument() throws {
        let index = try makeIndex()
        #expect(try index.delete(id: "FD-1042"))
        #expect(try index.search("concentrator").isEmpty)
        #expect(try index.count() == 3)
        #expect(try !index.delete(id: "FD-1042"))
    }

    @Test func upsertReplacesDocument() throws {
        let index = try makeIndex()
        try index.upsert(
            id: "FD-1042", kind: .ticket, title: "VPN drops every ten minutes", body: "Firmware upgrade fixed it.",
            audience: ["internal"])
        #expect(try index.search("concentrator").isEmpty)
        #expect(try index.search("firmware").map(\.id) == ["FD-1042"])
        #expect(try index.count() == 4)
    }

    @Test func snippetContainsTerm() throws {
        let hit = try #require(try makeIndex().search("concentrator").first)
        #expect(hit.snippet.contains("\u{E000}concentrator\u{E001}"))
        #expect(hit.plainSnippet.contains("concentrator logs"))
        #expect(hit.snippetHTML.contains("<mark>concentrator</mark>"))
    }

    @Test func snippetHTMLIsEscaped() throws {
        let hit = try #require(try makeIndex().search("crashes").first)
        #expect(hit.snippetHTML.contains("&lt;script&gt;"))
        #expect(!hit.snippetHTML.contains("<script>"))
        #expect(hit.snippetHTML.contains("<mark>crashes</mark>"))
    }

    @Test func markerCharactersInTextAreRemoved() throws {
        let index = try FullTextIndex()
        try index.upsert(id: "x", kind: .kb, title: "t", body: "fake \u{E000}mark\u{E001} here", audience: [])
        let hit = try #require(try index.search("here").first)
        #expect(hit.plainSnippet == "fake mark here")
        #expect(hit.snippetHTML == "fake mark <mark>here</mark>")
    }

    @Test func kindFilterRestrictsHits() throws {
        let index = try makeIndex()
        #expect(try index.search("vpn", kind: .kb).map(\.id).sorted() == ["printer-setup", "reset-vpn-token"])
        #expect(try index.search("vpn", kind: .ticket).map(\.id) == ["FD-1042"])
    }

    @Test func audienceFilterRestrictsHits() throws {
        let index = try makeIndex()
        #expect(try index.search("vpn", audiences: ["public"]).map(\.id) == ["reset-vpn-token"])
        #expect(
            try index.search("vpn", audiences: ["public", "customers"]).map(\.id).sorted()
                == ["printer-setup", "reset-vpn-token"])
        #expect(try index.search("vpn", audiences: ["org:northwind"]).map(\.id) == ["FD-1042"])
        #expect(try index.search("vpn", audiences: []).isEmpty)
        #expect(try index.search("vpn").count == 3)
    }

    @Test func titleMatchRanksFirst() throws {
        let hits = try makeIndex().search("vpn")
        #expect(hits.count == 3)
        #expect(hits.last?.id == "printer-setup")
        #expect(hits.map(\.rank) == hits.map(\.rank).sorted())
        #expect(hits.allSatisfy { $0.rank < 0 })
    }

    @Test func limitIsApplied() throws {
        let index = try makeIndex()
        #expect(try index.search("vpn", limit: 1).count == 1)
        #expect(throws: FullTextIndexError.invalidLimit(0)) { try index.search("vpn", limit: 0) }
        #expect(throws: FullTextIndexError.invalidLimit(1001)) { try index.search("vpn", limit: 1001) }
    }

    @Test func fileIndexPersists() throws {
        let folder = ScratchDirectory(prefix: "fts")
        let path = folder.path + "/search.sqlite"
        do {
            let index = try FullTextIndex(path: path)
            try index.upsert(contentsOf: Self.documents)
        }
        let reopened = try FullTextIndex(path: path)
        #expect(try reopened.count() == 4)
        #expect(try reopened.search("concentrator").map(\.id) == ["FD-1042"])
    }

    @Test func unopenableFileErrorNamesPath() throws {
        let folder = ScratchDirectory(prefix: "fts")
        let path = folder.path + "/missing/search.sqlite"
        let error = try #require(throws: FullTextIndexError.self) { try FullTextIndex(path: path) }
        #expect(error.description.contains(path))
        #expect(error.description.contains("unable to open database file"))
    }

    @Test func concurrentSearchesAgree() async throws {
        let index = try makeIndex()
        let results = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { try (0..<100).flatMap { _ in try index.search("vpn").map(\.id) } }
            }
            return try await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        let expected = try (0..<100).flatMap { _ in try index.search("vpn").map(\.id) }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test(arguments: [false, true])
    func batchOf10000IsIndexed(inFile: Bool) throws {
        let words = ["printer", "network", "vpn", "password", "laptop", "email", "invoice", "server", "backup", "wifi"]
        let documents = (0..<10_000).map { number in
            SearchDocument(
                id: "FD-\(number)", kind: number % 5 == 0 ? .kb : .ticket,
                title: "\(words[number % 10]) issue \(number)",
                body: (0..<60).map { words[($0 * 7 + number) % 10] }.joined(separator: " ") + " marker\(number)",
                audience: ["internal"])
        }
        let folder = ScratchDirectory(prefix: "fts-batch")
        let index = try FullTextIndex(path: inFile ? folder.path + "/search.sqlite" : nil)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try index.upsert(contentsOf: documents) }
        let storage = inFile ? "file" : "memory"
        print("FullTextIndex: 10,000 documents of about 70 words indexed in one batch (\(storage)) in \(elapsed)")
        #expect(try index.count() == 10_000)
        #expect(try index.search("marker9876").map(\.id) == ["FD-9876"])
        #expect(try index.search("printer", limit: 1000).count == 1000)
        #expect(elapsed < .seconds(60))
    }
}
