import Foundation

/// Appends the binary fields of the index cache: little-endian integers, LEB128 lengths, UTF-8 strings.
struct IndexCacheWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func varint(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        varint(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optionalString(_ value: String?) {
        guard let value else { return byte(0) }
        byte(1)
        string(value)
    }

    mutating func strings(_ values: [String]) {
        varint(values.count)
        for value in values { string(value) }
    }

    /// Appends a time as the bit pattern of its seconds since 1970, so that it reads back exactly.
    mutating func date(_ value: Date) {
        uint64(value.timeIntervalSince1970.bitPattern)
    }

    mutating func optionalDate(_ value: Date?) {
        guard let value else { return byte(0) }
        byte(1)
        date(value)
    }

    mutating func oid(_ value: GitOID) {
        withUnsafeBytes(of: value.raw.id) { bytes.append(contentsOf: $0) }
    }

    /// Overwrites eight bytes at `offset`, for header fields known only at the end.
    mutating func patchUInt64(_ value: UInt64, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (index, byte) in raw.enumerated() { bytes[offset + index] = byte }
        }
    }
}
