import CMicroHTTPD

extension HTTPDaemon {
    /// Calls `MHD_start_daemon_va` with the options as an `MHD_OPTION_ARRAY`, because Swift cannot call
    /// the variadic `MHD_start_daemon`.
    static func start(
        _ configuration: HTTPServer.Configuration,
        _ socket: HTTPListenSocket,
        _ context: UnsafeMutableRawPointer
    ) -> OpaquePointer? {
        let flags = [MHD_USE_INTERNAL_POLLING_THREAD, MHD_USE_EPOLL, MHD_USE_ITC, MHD_USE_ERROR_LOG]
            .reduce(UInt32(0)) { $0 | $1.rawValue }
        var items = options(configuration, socket, context)
        return items.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            let arguments: [any CVarArg] = [Int32(MHD_OPTION.ARRAY.rawValue), base, Int32(MHD_OPTION.END.rawValue)]
            return withVaList(arguments) { list in
                MHD_start_daemon_va(
                    flags,
                    0,
                    HTTPDaemonCallbacks.acceptPolicy,
                    context,
                    HTTPDaemonCallbacks.accessHandler,
                    context,
                    list
                )
            }
        }
    }

    /// Builds the option array, with the logger first so that it also receives start-up messages.
    private static func options(
        _ configuration: HTTPServer.Configuration,
        _ socket: HTTPListenSocket,
        _ context: UnsafeMutableRawPointer
    ) -> [MHD_OptionItem] {
        var items = [
            item(.EXTERNAL_LOGGER, unsafeBitCast(HTTPDaemonCallbacks.log, to: Int.self), context),
            item(.LISTEN_SOCKET, Int(socket.descriptor)),
            item(.CONNECTION_TIMEOUT, configuration.connectionTimeoutSeconds),
            item(.CONNECTION_MEMORY_LIMIT, configuration.connectionMemoryLimitBytes),
            item(.NOTIFY_COMPLETED, unsafeBitCast(HTTPDaemonCallbacks.requestCompleted, to: Int.self), context),
            item(.NOTIFY_CONNECTION, unsafeBitCast(HTTPDaemonCallbacks.connectionNotification, to: Int.self), context),
            item(.UNESCAPE_CALLBACK, unsafeBitCast(HTTPDaemonCallbacks.keepEncoded, to: Int.self)),
        ]
        if configuration.threadPoolSize > 1 {
            items.append(item(.THREAD_POOL_SIZE, configuration.threadPoolSize))
        }
        if let maxConnections = configuration.maxConnections {
            items.append(item(.CONNECTION_LIMIT, maxConnections))
        }
        items.append(item(.END, 0))
        return items
    }

    private static func item(
        _ option: MHD_OPTION,
        _ value: Int,
        _ pointer: UnsafeMutableRawPointer? = nil
    ) -> MHD_OptionItem {
        MHD_OptionItem(option: option, value: value, ptr_value: pointer)
    }
}
