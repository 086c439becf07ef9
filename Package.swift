// swift-tools-version:6.0
import PackageDescription

/// Each C library comes from Debian through a system library target; nothing is vendored.
let cLibraries: [Target] = [
    .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
    .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
    .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    .systemLibrary(name: "CCmark", pkgConfig: "libcmark-gfm", providers: [.apt(["libcmark-gfm-dev"])]),
    .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
    .systemLibrary(name: "CGMime", pkgConfig: "gmime-3.0", providers: [.apt(["libgmime-3.0-dev"])]),
    .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
]

let package = Package(
    name: "FlatDesk",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FlatDesk", targets: ["FlatDesk"]),
        .executable(name: "flatdesk", targets: ["flatdesk-cli"]),
    ],
    targets: cLibraries + [
        .target(
            name: "FlatDesk",
            dependencies: ["CGit2", "CMicroHTTPD", "CCurl", "CCmark", "CSodium", "CGMime", "CSQLite"]
        ),
        .executableTarget(name: "flatdesk-cli", dependencies: ["FlatDesk"]),
        .testTarget(
            name: "FlatDeskTests", dependencies: ["FlatDesk"],
            exclude: ["Net/smtp_test_server.py", "Net/http_test_server.py"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
