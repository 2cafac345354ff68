// libFuzzer harness for QuestionnaireLoader.load(data:file:): any bytes, as a questionnaire file.
// Build and run: see fuzz/README.md.
import Foundation
import KioskCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    do {
        let questionnaire = try QuestionnaireLoader.load(data: bytes, file: "fuzz.yaml")
        // A loaded questionnaire is used at once: its conditions are shown and evaluated.
        for question in questionnaire.questions {
            if let condition = question.condition {
                _ = condition.description
                _ = condition.isSatisfied(by: [:])
            }
        }
    } catch {
        // Every rejection must render as diagnostics without trapping.
        _ = error.description
        precondition(!error.diagnostics.isEmpty, "a rejected questionnaire has no diagnostic")
    }
    return 0
}
