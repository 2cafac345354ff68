import KioskCore
import Testing

@Suite struct ConditionEvaluationTests {
    @Test func comparisonWithAnUnansweredQuestionIsFalse() {
        let condition = Condition.comparison(questionID: "recommend", op: .lessOrEqual, value: .number(6))
        #expect(!condition.isSatisfied(by: [:]))
        #expect(condition.isSatisfied(by: ["recommend": .number(6)]))
        #expect(!condition.isSatisfied(by: ["recommend": .number(7)]))
    }

    @Test func stringEqualityIgnoresCaseAndListsMeanContains() {
        let isSales = Condition.comparison(questionID: "team", op: .equal, value: .string("Sales"))
        #expect(isSales.isSatisfied(by: ["team": .text("sales")]))
        #expect(isSales.isSatisfied(by: ["team": .list(["Service", "Sales"])]))
        #expect(!isSales.isSatisfied(by: ["team": .text("Service")]))
        #expect(Condition.not(isSales).isSatisfied(by: ["team": .text("Service")]))
    }

    @Test func numberNeverEqualsString() {
        let condition = Condition.comparison(questionID: "recommend", op: .equal, value: .string("9"))
        #expect(!condition.isSatisfied(by: ["recommend": .number(9)]))
    }
}
