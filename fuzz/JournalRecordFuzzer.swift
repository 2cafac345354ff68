// libFuzzer harness for the journal reader: JournalRecordCoder.decode of one line, and the
// streaming JournalReader over the same bytes written to a temporary file.
// Invariants checked besides "no crash": a decoded record encodes to a line that decodes to
// the same record; the reader accounts for at most one record or problem per line.
import Foundation
import KioskCore

private let journalPath: String = {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("kiosk-fuzz-journal-\(getpid()).jsonl").path
    atexit { unlink(FileManager.default.temporaryDirectory
        .appendingPathComponent("kiosk-fuzz-journal-\(getpid()).jsonl").path) }
    return path
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let record = try? JournalRecordCoder.decode(bytes) {
        var line = JournalRecordCoder.encode(record)
        precondition(line.last == UInt8(ascii: "\n"), "an encoded record does not end in a line feed")
        line.removeLast()
        precondition(!line.contains(UInt8(ascii: "\n")), "an encoded record spans lines")
        do {
            let again = try JournalRecordCoder.decode(line)
            precondition(again == record, "round trip changed the record")
        } catch {
            preconditionFailure("an encoded record does not decode: \(error)")
        }
    }

    // The same bytes as a whole journal, read in small chunks with a small line limit so that
    // lines straddle chunks and some are too long; the first byte picks the sizes.
    let chunkBytes = 1 + Int(bytes.first ?? 0) % 64
    guard FileManager.default.createFile(atPath: journalPath, contents: Data(bytes)) else {
        preconditionFailure("cannot write \(journalPath)")
    }
    let reader = JournalReader(paths: [journalPath], maximumLineBytes: 1024, maximumStoredReports: 4, chunkBytes: chunkBytes)
    do {
        var delivered = 0
        let summary = try reader.forEachRecord { _ in delivered += 1 }
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        precondition(delivered == summary.recordCount, "records delivered and counted differ")
        precondition(summary.recordCount + summary.problemCount + summary.duplicateCount <= lines,
                     "more records and problems than lines")
    } catch {
        preconditionFailure("reading a regular file failed: \(error)")
    }
    return 0
}
