import Foundation
import KioskTestSupport
import Testing

/// A journal on a filesystem with no room left.
@Suite struct FullDiskTests {
    @Test func aFullFilesystemLeavesTheJournalAsItWasAndSaysSo() throws {
        let fixture = try KioskFixture()
        defer { fixture.directory.remove() }
        let mountPoint = fixture.directory.path("small-disk")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
        let answers = "\n9\nstill here\n1\n\n"
        guard mount("tmpfs", mountPoint, "tmpfs", 0, "size=64k") == 0 else {
            // Without permission to mount, /dev/full is the same fault: every write fails with ENOSPC.
            let run = try KioskBinary.runPiped(
                ["run", fixture.questionnairePath, "--journal", "/dev/full"], input: answers, environment: fixture.environment())
            #expect(run.status == 1)
            #expect(run.standardOutput.contains("your answers could not be saved"))
            return
        }
        defer { umount(mountPoint) }

        // The journal fills its pages exactly, and a filler takes every page left, so the next
        // append needs a page the filesystem does not have.
        let journal = mountPoint + "/journal.jsonl"
        let before = String(repeating: "x", count: 4095) + "\n"
        try before.write(toFile: journal, atomically: false, encoding: .utf8)
        let filler = open(mountPoint + "/filler", O_WRONLY | O_CREAT, 0o600)
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ write(filler, $0.baseAddress, $0.count) }) > 0 {}
        #expect(errno == ENOSPC)
        close(filler)

        let run = try KioskBinary.runPiped(
            ["run", fixture.questionnairePath, "--journal", journal], input: answers, environment: fixture.environment())
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("your answers could not be saved"))
        #expect(run.standardOutput.contains("No space left on device") || run.standardOutput.contains("disk full"),
                "\(run.standardOutput)")
        #expect(try String(contentsOfFile: journal, encoding: .utf8) == before, "byte for byte as it was")
    }
}
