import Foundation

/// The resident memory of this process, as Linux reports it.
public enum ProcessMemory {
    /// Returns `VmRSS` from `/proc/self/status` in bytes, or nil where that file does not exist.
    public static func residentBytes() -> Int? {
        statusField("VmRSS")
    }

    /// Returns the resident memory that is mapped files (`RssFile`), such as the pack files libgit2
    /// reads through `mmap`. The kernel can drop these pages and read them again.
    public static func residentFileBytes() -> Int? {
        statusField("RssFile")
    }

    /// Returns a field of `/proc/self/status` given in kB, in bytes.
    private static func statusField(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }

    /// Hands memory that `free` has released back to the system (glibc's `malloc_trim`), so that a
    /// measurement after a large temporary allocation starts from what is really in use.
    public static func releaseFreedMemory() {
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    /// Returns the ids of this process's running child processes, read from `/proc/<pid>/stat`.
    static func childProcesses() -> [Int32] {
        let me = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == me ? pid : nil
        }
    }
}
