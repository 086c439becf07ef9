import CGit2
import Foundation

/// An index cache file that ends early or contains a value that cannot be read, so the index is built from the blobs.
struct IndexCacheFormatError: Error, CustomStringConvertible {
    var offset: Int
    var reason: String

    var description: String { "invalid index cache at byte \(offset): \(reason)" }
}

/// Reads the fields `IndexCacheWriter` writes, checking every length against the end of the buffer.
struct IndexCacheReader {
    private let buffer: UnsafeRawBufferPointer
    private(set) var offset: Int

    init(_ buffer: UnsafeRawBufferPointer, offset: Int = 0) {
        self.buffer = buffer
        self.offset = offset
    }

    var isAtEnd: Bool { offset >= buffer.count }

    func failure(_ reason: String) -> IndexCacheFormatError {
        IndexCacheFormatError(offset: offset, reason: reason)
    }

    mutating func byte() throws(IndexCacheFormatError) -> UInt8 {
        guard offset < buffer.count else { throw failure("unexpected end of file") }
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func flag() throws(IndexCacheFormatError) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw failure("expected 0 or 1")
        }
    }

    mutating func varint() throws(IndexCacheFormatError) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw failure("number too long") }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return Int(Int64(bitPattern: result)) }
            shift += 7
        }
    }

    mutating func uint64() throws(IndexCacheFormatError) -> UInt64 {
        guard offset + 8 <= buffer.count else { throw failure("unexpected end of file") }
        defer { offset += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    mutating func string() throws(IndexCacheFormatError) -> String {
        let count = try varint()
        guard count >= 0, offset + count <= buffer.count else { throw failure("string runs past the end of the file") }
        defer { offset += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)]), as: UTF8.self)
    }

    mutating func optionalString() throws(IndexCacheFormatError) -> String? {
        try flag() ? try string() : nil
    }

    mutating func strings() throws(IndexCacheFormatError) -> [String] {
        let count = try varint()
        guard count >= 0, count <= buffer.count - offset else { throw failure("invalid list length") }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func date() throws(IndexCacheFormatError) -> Date {
        Date(timeIntervalSince1970: Double(bitPattern: try uint64()))
    }

    mutating func optionalDate() throws(IndexCacheFormatError) -> Date? {
        try flag() ? try date() : nil
    }

    mutating func oid() throws(IndexCacheFormatError) -> GitOID {
        guard offset + 20 <= buffer.count else { throw failure("unexpected end of file") }
        var raw = git_oid()
        withUnsafeMutableBytes(of: &raw.id) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + 20)]))
        }
        offset += 20
        return GitOID(raw)
    }

    /// A raw value of `T`, failing when the text is not one of its cases.
    mutating func enumValue<T: RawRepresentable>(_ type: T.Type) throws(IndexCacheFormatError) -> T
    where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else { throw failure("unknown \(T.self) '\(text)'") }
        return value
    }
}
