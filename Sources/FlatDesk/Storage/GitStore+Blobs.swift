import Foundation

extension GitStore {
    /// Commits with at least this many files write their blobs on several threads.
    static let parallelBlobThreshold = 1024

    /// Writes the contents of every change as a blob; nil for deletions. The caller holds the store's lock.
    ///
    /// Each loose object costs a few file-system calls, which dominate a commit of many files (such
    /// as an import), so large commits spread the writes over one repository handle per core.
    func writeBlobs(_ changes: [FileChange]) throws -> [GitOID?] {
        guard changes.count >= GitStore.parallelBlobThreshold else {
            return try changes.map { change in try change.contents.map { try repository.writeBlob($0) } }
        }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunk = (changes.count + workers - 1) / workers
        let results = BlobWriteResults(count: workers)
        let path = self.path
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = min(changes.count, worker * chunk)..<min(changes.count, (worker + 1) * chunk)
            results.store(
                worker,
                Result {
                    let repository = try GitRepository.open(path)
                    return try changes[range].map { change in try change.contents.map { try repository.writeBlob($0) } }
                })
        }
        return try results.joined()
    }
}

/// Per-worker results of `GitStore.writeBlobs`, filled from `concurrentPerform`.
private final class BlobWriteResults: @unchecked Sendable {
    private var slots: [Result<[GitOID?], any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ index: Int, _ result: Result<[GitOID?], any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func joined() throws -> [GitOID?] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.flatMap { try $0?.get() ?? [] }
    }
}
