import KioskCore
import Testing

@Suite struct ScrubberTests {
    @Test(arguments: [
        ("write to jo.bloggs+kiosk@example.co.uk please", "write to [email] please"),
        ("mail: A_B-9@mail-server.example.org.", "mail: [email]."),
        ("jo.5551234567@example.com", "[email]"),
        ("not an address: a@b, or @handle, or x@localhost", "not an address: a@b, or @handle, or x@localhost"),
    ])
    func emailAddressesAreReplaced(input: String, expected: String) {
        #expect(Scrubber.scrub(input) == expected)
    }

    @Test(arguments: [
        "+44 20 7946 0958",
        "020 7946 0958",
        "(555) 123-4567",
        "555-123-4567",
        "+1-555-123-4567",
        "0171 1234567",
        "+49 (0)30 1234567",
        "555.123.4567",
        "+1 (555) 123 4567",
        "02079460958",
    ])
    func phoneNumbersAreReplaced(phone: String) {
        #expect(Scrubber.scrub("call me on \(phone) today") == "call me on [phone] today")
        #expect(Scrubber.scrub(phone) == "[phone]")
        #expect(Scrubber.scrub("(\(phone)), thanks") == "([phone]), thanks")
    }

    @Test(arguments: [
        "2026-11-23", "23/11/2026", "23.11.2026", "11/23/2026", "2026-11-23 14:30", "23.11.2026 9:05:12",
        "14:30", "9:05:12", "1.2.3", "v2.10", "version 10.15.7", "report_2024.pdf",
        "42", "3 of 5", "100%", "1,000,000", "2026", "in 2025 and 2026", "rated 9/10",
        "$1,250.00", "€1.250,00", "£1,250,000.00", "score 9 8 7 6 5 4 3 2", "1234567",
        "4111 1111 1111 1112", "ticket ABC12345678", "from 2026-11-23 - 2026-11-30",
    ])
    func ordinaryNumbersAreKept(text: String) {
        #expect(Scrubber.scrub(text) == text)
    }

    @Test func datesBesideAPhoneNumberAreKept() {
        #expect(Scrubber.scrub("on 2026-11-23 020 7946 0958") == "on 2026-11-23 [phone]")
        #expect(Scrubber.scrub("at 14:30 020 7946 0958") == "at 14:30 [phone]")
    }

    @Test(arguments: [
        ("4111 1111 1111 1111", "[card]"),
        ("4111-1111-1111-1111", "[card]"),
        ("4111111111111111", "[card]"),
        ("3782 822463 10005", "[card]"),
        ("card 5500 0000 0000 0004 exp 2027", "card [card] exp 2027"),
        ("4111111111111111 2026", "[card] 2026"),
    ])
    func luhnCardNumbersAreReplaced(input: String, expected: String) {
        #expect(Scrubber.scrub(input) == expected)
    }

    @Test func nonLuhnLongNumbersAreNotCards() {
        // Sixteen digits that fail Luhn are longer than any phone number, so they stay.
        #expect(Scrubber.scrub("4111 1111 1111 1112") == "4111 1111 1111 1112")
        // A `+` marks a phone even when the digits happen to pass Luhn.
        #expect(Scrubber.scrub("+44 1234 567 8904") == "[phone]")
    }

    @Test(arguments: [
        ("GB82 WEST 1234 5698 7654 32", "[iban]"),
        ("GB82WEST12345698765432", "[iban]"),
        ("pay DE89 3704 0044 0532 0130 00 now", "pay [iban] now"),
        ("DE89370400440532013000.", "[iban]."),
        ("FR14 2004 1010 0505 0001 3M02 606", "[iban]"),
    ])
    func validIBANsAreReplaced(input: String, expected: String) {
        #expect(Scrubber.scrub(input) == expected)
    }

    @Test func ibanWithABadCheckIsNotAnIBAN() {
        #expect(Scrubber.scrub("GB83 WEST 1234 5698 7654 32").contains("WEST"))
    }

    @Test func controlAndBidiCharactersAreRemoved() {
        #expect(Scrubber.scrub("a\u{1B}[31mred\u{7F}\u{85}\u{9B}") == "a[31mred")
        #expect(Scrubber.scrub("evil\u{202E}txt.exe\u{2066}\u{2069}\u{200E}\u{200F}\u{061C}") == "eviltxt.exe")
        #expect(Scrubber.scrub("one\ttwo\r\nthree\nfour") == "one two three four")
        #expect(Scrubber.scrub("nul\u{0}byte") == "nulbyte")
        #expect(Scrubber.scrub("café 👨‍👩‍👧 ok") == "café 👨‍👩‍👧 ok")
    }

    @Test func hiddenCharactersCannotSplitANumberOrAddress() {
        #expect(Scrubber.scrub("020\u{200B} 7946\u{202E} 0958") == "[phone]")
        #expect(Scrubber.scrub("jo\u{200E}@example.com") == "[email]")
    }
}
