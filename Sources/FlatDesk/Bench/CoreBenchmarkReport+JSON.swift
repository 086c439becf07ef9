import Foundation

extension CoreBenchmarkReport {
    /// Returns the report as JSON: times in the unit each key names (seconds or milliseconds), memory in bytes.
    public func json() -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [
            ("date", .string(Timestamp.format(date))),
            (
                "machine",
                .object([
                    ("cores", .number("\(machine.cores)")), ("cpuModel", .string(machine.cpuModel)),
                    ("memoryBytes", .number("\(machine.memoryBytes)")),
                ])
            ),
            ("results", .array(results.map { $0.json() })),
        ]
        pairs.append(("changeMedianRatio", changeMedianRatio.map { .number(Self.decimal($0, 3)) } ?? .null))
        pairs.append(("changeCPUMedianRatio", changeCPUMedianRatio.map { .number(Self.decimal($0, 3)) } ?? .null))
        return .object(pairs)
    }

    static func decimal(_ value: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", value)
    }
}

extension CoreBenchmarkResult {
    func json() -> JSONValue {
        .object([
            ("tickets", .number("\(ticketCount)")), ("openTickets", .number("\(openTickets)")),
            ("generationSeconds", generationSeconds.map(seconds) ?? .null),
            ("packSeconds", packSeconds.map(seconds) ?? .null),
            ("objectBytes", .number("\(objectBytes)")), ("openFromBlobs", openFromBlobs.json()),
            ("openFromCache", openFromCache.json()),
            ("changeMilliseconds", change.json()), ("changeCPUMilliseconds", changeCPU.json()),
            ("changeUserMilliseconds", .number(CoreBenchmarkReport.decimal(changeUserSeconds * 1000, 3))),
            ("changeSystemMilliseconds", .number(CoreBenchmarkReport.decimal(changeSystemSeconds * 1000, 3))),
            ("gitCloneSeconds", seconds(gitCloneSeconds)),
            ("gitChangeMilliseconds", gitChange.json()), ("maintenance", maintenance?.json() ?? .null),
        ])
    }

    private func seconds(_ value: Double) -> JSONValue {
        .number(CoreBenchmarkReport.decimal(value, 3))
    }
}

extension HelpdeskOpening {
    func json() -> JSONValue {
        func bytes(_ value: Int?) -> JSONValue { value.map { .number("\($0)") } ?? .null }
        return .object([
            ("seconds", .number(CoreBenchmarkReport.decimal(seconds, 3))),
            ("cpuSeconds", .number(CoreBenchmarkReport.decimal(cpuSeconds, 3))),
            ("residentBytesBefore", bytes(residentBytesBefore)), ("residentBytesAfter", bytes(residentBytesAfter)),
            ("residentFileBytesAfter", bytes(residentFileBytesAfter)),
        ])
    }
}

extension LatencySummary {
    func json() -> JSONValue {
        func milliseconds(_ value: Double) -> JSONValue { .number(CoreBenchmarkReport.decimal(value * 1000, 3)) }
        return .object([
            ("count", .number("\(count)")), ("median", milliseconds(medianSeconds)), ("p99", milliseconds(p99Seconds)),
            ("mean", milliseconds(meanSeconds)), ("max", milliseconds(maximumSeconds)),
        ])
    }
}

extension MaintenanceCheck {
    func json() -> JSONValue {
        .object([
            ("changes", .number("\(changes)")), ("looseObjectLimit", .number("\(looseObjectLimit)")),
            ("maximumLooseObjects", .number("\(maximumLooseObjects)")),
            ("looseObjectsAtEnd", .number("\(looseObjectsAtEnd)")),
            ("packsAtEnd", .number("\(packsAtEnd)")),
            ("repackSeconds", .array(repackSeconds.map { .number(CoreBenchmarkReport.decimal($0, 3)) })),
        ])
    }
}
