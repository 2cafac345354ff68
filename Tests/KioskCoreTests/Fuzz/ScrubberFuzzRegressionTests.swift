import KioskCore
import Testing

/// Inputs that `fuzz/ScrubberFuzzer.swift` found breaking its invariants: no control characters
/// in the output, and `scrub(scrub(x)) == scrub(x)`.
@Suite struct ScrubberFuzzRegressionTests {
    /// The fuzzer's input (crash-c00aab45…): "card1111 4242 \u{11}1  1111 4242 11", NULs,
    /// "+244242 1" and invalid UTF-8. The first scrub left "+244242 1", glued to the "11"
    /// before it; the second, seeing "[phone]" there instead, replaced it.
    static let notIdempotent: [UInt8] = [
        0x63, 0x61, 0x72, 0x64, 0x31, 0x31, 0x31, 0x31, 0x20, 0x34, 0x32, 0x34, 0x32, 0x20, 0x11, 0x31,
        0x20, 0x20, 0x31, 0x31, 0x31, 0x31, 0x20, 0x34, 0x32, 0x34, 0x32, 0x20, 0x31, 0x31, 0x00, 0x00,
        0x00, 0x2B, 0x32, 0x34, 0x34, 0x32, 0x34, 0x32, 0x20, 0x31, 0xD3, 0xC4,
    ]

    @Test func scrubbingTwiceChangesNothing() {
        let once = Scrubber.scrub(String(decoding: Self.notIdempotent, as: UTF8.self))
        #expect(once == "card1111 4242 1  [phone][phone]\u{FFFD}\u{FFFD}")
        #expect(Scrubber.scrub(once) == once)
    }

    @Test func aNumberFreedByAReplacementIsReplacedInTheSamePass() {
        #expect(Scrubber.scrub("1111 4242 11+244242 1") == "[phone][phone]")
        // A sum that is not next to a phone number stays as it is.
        #expect(Scrubber.scrub("11+244242 1") == "11+244242 1")
    }
}

extension ScrubberFuzzRegressionTests {
    /// The fuzzer's input (crash-08f05124…). The first scrub replaced "5551234566" with
    /// "[phone]", which turned "exaeple.cosaf." into a valid domain that only a second scrub
    /// took as part of an e-mail address.
    static let domainFreedByAPhone: [UInt8] = Array("4568@exaeple.cosaf.5551234566@exame  todaUnsm".utf8)

    @Test func anAddressFreedByAPhoneNumberIsReplacedInTheSameScrub() {
        let once = Scrubber.scrub(String(decoding: Self.domainFreedByAPhone, as: UTF8.self))
        #expect(once == "[email].[phone]@exame  todaUnsm")
        #expect(Scrubber.scrub(once) == once)
        #expect(Scrubber.scrub("jo@example.com.5551234566@x") == "[email].[phone]@x")
    }
}
