import Foundation

/// A bound, listening TCP socket that libmicrohttpd receives through `MHD_OPTION_LISTEN_SOCKET`.
///
/// Opening the socket here, rather than letting libmicrohttpd bind, gives the port chosen for port 0
/// through `getsockname` without the variadic `MHD_get_daemon_info`, which Swift cannot call.
final class HTTPListenSocket {
    let descriptor: Int32
    /// The bound port; differs from the requested one when that was 0.
    let port: Int
    let isIPv6: Bool
    private var ownsDescriptor = true

    /// Creates, binds and listens on a socket for `host` and `port`.
    /// - Throws: `HTTPServerError.invalidHost` or `.socketCallFailed` naming the failed call.
    init(host: String, port: Int) throws(HTTPServerError) {
        var address = try Self.socketAddress(host: host, port: port)
        let family = Int32(address.ss_family)
        let flags = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        let descriptor = socket(family, flags, 0)
        let check = SocketCheck(host: host, port: port)
        try check(descriptor, "socket")
        do {
            try Self.configure(descriptor, family: family, check: check)
            try check(Self.bind(descriptor, &address), "bind")
            try check(listen(descriptor, SOMAXCONN), "listen")
            self.port = try Self.boundPort(descriptor, check: check)
        } catch {
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        self.isIPv6 = family == AF_INET6
    }

    /// Hands the descriptor to libmicrohttpd, which closes it from then on.
    func handOver() {
        ownsDescriptor = false
    }

    deinit {
        if ownsDescriptor {
            close(descriptor)
        }
    }
}

/// Turns a `-1` socket call result into `HTTPServerError.socketCallFailed` with `errno`.
struct SocketCheck {
    let host: String
    let port: Int

    func callAsFunction(_ result: Int32, _ function: String) throws(HTTPServerError) {
        guard result == -1 else { return }
        throw .socketCallFailed(function: function, host: host, port: port, errno: errno)
    }
}

extension HTTPListenSocket {
    private static func socketAddress(host: String, port: Int) throws(HTTPServerError) -> sockaddr_storage {
        var storage = sockaddr_storage()
        let isIPv4 = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
                ipv4.pointee.sin_family = sa_family_t(AF_INET)
                ipv4.pointee.sin_port = in_port_t(UInt16(port).bigEndian)
                return inet_pton(AF_INET, host, &ipv4.pointee.sin_addr) == 1
            }
        }
        if isIPv4 {
            return storage
        }
        storage = sockaddr_storage()
        let isIPv6 = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { ipv6 in
                ipv6.pointee.sin6_family = sa_family_t(AF_INET6)
                ipv6.pointee.sin6_port = in_port_t(UInt16(port).bigEndian)
                return inet_pton(AF_INET6, host, &ipv6.pointee.sin6_addr) == 1
            }
        }
        guard isIPv6 else { throw .invalidHost(host) }
        return storage
    }

    private static func configure(_ descriptor: Int32, family: Int32, check: SocketCheck) throws(HTTPServerError) {
        var enabled: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        try check(setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &enabled, size), "setsockopt(SO_REUSEADDR)")
        if family == AF_INET6 {
            try check(
                setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &enabled, size), "setsockopt(IPV6_V6ONLY)")
        }
    }

    private static func bind(_ descriptor: Int32, _ address: inout sockaddr_storage) -> Int32 {
        let length = socklen_t(
            Int32(address.ss_family) == AF_INET6 ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size
        )
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(descriptor, $0, length) }
        }
    }

    private static func boundPort(_ descriptor: Int32, check: SocketCheck) throws(HTTPServerError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        try check(result, "getsockname")
        return withUnsafeBytes(of: &storage) { raw in
            // sin_port and sin6_port sit at the same offset, right after the family.
            Int(UInt16(bigEndian: raw.load(fromByteOffset: 2, as: UInt16.self)))
        }
    }
}
