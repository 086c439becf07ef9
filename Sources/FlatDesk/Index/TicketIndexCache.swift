import Foundation

/// The index saved to `<git directory>/flatdesk/index-cache-v1`, so that opening a large helpdesk
/// does not have to read and parse every ticket file again.
///
/// The file contains the commit it reflects, the statuses the tickets were checked against, every
/// indexed ticket and every file problem. A cache written for another commit is still used: the
/// index applies the tree diff from that commit to the head, as a refresh does. A cache for other
/// statuses, of another format version, or that fails its checksum is ignored and rebuilt.
///
/// Layout: `FDIX`, format version (LEB128), checksum of the rest (UInt64), commit id (20 bytes),
/// statuses, ticket count and tickets, problem count and problems; see `IndexCacheWriter`.
// NOTE: bump `version` whenever IndexedTicket, Ticket's front-matter fields or the rules that decode
// them change, since a cache of the old version would otherwise keep tickets read the old way.
struct TicketIndexCache: Sendable {
    static let version = 1
    private static let magic: [UInt8] = Array("FDIX".utf8)
    let path: String

    /// Locates the cache of the repository whose git directory (ending in `/`) is `gitDirectory`.
    init(gitDirectory: String) {
        path = gitDirectory + "flatdesk/index-cache-v\(TicketIndexCache.version)"
    }

    /// Reads the saved commit and tickets; returns nil when there is no cache for these statuses.
    /// - Throws: `IndexCacheFormatError` when the file exists but cannot be read.
    func load(statuses: Set<String>?) throws -> (commit: GitOID, loaded: [LoadedTicket])? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try data.withUnsafeBytes { buffer throws(IndexCacheFormatError) in
            var reader = IndexCacheReader(buffer)
            try TicketIndexCache.readHeader(&reader, buffer: buffer)
            let commit = try reader.oid()
            let saved = try reader.flag() ? Set(try reader.strings()) : nil
            guard saved == statuses else { return nil }
            var loaded: [LoadedTicket] = []
            let ticketCount = try reader.varint()
            loaded.reserveCapacity(max(0, min(ticketCount, buffer.count / 64)))
            for _ in 0..<ticketCount { loaded.append(.ticket(try reader.indexedTicket())) }
            let problemCount = try reader.varint()
            for _ in 0..<problemCount {
                let (path, problems) = try reader.problems()
                loaded.append(.problem(path: path, problems))
            }
            guard reader.isAtEnd else { throw reader.failure("unexpected data after the problems") }
            return (commit, loaded)
        }
    }

    /// Checks the magic, version and checksum, leaving `reader` at the start of the body.
    private static func readHeader(_ reader: inout IndexCacheReader, buffer: UnsafeRawBufferPointer)
        throws(IndexCacheFormatError)
    {
        for expected in magic where try reader.byte() != expected { throw reader.failure("not an index cache") }
        let version = try reader.varint()
        guard version == TicketIndexCache.version else { throw reader.failure("format version \(version)") }
        let checksum = try reader.uint64()
        let bodyStart = reader.offset
        guard TicketIndexCache.checksum(UnsafeRawBufferPointer(rebasing: buffer[bodyStart...])) == checksum else {
            throw reader.failure("checksum mismatch")
        }
    }

    /// Encodes `state` as the cache of `statuses`.
    static func encode(_ state: IndexState, statuses: Set<String>?) -> [UInt8]? {
        guard let commit = state.commit else { return nil }
        var writer = IndexCacheWriter(capacity: 64 + state.byID.count * 400)
        for byte in magic { writer.byte(byte) }
        writer.varint(version)
        let checksumOffset = writer.bytes.count
        writer.uint64(0)
        let bodyStart = writer.bytes.count
        writer.oid(commit)
        writer.byte(statuses == nil ? 0 : 1)
        if let statuses { writer.strings(statuses.sorted()) }
        writer.varint(state.byID.count)
        for ticket in state.byID.values.sorted(by: { $0.path < $1.path }) { writer.indexedTicket(ticket) }
        writer.varint(state.problems.count)
        for (path, problems) in state.problems.sorted(by: { $0.key < $1.key }) { writer.problems(path: path, problems) }
        let sum = writer.bytes.withUnsafeBytes { checksum(UnsafeRawBufferPointer(rebasing: $0[bodyStart...])) }
        writer.patchUInt64(sum, at: checksumOffset)
        return writer.bytes
    }

    /// Writes `bytes` to a temporary file beside the cache and renames it over the cache, so that a
    /// reader sees the old file or the new one, never a partial one.
    func write(_ bytes: [UInt8]) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        removeStaleTemporaryFiles(in: folder)
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try Data(bytes).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, "errno": code])
        }
    }

    /// Deletes temporary files of writes that never finished (their process was killed) once they
    /// are an hour old, an age no write in progress reaches.
    private func removeStaleTemporaryFiles(in folder: String) {
        let manager = FileManager.default
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        let names = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let file = (folder as NSString).appendingPathComponent(name)
            let modified = (try? manager.attributesOfItem(atPath: file))?[.modificationDate] as? Date
            if let modified, modified.timeIntervalSinceNow < -3600 { try? manager.removeItem(atPath: file) }
        }
    }

    /// FNV-1a over 64-bit words (and the remaining bytes), enough to notice a damaged file.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        let words = bytes.count / 8
        for index in 0..<words {
            hash =
                (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))) &* prime
        }
        for index in (words * 8)..<bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* prime
        }
        return hash
    }
}
