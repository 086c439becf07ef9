import Foundation
import Testing

@testable import FlatDesk

/// A small end-to-end run of the repository-core benchmark with the built `flatdesk` executable.
@Suite struct CoreBenchmarkTests {
    /// The debug build of `flatdesk` next to these sources, which `swift build --build-tests` produces.
    static let executable: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path + "/.build/debug/flatdesk"
    }()

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: executable)))
    func smallRunReportsEveryFigure() throws {
        let folder = try BenchScratchFolder("core-benchmark")
        defer { folder.remove() }
        var options = CoreBenchmark.Options()
        options.ticketCounts = [300, 120]
        options.changes = 20
        options.gitChanges = 3
        options.maintenanceChanges = 30
        options.folder = folder.path
        options.executable = Self.executable
        let report = try CoreBenchmark(options: options).run()
        #expect(report.results.map(\.ticketCount) == [120, 300])
        for result in report.results {
            #expect(result.openTickets > 0)
            #expect(result.change.count == 20)
            #expect(result.change.medianSeconds > 0)
            #expect(result.gitChange.count == 3)
            #expect(result.openFromCache.seconds > 0)
            #expect(result.openFromBlobs.residentBytesAfter ?? 0 > result.openFromBlobs.residentBytesBefore ?? .max)
            #expect(result.maintenance?.changes == 30)
        }
        #expect(report.changeMedianRatio != nil)
        #expect(report.table().contains("cold index from cache"))
        #expect(FileManager.default.fileExists(atPath: folder.file("helpdesk-300.git/flatdesk/index-cache-v1")))
        #expect(!FileManager.default.fileExists(atPath: folder.file("generated-300.git")))
    }

    @Test func nextPriorityNeverRepeatsTheCurrentOne() {
        for current in Priority.allCases {
            for step in 0..<6 {
                #expect(CoreBenchmark.nextPriority(after: current, step: step) != current)
            }
        }
    }

    @Test func percentilesUseNearestRank() {
        let summary = LatencySummary((1...100).map(Double.init))
        #expect(summary.medianSeconds == 50)
        #expect(summary.p99Seconds == 99)
        #expect(summary.maximumSeconds == 100)
        #expect(LatencySummary([]).p99Seconds == 0)
    }
}
