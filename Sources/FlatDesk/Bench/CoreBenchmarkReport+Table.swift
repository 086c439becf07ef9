import Foundation

extension CoreBenchmarkReport {
    /// Renders the report as a plain-text table: one column per helpdesk size, then the target.
    public func table() -> String {
        let gibibytes = Double(machine.memoryBytes) / 1_073_741_824
        var lines = [
            "Repository core benchmark, \(Timestamp.format(date))",
            "Machine: \(machine.cores) cores, \(machine.cpuModel), \(Self.decimal(gibibytes, 1)) GiB RAM", "",
        ]
        let rows = tableRows()
        let labelWidth = (rows.map(\.label.count).max() ?? 0) + 2
        let header = ["tickets"] + results.map { Self.grouped($0.ticketCount) } + ["target"]
        lines.append(Self.row(header, labelWidth: labelWidth))
        for row in rows {
            lines.append(Self.row([row.label] + row.values + [row.target], labelWidth: labelWidth))
        }
        if let ratio = changeMedianRatio {
            lines.append("")
            lines.append("Change median, largest over smallest helpdesk: \(Self.decimal(ratio, 2))× (target ≤ 1.5×)")
        }
        if let ratio = changeCPUMedianRatio {
            lines.append("The same for the CPU time of a change: \(Self.decimal(ratio, 2))×")
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ cells: [String], labelWidth: Int) -> String {
        var text = cells[0].padding(toLength: labelWidth, withPad: " ", startingAt: 0)
        for cell in cells.dropFirst() {
            text += String(repeating: " ", count: max(1, 14 - cell.count)) + cell
        }
        return text
    }

    private func tableRows() -> [(label: String, values: [String], target: String)] {
        func milliseconds(_ value: Double) -> String { Self.decimal(value * 1000, 2) }
        func megabytes(_ value: Int?) -> String { value.map { Self.decimal(Double($0) / 1_048_576, 0) } ?? "n/a" }
        func userAndSystem(_ result: CoreBenchmarkResult) -> String {
            milliseconds(result.changeUserSeconds) + " / " + milliseconds(result.changeSystemSeconds)
        }
        func megabytes(_ opening: HelpdeskOpening) -> String {
            megabytes(opening.residentBytesBefore) + " / " + megabytes(opening.residentBytesAfter)
        }
        var rows: [(label: String, values: [String], target: String)] = [
            ("open tickets", results.map { Self.grouped($0.openTickets) }, ""),
            ("generate (s)", results.map { $0.generationSeconds.map { Self.decimal($0, 2) } ?? "reused" }, ""),
            ("pack, git clone --no-local (s)", results.map { $0.packSeconds.map { Self.decimal($0, 2) } ?? "-" }, ""),
            ("objects (MiB)", results.map { megabytes($0.objectBytes) }, ""),
            ("cold index from files (s)", results.map { Self.decimal($0.openFromBlobs.seconds, 3) }, "≤ 1"),
            ("  CPU (s)", results.map { Self.decimal($0.openFromBlobs.cpuSeconds, 3) }, ""),
            ("  RSS before / after (MiB)", results.map { megabytes($0.openFromBlobs) }, "≤ 300"),
            ("  of which mapped files (MiB)", results.map { megabytes($0.openFromBlobs.residentFileBytesAfter) }, ""),
            ("cold index from cache (s)", results.map { Self.decimal($0.openFromCache.seconds, 3) }, "≤ 1"),
            ("  CPU (s)", results.map { Self.decimal($0.openFromCache.cpuSeconds, 3) }, ""),
            ("  RSS before / after (MiB)", results.map { megabytes($0.openFromCache) }, "≤ 300"),
            ("  of which mapped files (MiB)", results.map { megabytes($0.openFromCache.residentFileBytesAfter) }, ""),
            ("change median (ms)", results.map { milliseconds($0.change.medianSeconds) }, "≤ 3"),
            ("change p99 (ms)", results.map { milliseconds($0.change.p99Seconds) }, ""),
            ("change median, CPU (ms)", results.map { milliseconds($0.changeCPU.medianSeconds) }, ""),
            ("change mean, user / system CPU (ms)", results.map { userAndSystem($0) }, ""),
            ("git CLI change median (ms)", results.map { milliseconds($0.gitChange.medianSeconds) }, "baseline"),
            ("git CLI change p99 (ms)", results.map { milliseconds($0.gitChange.p99Seconds) }, "baseline"),
        ]
        rows += maintenanceRows()
        return rows
    }

    private func maintenanceRows() -> [(label: String, values: [String], target: String)] {
        guard results.contains(where: { $0.maintenance != nil }) else { return [] }
        let checks = results.map(\.maintenance)
        return [
            ("changes for maintenance check", checks.map { $0.map { "\($0.changes)" } ?? "-" }, ""),
            ("loose objects, most seen", checks.map { $0.map { "\($0.maximumLooseObjects)" } ?? "-" }, "bounded"),
            ("repack starts at (loose objects)", checks.map { $0.map { "\($0.looseObjectLimit)" } ?? "-" }, ""),
            ("loose objects at end", checks.map { $0.map { "\($0.looseObjectsAtEnd)" } ?? "-" }, ""),
            ("packs at end", checks.map { $0.map { "\($0.packsAtEnd)" } ?? "-" }, ""),
            ("repacks run", checks.map { $0.map { "\($0.repackSeconds.count)" } ?? "-" }, ""),
            (
                "longest repack (s)",
                checks.map { $0.flatMap { $0.repackSeconds.max() }.map { Self.decimal($0, 2) } ?? "-" }, ""
            ),
        ]
    }

    /// Formats a whole number with thousands separated by commas.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text += "," }
            text.append(digit)
        }
        return text
    }
}
