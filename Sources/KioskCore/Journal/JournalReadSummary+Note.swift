extension JournalReadSummary {
    /// "note: skipped 3 damaged lines; ..." for commands that read past damage, or `nil` when
    /// every line was whole.
    public var skippedLinesNote: String? {
        guard problemCount > 0 else { return nil }
        return "note: skipped \(problemCount) damaged line\(problemCount == 1 ? "" : "s"); 'kiosk check' lists them"
    }
}
