import Foundation
import Synchronization

extension HTTPServer {
    /// Stops the server gracefully: stops accepting connections, waits for requests in progress, then
    /// closes every connection and ends the worker threads.
    ///
    /// Responses sent while stopping carry `Connection: close`. A handler still running when the timeout
    /// passes cannot be interrupted, so `stop()` returns only after it has returned. Must not be called
    /// from a handler, because it waits for the worker threads, including the caller's own.
    /// - Parameter timeoutSeconds: how long to wait for requests in progress before closing their
    ///   connections; nil uses `configuration.shutdownTimeoutSeconds`.
    public func stop(timeoutSeconds: Double? = nil) {
        stopping.withLock { _ in
            guard let daemon = runningDaemon() else { return }
            core.isStopping.store(true, ordering: .sequentiallyConsistent)
            daemon.quiesce()
            let inProgress = core.requestsInProgress.load(ordering: .relaxed)
            logger.info("HTTP server stopping", ["http.requests_in_progress": String(inProgress)])
            let drained = waitForRequestsInProgress(timeoutSeconds ?? configuration.shutdownTimeoutSeconds)
            daemon.stop()
            markStopped()
            let left = core.requestsInProgress.load(ordering: .relaxed)
            if drained {
                logger.info("HTTP server stopped")
            } else {
                logger.warning("HTTP server stopped before requests finished", ["http.requests_cut_off": String(left)])
            }
        }
    }

    /// Waits until no request is in progress or `timeoutSeconds` have passed; returns false on timeout.
    private func waitForRequestsInProgress(_ timeoutSeconds: Double) -> Bool {
        let deadline = HTTPClock.nanoseconds() + UInt64(max(0, timeoutSeconds) * 1_000_000_000)
        while core.requestsInProgress.load(ordering: .acquiring) > 0 {
            guard HTTPClock.nanoseconds() < deadline else { return false }
            usleep(10_000)
        }
        return true
    }
}
