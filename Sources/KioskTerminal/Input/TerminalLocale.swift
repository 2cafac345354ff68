import Foundation

/// The locale readline needs to edit multi-byte characters.
enum TerminalLocale {
    /// Uses the environment's locale when its codeset is UTF-8, and C.UTF-8 otherwise: without a
    /// UTF-8 codeset readline edits "é" one byte at a time and corrupts it.
    static func ensureUTF8() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_ALL, "C.UTF-8")
        }
    }
}
