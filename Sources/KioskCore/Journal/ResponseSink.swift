/// Where finished responses go: the journal on disk, or nowhere for `--dry-run`.
///
/// The interview is written against this protocol so tests and dry runs never touch the disk.
public protocol ResponseSink: AnyObject {
    /// A description of the destination for messages ("/var/lib/kiosk/journal.jsonl").
    var destinationDescription: String { get }
    /// Stores one record durably, or throws without leaving any part of it behind.
    func append(_ record: JournalRecord) throws
}
