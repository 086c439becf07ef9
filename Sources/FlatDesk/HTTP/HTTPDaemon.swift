import CMicroHTTPD
import Foundation
import Synchronization

/// A running libmicrohttpd daemon; stops it on `stop()` or when released.
///
/// The daemon keeps the `HTTPServerCore` retained once, as the closure argument of its callbacks, and
/// releases it once after `MHD_stop_daemon` has returned, when no callback can run any more.
final class HTTPDaemon: Sendable {
    private struct Handle: @unchecked Sendable {
        // The MHD_Daemon pointer; the libmicrohttpd calls made on it here may come from any thread.
        let pointer: OpaquePointer
    }

    private struct Shutdown {
        var listenDescriptor: Int32 = -1
        var isStopped = false
    }

    private let handle: Handle
    private let core: Unmanaged<HTTPServerCore>
    private let shutdown = Mutex(Shutdown())

    /// Starts libmicrohttpd on `socket`, which it owns from then on.
    /// - Throws: `HTTPServerError.daemonStartFailed` when `MHD_start_daemon_va` returns NULL.
    init(core: HTTPServerCore, socket: HTTPListenSocket) throws(HTTPServerError) {
        let retained = Unmanaged.passRetained(core)
        // NOTE: libmicrohttpd closes the listening socket on some start-up failure paths and not on others,
        // so after a failed start this code does not close it. A leaked descriptor is safer than a double close.
        socket.handOver()
        guard let pointer = Self.start(core.configuration, socket, retained.toOpaque()) else {
            retained.release()
            throw .daemonStartFailed(host: core.configuration.host, port: socket.port)
        }
        self.handle = Handle(pointer: pointer)
        self.core = retained
    }

    deinit {
        stop()
    }

    /// Stops accepting connections; connections already open keep being served.
    func quiesce() {
        let descriptor = MHD_quiesce_daemon(handle.pointer)
        shutdown.withLock { $0.listenDescriptor = descriptor }
    }

    /// Closes every connection, waits for the worker threads to end, then closes the listening socket
    /// if `quiesce()` handed it back. Calls after the first do nothing.
    func stop() {
        let descriptor = shutdown.withLock { state -> Int32? in
            guard !state.isStopped else { return nil }
            state.isStopped = true
            return state.listenDescriptor
        }
        guard let descriptor else { return }
        MHD_stop_daemon(handle.pointer)
        if descriptor >= 0 {
            close(descriptor)
        }
        core.release()
    }
}
