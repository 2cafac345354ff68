import KioskCore
import Testing

@Suite struct UntrustedTextTests {
    @Test func terminalShowsControlsAndBidiAsCodePoints() {
        #expect(UntrustedText.terminal("a\u{1B}[2Jb") == "a<U+001B>[2Jb")
        #expect(UntrustedText.terminal("\u{202E}evil\u{2066}") == "<U+202E>evil<U+2066>")
        #expect(UntrustedText.terminal("del\u{7F} c1\u{9B}x nul\u{0}") == "del<U+007F> c1<U+009B>x nul<U+0000>")
        #expect(UntrustedText.terminal("line\nbreak\ttab\rcr") == "line break tab<U+000D>cr")
        #expect(UntrustedText.terminal("Zoë 東京 ✓") == "Zoë 東京 ✓")
    }

    @Test func csvNeutralizesFormulaStartsAndQuotes() {
        #expect(UntrustedText.csvText("=SUM(A1)") == "'=SUM(A1)")
        #expect(UntrustedText.csvText("+1") == "'+1")
        #expect(UntrustedText.csvText("-2") == "'-2")
        #expect(UntrustedText.csvText("@cmd") == "'@cmd")
        #expect(UntrustedText.csvText("\tx") == "' x")
        #expect(UntrustedText.csvText("\rx") == "'<U+000D>x")
        #expect(UntrustedText.csvText("  =1") == "'  =1")
        #expect(UntrustedText.csvText("a,b \"c\"") == "\"a,b \"\"c\"\"\"")
        #expect(UntrustedText.csvText("Sales") == "Sales")
    }

    @Test func markdownHasNoLiveHTMLOrMarkup() {
        #expect(UntrustedText.markdown("<b>hi</b> & co") == "&lt;b&gt;hi&lt;/b&gt; &amp; co")
        #expect(UntrustedText.markdown("*a* _b_ `c` [d](e) | # ~f~") == "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\| \\# \\~f\\~")
        #expect(UntrustedText.markdown("- item") == "\\- item")
        #expect(UntrustedText.markdown("well-known") == "well-known")
    }

    @Test func jsonEscapesQuotesControlsAndBidi() {
        #expect(UntrustedText.jsonString("say \"hi\"\\\n") == "\"say \\\"hi\\\"\\\\\\n\"")
        #expect(UntrustedText.jsonString("\u{1B}\u{202E}\u{7F}") == "\"\\u001b\\u202e\\u007f\"")
        #expect(UntrustedText.jsonString("😀") == "\"😀\"")
    }
}

@Suite struct ReportFormattingTests {
    @Test func fixedDecimalsRoundAndNeverShowMinusZero() {
        #expect(ReportFormatting.fixed(8.185, 2) == "8.19" || ReportFormatting.fixed(8.185, 2) == "8.18")
        #expect(ReportFormatting.fixed(-17.4912, 2) == "-17.49")
        #expect(ReportFormatting.fixed(-0.01, 1) == "0.0")
        #expect(ReportFormatting.fixed(100, 1) == "100.0")
        #expect(ReportFormatting.signed(50, 0) == "+50")
        #expect(ReportFormatting.signed(0, 1) == "0.0")
        #expect(ReportFormatting.percent(0.7) == "70.0%")
        #expect(ReportFormatting.jsonNumber(50, 2) == "50")
        #expect(ReportFormatting.jsonNumber(0.25, 4) == "0.25")
    }

    @Test func barsUseEighths() {
        #expect(ReportFormatting.bar(1, width: 4) == "████")
        #expect(ReportFormatting.bar(0.5, width: 3) == "█▌")
        #expect(ReportFormatting.bar(1.0 / 32, width: 4) == "▏")
        #expect(ReportFormatting.bar(0, width: 4) == "")
    }
}
