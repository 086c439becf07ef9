import CCurl

/// A `curl_slist` (header lines, mail recipients), freed with `curl_slist_free_all` in `deinit`.
final class CurlStringList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    init(_ items: [String]) throws(CurlFailure) {
        for item in items {
            // curl_slist_append copies the string and returns NULL, keeping the old list, when out of memory.
            guard let appended = curl_slist_append(head, item) else {
                throw CurlFailure(function: "curl_slist_append", code: Int(CURLE_OUT_OF_MEMORY.rawValue), detail: "")
            }
            head = appended
        }
    }

    deinit {
        curl_slist_free_all(head)
    }
}
