import Foundation

/// Where the journal lives when the user does not say.
///
/// `KIOSK_JOURNAL` when set; otherwise `$XDG_DATA_HOME/kiosk/journal.jsonl`; otherwise
/// `$HOME/.local/share/kiosk/journal.jsonl` (the XDG default); with no home at all,
/// `journal.jsonl` in the current folder.
public enum JournalLocation {
    /// The default journal path for this environment.
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = environment["KIOSK_JOURNAL"], !explicit.isEmpty { return explicit }
        return automaticPath(environment: environment)
    }

    /// The path used when neither `--journal` nor `KIOSK_JOURNAL` is given.
    static func automaticPath(environment: [String: String]) -> String {
        // The XDG spec says relative values are invalid and must be ignored.
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return dataHome + "/kiosk/journal.jsonl"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.local/share/kiosk/journal.jsonl"
        }
        return "journal.jsonl"
    }

    /// Creates the folder of the automatic location (mode 0700, and any missing parents) when
    /// `KIOSK_JOURNAL` is not set. A path the user chose, by `--journal` or `KIOSK_JOURNAL`, is
    /// never created: a typo should be an error, not a journal in a surprising place.
    ///
    /// - Returns: The default path, as ``defaultPath(environment:)``.
    @discardableResult
    public static func createDefaultFolder(environment: [String: String]) throws(JournalError) -> String {
        let path = defaultPath(environment: environment)
        guard environment["KIOSK_JOURNAL"].map(\.isEmpty) ?? true else { return path }
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return path }
        var prefix = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw JournalError(
                    kind: .cannotOpen, path: path,
                    message: "cannot create the folder '\(prefix)': \(JournalError.describe(errno: errno)); "
                        + "create it yourself or choose a journal with --journal or KIOSK_JOURNAL")
            }
        }
        return path
    }
}
