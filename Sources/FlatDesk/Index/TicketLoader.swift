import Foundation

/// The outcome of reading one ticket file for the index.
enum LoadedTicket: Sendable {
    case ticket(IndexedTicket)
    case problem(path: String, [FileProblem])
}

/// Reads and decodes ticket files in parallel, one libgit2 handle per worker thread.
struct TicketLoader {
    let store: GitStore
    let statuses: Set<String>?

    /// Loads `files`; a file that cannot be read becomes a `.problem`, never an error.
    func load(_ files: [(path: String, oid: GitOID)]) throws -> [LoadedTicket] {
        guard !files.isEmpty else { return [] }
        if files.count < 256 {
            // A few files, as after a commit: the store's open handle is much cheaper than opening another.
            return try store.withRepository { repository in
                files.map { loadOne($0.path, $0.oid, repository: repository) }
            }
        }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunkSize = (files.count + workers - 1) / workers
        let results = LoaderResults(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let chunk = files[min(files.count, worker * chunkSize)..<min(files.count, (worker + 1) * chunkSize)]
            results.store(worker, Result { try loadChunk(chunk) })
        }
        return try results.collect()
    }

    private func loadChunk(_ files: ArraySlice<(path: String, oid: GitOID)>) throws -> [LoadedTicket] {
        let repository = try GitRepository.open(store.path)
        var output: [LoadedTicket] = []
        output.reserveCapacity(files.count)
        for file in files {
            output.append(loadOne(file.path, file.oid, repository: repository))
        }
        return output
    }

    private func loadOne(_ path: String, _ oid: GitOID, repository: GitRepository) -> LoadedTicket {
        do {
            let size = try repository.blobSize(oid)
            guard size <= FrontMatter.maximumFileBytes else {
                let message = "file is \(size) bytes, larger than the \(FrontMatter.maximumFileBytes / 1_048_576) MB limit"
                return .problem(path: path, [FileProblem(path: path, line: nil, message: message)])
            }
            let bytes = try repository.blobContents(oid)
            let ticket = try TicketCodec.decode(bytes, path: path, statuses: statuses, includeThread: false)
            let entries = IndexedTicket.countEntries(bytes)
            return .ticket(IndexedTicket(ticket: ticket, path: path, blob: oid, entryCount: entries))
        } catch let error as FileFormatError {
            return .problem(path: path, error.problems)
        } catch {
            return .problem(path: path, [FileProblem(path: path, line: nil, message: "cannot read: \(error)")])
        }
    }
}

/// Per-worker result slots filled from `concurrentPerform`.
private final class LoaderResults: @unchecked Sendable {
    private var slots: [Result<[LoadedTicket], any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func store(_ index: Int, _ result: Result<[LoadedTicket], any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func collect() throws -> [LoadedTicket] {
        try slots.flatMap { try $0?.get() ?? [] }
    }
}
