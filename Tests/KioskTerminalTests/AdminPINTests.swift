import KioskTerminal
import Testing

@Suite struct AdminPINTests {
    @Test func aHashIsSaltedYescryptAndMatchesOnlyItsPIN() throws {
        let first = try AdminPIN.hash("2468")
        let second = try AdminPIN.hash("2468")
        #expect(first.hasPrefix("$y$"))
        #expect(first != second, "each hash has its own salt")
        #expect(!first.contains("2468"))
        #expect(AdminPIN.matches("2468", hash: first))
        #expect(AdminPIN.matches("2468", hash: second))
        #expect(!AdminPIN.matches("2469", hash: first))
        #expect(!AdminPIN.matches("", hash: first))
    }

    @Test func shortPINsAndMalformedHashesAreRefused() throws {
        #expect(throws: AdminPIN.Problem.tooShort) { try AdminPIN.hash("123") }
        #expect(throws: AdminPIN.Problem.malformedHash) { try AdminPIN.validate(hash: "2468") }
        #expect(throws: AdminPIN.Problem.malformedHash) { try AdminPIN.validate(hash: "$y$") }
        try AdminPIN.validate(hash: try AdminPIN.hash("2468"))
        #expect(!AdminPIN.matches("2468", hash: "not a hash"))
    }
}

@Suite struct AdminLockoutTests {
    @Test func twoWrongPINsAreFreeThenLocksDoubleUpToFiveMinutes() {
        var lockout = AdminLockout()
        let start = ContinuousClock.now
        lockout.recordFailure(at: start)
        lockout.recordFailure(at: start)
        #expect(lockout.remainingLock(at: start) == nil)
        lockout.recordFailure(at: start)
        #expect(lockout.remainingLock(at: start) == .seconds(5))
        #expect(lockout.remainingLock(at: start + .seconds(5)) == nil)
        lockout.recordFailure(at: start)
        #expect(lockout.remainingLock(at: start) == .seconds(10))
        for _ in 0..<20 { lockout.recordFailure(at: start) }
        #expect(lockout.remainingLock(at: start) == .seconds(300))
        lockout.recordSuccess()
        #expect(lockout.remainingLock(at: start) == nil)
    }
}
