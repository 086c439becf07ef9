import CMicroHTTPD
import Foundation

/// The C callbacks given to libmicrohttpd; each receives the retained `HTTPServerCore` as its closure
/// argument and forwards to it.
enum HTTPDaemonCallbacks {
    typealias UnescapeCallback =
        @convention(c) (
            UnsafeMutableRawPointer?, OpaquePointer?, UnsafeMutablePointer<CChar>?
        ) -> Int

    static let accessHandler: MHD_AccessHandlerCallback = { cls, connection, url, method, _, upload, size, context in
        guard let cls, let connection, let url, let method, let size, let context else { return .NO }
        return core(cls).handle(
            connection,
            method: String(cString: method),
            rawPath: String(cString: url),
            upload: upload,
            uploadSize: size,
            context: context
        )
    }

    static let requestCompleted: MHD_RequestCompletedCallback = { cls, _, context, code in
        guard let cls else { return }
        core(cls).complete(context, code)
    }

    static let acceptPolicy: MHD_AcceptPolicyCallback = { cls, address, length in
        if let cls, let address {
            core(cls).peers.noteAccepted(address, length: length)
        }
        return .YES
    }

    static let connectionNotification: MHD_NotifyConnectionCallback = { cls, connection, _, code in
        guard let cls, let connection else { return }
        switch code {
        case .CONNECTION_NOTIFY_STARTED: core(cls).peers.connectionStarted(connection)
        case .CONNECTION_NOTIFY_CLOSED: core(cls).peers.connectionClosed(connection)
        @unknown default: break
        }
    }

    /// Leaves the path and query arguments percent-encoded, so that the path check can reject encoded
    /// traversal such as `%2e%2e` and `%2f`; the server decodes them afterwards.
    static let keepEncoded: UnescapeCallback = { _, _, text in
        text.map { strlen($0) } ?? 0
    }

    /// Formats a libmicrohttpd diagnostic and writes it to the server's logger as a warning.
    static let log: MHD_LogCallback = { cls, format, arguments in
        guard let cls, let format, let arguments else { return }
        var buffer = [CChar](repeating: 0, count: 512)
        _ = vsnprintf(&buffer, buffer.count, format, arguments)
        let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let trimmed = message.trimmingCharacters(in: .whitespacesAndNewlines)
        core(cls).logger.warning("libmicrohttpd: \(trimmed)")
    }

    private static func core(_ pointer: UnsafeMutableRawPointer) -> HTTPServerCore {
        Unmanaged<HTTPServerCore>.fromOpaque(pointer).takeUnretainedValue()
    }
}
