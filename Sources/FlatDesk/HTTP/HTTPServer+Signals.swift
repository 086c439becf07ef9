import Dispatch
import Foundation
import Synchronization

extension HTTPServer {
    /// Blocks until one of `signals` arrives, then stops the server gracefully and returns the signal.
    ///
    /// The signals are first ignored and then observed with `DispatchSource` signal sources, so their
    /// default action (ending the process) does not run. Once the first signal arrives, the previous
    /// dispositions are restored before stopping. In a process that had the defaults, a second Ctrl-C
    /// during a slow shutdown therefore ends the process at once.
    /// - Parameter signals: the signals to wait for; SIGINT and SIGTERM by default.
    /// - Returns: the signal number that arrived.
    @discardableResult
    public func runUntilSignal(_ signals: [Int32] = [SIGINT, SIGTERM]) -> Int32 {
        let received = HTTPSignalLatch()
        let queue = DispatchQueue(label: "flatdesk.http.signals")
        let previous = signals.map { signal($0, SIG_IGN) }
        let sources = signals.map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { received.fire(number) }
            source.resume()
            return source
        }
        let number = received.wait()
        for source in sources {
            source.cancel()
        }
        for (number, handler) in zip(signals, previous) {
            signal(number, handler)
        }
        logger.info("signal received, stopping the HTTP server", ["signal": String(number)])
        stop()
        return number
    }
}

/// Passes the first signal number from the signal queue to the waiting thread.
private final class HTTPSignalLatch: Sendable {
    private let number = Mutex<Int32?>(nil)
    private let semaphore = DispatchSemaphore(value: 0)

    func fire(_ signal: Int32) {
        let isFirst = number.withLock { stored in
            guard stored == nil else { return false }
            stored = signal
            return true
        }
        if isFirst {
            semaphore.signal()
        }
    }

    func wait() -> Int32 {
        semaphore.wait()
        return number.withLock { $0 } ?? 0
    }
}
