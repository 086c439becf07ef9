import CCmark
import CCurl
import CGMime
import CGit2
import CMicroHTTPD
import CSQLite
import CSodium

/// Versions of the C libraries FlatDesk links, as each library reports them at run time.
public enum CLibraryVersions {
    public static func all() -> [String: String] {
        var major: Int32 = 0
        var minor: Int32 = 0
        var revision: Int32 = 0
        git_libgit2_version(&major, &minor, &revision)
        return [
            "libgit2": "\(major).\(minor).\(revision)",
            "libmicrohttpd": String(cString: MHD_get_version()),
            "libcurl": String(cString: curl_version()),
            "cmark-gfm": String(cString: cmark_version_string()),
            "libsodium": String(cString: sodium_version_string()),
            "gmime": "\(gmime_major_version).\(gmime_minor_version).\(gmime_micro_version)",
            "sqlite": String(cString: sqlite3_libversion()),
        ]
    }
}
