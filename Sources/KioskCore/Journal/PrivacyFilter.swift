/// Everything free text goes through before it is shown on the review screen or stored: the
/// ``Scrubber`` (contact and payment details, control characters) and, when a roster is given,
/// the ``NameRedactor``.
public struct PrivacyFilter: Sendable, Equatable {
    /// Names to replace with `[name]`; empty when no list was given.
    public var names: NameRedactor

    /// A filter that also redacts `names`.
    public init(names: NameRedactor = NameRedactor(names: [])) {
        self.names = names
    }

    /// The text as it may be stored.
    public func clean(_ text: String) -> String {
        // Names after the scrubber: an address like jane.doe@example.com is one [email], not
        // "[name].doe@example.com" with the rest left to chance.
        names.redact(Scrubber.scrub(text))
    }
}
