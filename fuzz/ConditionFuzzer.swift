// libFuzzer harness for Condition.parse(_:), the `when` expression parser.
// Invariant checked besides "no crash": a parsed condition, written back with `description`
// (as `kiosk validate` and the summary show it), parses again to the same condition.
import KioskCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let condition: Condition
    do {
        condition = try Condition.parse(source)
    } catch {
        _ = error.description
        return 0
    }
    let written = condition.description
    do {
        let reparsed = try Condition.parse(written)
        precondition(reparsed == condition, "round trip changed \(condition) into \(reparsed)")
    } catch {
        preconditionFailure("the description '\(written)' of a parsed condition does not parse: \(error)")
    }
    // Evaluate against answers of each kind for every id it names.
    for answer in [Answer.number(5), .text("Sales"), .list(["a", "b"])] {
        var answers: [String: Answer] = [:]
        for id in condition.referencedQuestionIDs { answers[id] = answer }
        _ = condition.isSatisfied(by: answers)
    }
    return 0
}
