import Foundation
import KioskCore
import KioskTestSupport
import Testing

@Suite struct NameRedactorTests {
    private let roster = NameRedactor(names: ["Jane Doe", "Jane", "Ørjan Ås", "  ", "Bob"])

    @Test func listedNamesBecomeNameAsWholeWordsIgnoringCaseAccentsAndSpacing() {
        #expect(roster.redact("Ask Jane Doe in billing") == "Ask [name] in billing")
        #expect(roster.redact("JANE  doe said no") == "[name] said no")
        #expect(roster.redact("Jané was kind") == "[name] was kind")
        #expect(roster.redact("ØRJAN as runs the shift") == "[name] runs the shift")
        #expect(roster.redact("Jane's team, and bob.") == "[name]'s team, and [name].")
    }

    @Test func partsOfOtherWordsAreLeftAlone() {
        // "jane-doe" is not "Jane Doe" (only white space joins a name's words), but "jane" is listed.
        #expect(roster.redact("Janet and Bobby use the jane-doe tool") == "Janet and Bobby use the [name]-doe tool")
        #expect(roster.redact("Doe alone is not on the list") == "Doe alone is not on the list")
    }

    @Test func theLongestListedNameWins() {
        #expect(roster.redact("Jane Doe and Jane") == "[name] and [name]")
        #expect(roster.redact("Jane, Doe") == "[name], Doe")
    }

    @Test func anEmptyListChangesNothing() {
        let none = NameRedactor(names: [])
        #expect(none.isEmpty)
        #expect(none.redact("Jane Doe") == "Jane Doe")
    }

    @Test func aListFileHasOneNamePerLineWithComments() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("names.txt")
        try "# staff roster\nJane Doe\n\nBob   # the night manager\n".write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try NameRedactor.load(path: path)
        #expect(loaded.redact("Jane Doe and Bob") == "[name] and [name]")
        #expect(throws: NameListError.self) { try NameRedactor.load(path: directory.path("missing.txt")) }
    }

    @Test func thePrivacyFilterScrubsAddressesBeforeNames() {
        let filter = PrivacyFilter(names: NameRedactor(names: ["Jane Doe", "Doe"]))
        #expect(filter.clean("mail jane.doe@example.com or ask Jane Doe") == "mail [email] or ask [name]")
    }
}
