import CMicroHTTPD
import Foundation
import Synchronization

/// Remembers each connection's client address.
///
/// libmicrohttpd 0.9.75 exposes the address of a connection only through the variadic
/// `MHD_get_connection_info`, which Swift cannot call. The accept-policy callback does receive the address,
/// and libmicrohttpd calls it and then the connection-started notification on the same thread for the same
/// socket (`internal_add_connection` in daemon.c), so the address is parked per thread in between.
final class HTTPPeerAddressTable: Sendable {
    private struct Entries {
        var pendingByThread: [UInt: String] = [:]
        var byConnection: [UInt: String] = [:]
    }

    private let entries = Mutex(Entries())

    /// Records the address that the accept-policy callback received on the current thread.
    func noteAccepted(_ address: UnsafePointer<sockaddr>, length: socklen_t) {
        let text = Self.numericHost(address, length: length)
        let thread = UInt(pthread_self())
        entries.withLock { $0.pendingByThread[thread] = text }
    }

    /// Attaches the address parked by this thread to `connection`.
    func connectionStarted(_ connection: OpaquePointer) {
        let thread = UInt(pthread_self())
        let key = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
        entries.withLock { $0.byConnection[key] = $0.pendingByThread.removeValue(forKey: thread) }
    }

    /// Forgets `connection` once it is closed.
    func connectionClosed(_ connection: OpaquePointer) {
        let key = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
        _ = entries.withLock { $0.byConnection.removeValue(forKey: key) }
    }

    /// Returns the client address of `connection`, or nil when it was not recorded.
    func address(of connection: OpaquePointer) -> String? {
        let key = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(connection)))
        return entries.withLock { $0.byConnection[key] }
    }

    private static func numericHost(_ address: UnsafePointer<sockaddr>, length: socklen_t) -> String? {
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        let result = getnameinfo(address, length, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
        guard result == 0 else { return nil }
        return String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
