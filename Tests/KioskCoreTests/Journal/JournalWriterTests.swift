import Foundation
import KioskCore
import KioskTestSupport
import Testing

@Suite struct JournalWriterTests {
    @Test func createsTheFileWithMode0600AndWritesOneLinePerRecord() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        let writer = try JournalWriter(path: path)
        let first = JournalFixtures.record(id: "a")
        let second = JournalFixtures.record(id: "b", session: "s")
        try writer.append(first)
        try writer.append(second)

        var status = stat()
        #expect(stat(path, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        let expected = JournalRecordCoder.encode(first) + JournalRecordCoder.encode(second)
        #expect(try JournalFixtures.contents(of: path) == expected)
        #expect(writer.destinationDescription == path)
    }

    @Test func twoWritersAppendWithoutOverwritingEachOther() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        let kioskA = try JournalWriter(path: path)
        let kioskB = try JournalWriter(path: path)
        for index in 0..<5 {
            try kioskA.append(JournalFixtures.record(id: "a\(index)"))
            try kioskB.append(JournalFixtures.record(id: "b\(index)"))
        }
        let (records, summary) = try readAll([path])
        #expect(records.map(\.id) == ["a0", "b0", "a1", "b1", "a2", "b2", "a3", "b3", "a4", "b4"])
        #expect(summary.problemCount == 0)
    }

    @Test func aWriteOverTheFileSizeLimitIsUndoneAndReported() throws {
        JournalWriter.ignoreFileSizeSignal()
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        let writer = try JournalWriter(path: path)
        try writer.append(JournalFixtures.record(id: "kept"))
        // The limit applies to every file this process writes, so the journal is made large
        // (sparse) first: other tests running in parallel write far smaller files.
        let padding = open(path, O_WRONLY)
        #expect(padding >= 0)
        #expect(ftruncate(padding, 32 << 20) == 0)
        close(padding)
        let before = try JournalFixtures.contents(of: path)

        var saved = rlimit()
        #expect(getrlimit(RLIMIT_FSIZE_VALUE, &saved) == 0)
        var limited = saved
        limited.rlim_cur = rlim_t(before.count + 10)
        #expect(setrlimit(RLIMIT_FSIZE_VALUE, &limited) == 0)
        let error = #expect(throws: JournalError.self) {
            try writer.append(JournalFixtures.record(id: "lost", answers: [("reason", .text(String(repeating: "x", count: 500)))]))
        }
        #expect(setrlimit(RLIMIT_FSIZE_VALUE, &saved) == 0)

        #expect(error?.kind == .notSaved)
        #expect(error?.path == path)
        #expect(error?.message.contains("left as it was") == true)
        #expect(try JournalFixtures.contents(of: path) == before)
        // The writer still works once there is room again.
        try writer.append(JournalFixtures.record(id: "later"))
    }

    @Test func aMissingFolderIsRefusedAtOpening() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("missing/journal.jsonl")
        let error = #expect(throws: JournalError.self) { try JournalWriter(path: path) }
        #expect(error?.kind == .cannotOpen)
        #expect(error?.description.hasPrefix("\(path): error: the folder '\(directory.path("missing"))' does not exist") == true)
        #expect(error?.message.contains("mkdir -p") == true)
    }

    @Test func aFolderIsRefusedAsAJournal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = #expect(throws: JournalError.self) { try JournalWriter(path: directory.url.path) }
        #expect(error?.message.contains("is a folder, not a file") == true)
    }

    @Test func anUnwritableFolderIsRefusedAtOpening() throws {
        let directory = try TemporaryDirectory()
        defer {
            chmod(directory.url.path, 0o700)
            directory.remove()
        }
        // Root may write into any folder whatever its mode, but sysfs refuses to create files
        // even for root; CI runs as root, so the test must not depend on file modes alone.
        let path: String
        if geteuid() == 0 {
            path = "/sys/kiosk-journal-test.jsonl"
        } else {
            #expect(chmod(directory.url.path, 0o500) == 0)
            path = directory.path("journal.jsonl")
        }
        let error = #expect(throws: JournalError.self) { try JournalWriter(path: path) }
        #expect(error?.path == path)
        #expect(error?.message.contains("permission denied") == true)
    }

    @Test func dryRunStoresNothing() {
        let sink = DryRunSink()
        sink.append(JournalFixtures.record())
        #expect(sink.discardedCount == 1)
        #expect(sink.destinationDescription.contains("dry run"))
    }
}

@Suite struct JournalLocationTests {
    @Test func explicitThenXDGThenHome() {
        #expect(JournalLocation.defaultPath(environment: ["KIOSK_JOURNAL": "/j.jsonl", "HOME": "/h"]) == "/j.jsonl")
        #expect(JournalLocation.defaultPath(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/kiosk/journal.jsonl")
        #expect(JournalLocation.defaultPath(environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"])
            == "/h/.local/share/kiosk/journal.jsonl")
        #expect(JournalLocation.defaultPath(environment: ["HOME": "/h"]) == "/h/.local/share/kiosk/journal.jsonl")
    }

    @Test func createsOnlyTheAutomaticFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try JournalLocation.createDefaultFolder(environment: ["HOME": directory.url.path])
        var status = stat()
        #expect(stat(directory.path(".local/share/kiosk"), &status) == 0)
        #expect(status.st_mode & 0o777 == 0o700)
        _ = try JournalWriter(path: path)

        let explicit = directory.path("chosen/journal.jsonl")
        #expect(try JournalLocation.createDefaultFolder(environment: ["KIOSK_JOURNAL": explicit]) == explicit)
        #expect(stat(directory.path("chosen"), &status) != 0)
    }
}

#if canImport(Glibc)
// Glibc imports RLIMIT_FSIZE as an enum case; setrlimit wants its raw value.
private let RLIMIT_FSIZE_VALUE = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#else
private let RLIMIT_FSIZE_VALUE = RLIMIT_FSIZE
#endif

@Suite struct JournalWriterVanishingTests {
    @Test func aJournalDeletedWhileOpenIsRefusedAtTheNextAppend() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        let writer = try JournalWriter(path: path)
        try writer.append(JournalFixtures.record(id: "first"))
        #expect(unlink(path) == 0)
        let error = #expect(throws: JournalError.self) { try writer.append(JournalFixtures.record(id: "second")) }
        #expect(error?.kind == .notSaved)
        #expect(error?.message.contains("the journal file is gone") == true)
        #expect(!FileManager.default.fileExists(atPath: path), "nothing recreated behind the operator's back")
    }

    @Test func aJournalReplacedWhileOpenIsLeftAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("journal.jsonl")
        let writer = try JournalWriter(path: path)
        #expect(rename(path, directory.path("archived.jsonl")) == 0)
        try "someone else's file\n".write(toFile: path, atomically: false, encoding: .utf8)
        let error = #expect(throws: JournalError.self) { try writer.append(JournalFixtures.record()) }
        #expect(error?.message.contains("is no longer the file this kiosk opened") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "someone else's file\n")
        #expect(try String(contentsOfFile: directory.path("archived.jsonl"), encoding: .utf8).isEmpty)
    }
}
