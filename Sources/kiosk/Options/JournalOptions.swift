import ArgumentParser
import Foundation
import KioskCore

/// The journals a reading command looks at: the paths given, or the default journal.
struct JournalOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Journal files to read, in order; a record seen in an earlier file wins over a later copy.",
            discussion: "Default: $KIOSK_JOURNAL, else $XDG_DATA_HOME/kiosk/journal.jsonl, "
                + "else ~/.local/share/kiosk/journal.jsonl.",
            valueName: "journal"))
    var journals: [String] = []

    /// The paths to read: those given, or the default journal.
    func resolvedPaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        journals.isEmpty ? [JournalLocation.defaultPath(environment: environment)] : journals
    }
}
