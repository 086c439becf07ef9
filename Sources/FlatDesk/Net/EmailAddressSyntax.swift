/// Syntax check for addresses that FlatDesk puts in an SMTP envelope or a mail header.
enum EmailAddressSyntax {
    /// Accepts `local@domain` of at most 254 bytes: a dot-atom local part (RFC 5322 `atext` and dots) and a
    /// domain of letters, digits, hyphens and dots.
    /// NOTE: quoted local parts, address literals and non-ASCII addresses (SMTPUTF8) are rejected.
    static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard bytes.count <= 254, let at = bytes.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        return isDotAtom(local, allowed: isAtext) && isDotAtom(domain, allowed: isDomainCharacter)
    }

    private static func isDotAtom(_ part: ArraySlice<UInt8>, allowed: (UInt8) -> Bool) -> Bool {
        guard let first = part.first, let last = part.last, first != UInt8(ascii: "."), last != UInt8(ascii: ".")
        else { return false }
        var previous: UInt8 = 0
        for byte in part {
            if byte == UInt8(ascii: ".") {
                if previous == byte { return false }
            } else if !allowed(byte) {
                return false
            }
            previous = byte
        }
        return true
    }

    private static func isAtext(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
    }

    private static func isDomainCharacter(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-")
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
