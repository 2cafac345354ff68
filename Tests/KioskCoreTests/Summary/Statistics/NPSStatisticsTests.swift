import KioskCore
import Testing

/// Rounds to two decimals, the precision the design's check vectors are given in.
func rounded2(_ value: Double) -> Double { (value * 100).rounded() / 100 }

@Suite struct NPSStatisticsTests {
    @Test func fifteenPromotersFiveDetractors() {
        // n' = 23, p' = 15.75/23 = 0.684783, d' = 5.75/23 = 0.25, p'-d' = 0.434783,
        // V' = 0.934783 - 0.189036 = 0.745747, 1.96*sqrt(V'/23) = 0.352930 -> [8.19, 78.77].
        let nps = NPSStatistics(promoters: 15, passives: 0, detractors: 5)
        #expect(nps.score == 50)
        #expect(rounded2(nps.interval95.low) == 8.19)
        #expect(rounded2(nps.interval95.high) == 78.77)
    }

    @Test func allPromotersClampsAtOneHundred() {
        // p' = 20.75/23 = 0.902174, d' = 0.032609, V' = 0.178639, half width 0.172735 -> [69.68, 104.2 -> 100].
        let nps = NPSStatistics(promoters: 20, passives: 0, detractors: 0)
        #expect(nps.score == 100)
        #expect(rounded2(nps.interval95.low) == 69.68)
        #expect(nps.interval95.high == 100)
    }

    @Test func allDetractorsClampsAtMinusOneHundred() {
        // n' = 8, p' = 0.09375, d' = 0.71875, V' = 0.421875, half width 0.450095 -> [-107.5 -> -100, -17.49].
        let nps = NPSStatistics(promoters: 0, passives: 0, detractors: 5)
        #expect(nps.score == -100)
        #expect(nps.interval95.low == -100)
        #expect(rounded2(nps.interval95.high) == -17.49)
    }

    @Test func passivesCountInTheDenominator() {
        // 3 promoters, 4 passives, 3 detractors: (3 - 3) / 10 = 0. n' = 13, p' = d' = 3.75/13 = 0.288462,
        // V' = 0.576923, sqrt(V'/13) = 0.210663, *1.96 = 0.412899 -> [-41.29, 41.29].
        let nps = NPSStatistics(promoters: 3, passives: 4, detractors: 3)
        #expect(nps.score == 0)
        #expect(rounded2(nps.interval95.low) == -41.29)
        #expect(rounded2(nps.interval95.high) == 41.29)
    }

    @Test func changeZUsesAdjustedValues() {
        // Earlier 15/0/5: s' = 0.434783, V' = 0.745747; later 20/0/0: s' = 0.869565, V' = 0.178639.
        // SE = sqrt(0.745747/23 + 0.178639/23) = 0.200476; z = 0.434783 / 0.200476 = 2.1688.
        let earlier = NPSStatistics(promoters: 15, passives: 0, detractors: 5)
        let later = NPSStatistics(promoters: 20, passives: 0, detractors: 0)
        #expect(rounded2(later.changeZ(from: earlier)) == 2.17)
        #expect(rounded2(earlier.changeZ(from: later)) == -2.17)
    }
}

@Suite struct ProportionIntervalTests {
    @Test func fourteenOfTwenty() {
        // n~ = 23.8416, p~ = 15.9208/23.8416 = 0.667774, half width 1.96*sqrt(p~(1-p~)/n~) = 0.189067.
        let interval = ProportionInterval.agrestiCoull95(successes: 14, trials: 20)
        #expect(interval.map { rounded2($0.low * 100) } == 47.87)
        #expect(interval.map { rounded2($0.high * 100) } == 85.68)
    }

    @Test func noTrialsHasNoInterval() {
        #expect(ProportionInterval.agrestiCoull95(successes: 0, trials: 0) == nil)
    }
}

@Suite struct StudentTTests {
    @Test(arguments: [
        (1.0, 12.706), (2.0, 4.303), (4.0, 2.776), (9.0, 2.262), (19.0, 2.093), (29.0, 2.045),
        (100.0, 1.984), (Double.infinity, 1.960),
    ])
    func quantilesMatchPublishedTables(degreesOfFreedom: Double, expected: Double) {
        let value = StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom)
        #expect(abs(value - expected) < 0.0006)
    }

    @Test func meanIntervalOfOneToFive() {
        // mean 3, s = sqrt(10/4) = 1.581139, t(0.975, 4) = 2.776445, half width 2.776445*1.581139/sqrt(5) = 1.963243.
        let statistics = MeanStatistics(valueCounts: [1: 1, 2: 1, 3: 1, 4: 1, 5: 1])
        #expect(statistics.mean == 3)
        #expect(statistics.interval95.map { rounded2($0.low) } == 1.04)
        #expect(statistics.interval95.map { rounded2($0.high) } == 4.96)
    }

    @Test func oneValueHasNoInterval() {
        let statistics = MeanStatistics(valueCounts: [4: 1])
        #expect(statistics.interval95 == nil)
    }
}
