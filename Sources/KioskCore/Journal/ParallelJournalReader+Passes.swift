import Foundation

/// Planning the passes over journals too large to de-duplicate in one (see
/// ``ParallelJournalReader``), and telling which pass reads a line in full.
extension ParallelJournalReader {
    /// One pass over the journals: the share of the ids whose records it counts, and whether
    /// it skips the lines of other shares by the id the writer wrote in them.
    struct Pass: Sendable {
        var share: RecordIDSet.Share
        var skipsByWrittenID: Bool

        /// The one pass of journals read at once.
        static let only = Pass(share: .all, skipsByWrittenID: false)

        /// Whether this is the first pass, which reports the damaged lines that no written id
        /// gives to another pass: over-long lines, lines without one, and every line when no
        /// pass skips by it. Each such line is read by every pass but reported once.
        var isFirst: Bool { share.index == 0 }
    }

    /// How many passes reading journals expected to hold `expectedIDs` records takes: enough
    /// that none expects more than ``maximumIDsPerPass``; one when the count is unknown.
    func passCount(expectedIDs: Int?) -> Int {
        guard let expectedIDs, expectedIDs > 0 else { return 1 }
        return (expectedIDs - 1) / maximumIDsPerPass + 1
    }

    /// How many records the journals at `paths` are expected to hold, each file's size over
    /// the bytes per line sampled across it; `nil` when any is not a regular file, such as a
    /// pipe, which can be neither measured nor read twice.
    static func expectedRecordCount(_ paths: [String]) -> Int? {
        var total = 0
        for path in paths {
            guard let size = regularFileSize(path) else { return nil }
            if size > 0 { total += size / sampledRecordBytes(path) }
        }
        return total
    }

    /// The bytes per record of the shipped questionnaires' journals, about 400: what a chunk
    /// is assumed to hold, and the estimate for a file without lines to measure.
    static let typicalRecordBytes = 400

    /// How many windows of how many bytes ``sampledRecordBytes(_:)`` reads, spread evenly
    /// from the file's start to its end.
    static let sampleWindowCount = 8, sampleWindowBytes = 8 << 10

    /// The bytes per line of the whole lines in windows spread across the regular file at
    /// `path` (all of it when it is small) when they hold a few (at least 100 bytes, about the
    /// smallest record), else the typical size. Journals of short records estimated at the
    /// typical size would have had a pass hold several times its share of the ids; so would
    /// a journal whose records shorten along it (one questionnaire's kiosks followed by
    /// another's), were only its start measured.
    static func sampledRecordBytes(_ path: String) -> Int {
        // Only regular files are opened: opening a named pipe would wait for its writer, and
        // closing it again could cost the writer its reader.
        guard regularFileSize(path) ?? 0 > 0 else { return typicalRecordBytes }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return typicalRecordBytes }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return typicalRecordBytes }
        let size = Int(info.st_size)
        let isSmall = size <= sampleWindowCount * sampleWindowBytes
        let windowBytes = isSmall ? size : sampleWindowBytes
        let offsets = isSmall ? [0] : (0..<sampleWindowCount).map { (size - windowBytes) * $0 / (sampleWindowCount - 1) }
        var window = [UInt8](repeating: 0, count: windowBytes)
        var lineBytes = 0, lines = 0
        for offset in offsets {
            let count = window.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
            guard count > 0 else { continue }
            let read = window[..<count]
            // Whole lines only: one that starts before the window or ends after it is left out.
            guard let lastEnd = read.lastIndex(of: 0x0A) else { continue }
            var firstStart = 0
            if offset > 0 {
                guard let firstEnd = read.firstIndex(of: 0x0A), firstEnd < lastEnd else { continue }
                firstStart = firstEnd + 1
            }
            lineBytes += lastEnd + 1 - firstStart
            lines += read[firstStart...lastEnd].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        }
        guard lines >= 16 else { return typicalRecordBytes }
        return max(100, lineBytes / lines)
    }

    /// The size of the regular file at `path`, 0 when it cannot be told (reading reports
    /// why), or `nil` for anything else, such as a pipe.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil
    }

    /// The id the writer wrote in a line, told without decoding it: the writer's lines begin
    /// `{"format":1,"id":"` and a lower-case UUID. `nil` for any other line. A record's id is
    /// that one unless a second member named `id` follows (the last one counts), which the
    /// pass that reads the line in full notices; ``aggregate(_:filter:)`` then reads the
    /// journals again without skipping lines by it.
    static func writtenID(of line: ByteSpan) -> RecordIDSet.Key? {
        let prefix: StaticString = #"{"format":1,"id":""#
        let idStart = prefix.utf8CodeUnitCount, idEnd = idStart + 36
        guard line.count > idEnd, let base = line.baseAddress, base[idEnd] == UInt8(ascii: "\""),
              memcmp(base, prefix.utf8Start, idStart) == 0,
              let (high, low) = RecordIDSet.uuidBits(ByteSpan(start: base + idStart, count: 36))
        else { return nil }
        return .uuid(high, low)
    }
}
