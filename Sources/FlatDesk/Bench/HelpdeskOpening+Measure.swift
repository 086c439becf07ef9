import Foundation

extension HelpdeskOpening {
    /// Opens the helpdesk at `path` in this process, measuring time, CPU time and resident memory
    /// around `Helpdesk(path:)`, then waits for the index cache it may save in the background.
    public static func measure(_ path: String) throws -> HelpdeskOpening {
        ProcessMemory.releaseFreedMemory()
        let before = ProcessMemory.residentBytes()
        let cpuStart = Stopwatch.processCPUSeconds()
        let logger = Logger(label: "flatdesk.bench", minimumLevel: .warning)
        let (helpdesk, seconds) = try Stopwatch.time { try Helpdesk(path: path, logger: logger) }
        let opening = HelpdeskOpening(
            seconds: seconds, cpuSeconds: Stopwatch.processCPUSeconds() - cpuStart, residentBytesBefore: before,
            residentBytesAfter: ProcessMemory.residentBytes(), residentFileBytesAfter: ProcessMemory.residentFileBytes()
        )
        helpdesk.index.waitForCacheWrites()
        return opening
    }

    /// Runs `flatdesk bench --measure-open PATH` so that the opening starts in a fresh process, the
    /// way a server starts, with none of the generator's memory around it.
    /// - Parameter executable: the `flatdesk` executable; nil runs this process's own executable.
    /// - Throws: `BenchmarkError.childProcessFailed` when the child fails or prints something unexpected.
    static func measureInChildProcess(_ path: String, executable: String? = nil) throws -> HelpdeskOpening {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: executable ?? "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["bench", "--measure-open", path]
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, let opening = HelpdeskOpening(json: text) else {
            throw BenchmarkError.childProcessFailed(status: process.terminationStatus, output: text)
        }
        return opening
    }

    /// Parses what `json()` writes.
    init?(json text: String) {
        var reader = JSONReader(bytes: Array(text.utf8))
        guard let value = try? reader.readDocument(), let seconds = value["seconds"]?.numberValue,
            let cpuSeconds = value["cpuSeconds"]?.numberValue
        else { return nil }
        self.init(
            seconds: seconds, cpuSeconds: cpuSeconds, residentBytesBefore: value["residentBytesBefore"]?.intValue,
            residentBytesAfter: value["residentBytesAfter"]?.intValue,
            residentFileBytesAfter: value["residentFileBytesAfter"]?.intValue)
    }

    /// The opening as JSON text, as `flatdesk bench --measure-open` prints it.
    public var jsonText: String { TicketJSON.encode(json()) }
}

extension JSONValue {
    fileprivate var numberValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }
}
