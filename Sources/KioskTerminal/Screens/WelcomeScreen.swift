import KioskCore

/// The first screen a respondent sees: what the survey is and what is (and is not) stored.
struct WelcomeScreen {
    let questionnaire: Questionnaire
    let isDryRun: Bool

    func render(_ output: TerminalOutput) -> String {
        var lines = [output.accent(questionnaire.title), ""]
        if !questionnaire.intro.isEmpty {
            lines.append(contentsOf: TextWrapper.wrap(questionnaire.intro))
            lines.append("")
        }
        lines.append(contentsOf: TextWrapper.wrap(
            "Your answers are anonymous. Only your answers and today's date are stored: not your name, "
                + "login, computer or the time. E-mail addresses, phone and card numbers you type are "
                + "removed before anything is saved."))
        if isDryRun {
            lines.append("")
            lines.append(output.dim("(Dry run: nothing will be saved.)"))
        }
        lines.append("")
        lines.append("Press Enter to start.")
        return lines.joined(separator: "\n") + "\n"
    }
}
