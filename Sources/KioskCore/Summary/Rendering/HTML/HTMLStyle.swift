/// The report's stylesheet: system fonts only, readable on screen and on paper, with a print
/// section that keeps charts and their captions on one page and prints the bars' fills.
enum HTMLStyle {
    /// The Content-Security-Policy of the report: nothing may load or run; only the inline
    /// stylesheet applies. Inline SVG needs no permission.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

    static let stylesheet: StaticString = """

        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0 auto; padding: 1.5rem 1.25rem 3rem; max-width: 62rem; color: #1a1a1a; background: #fff;
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.5rem; margin: 2.5rem 0 .25rem; padding-top: .75rem; border-top: 3px solid #1a1a1a; }
        h3 { font-size: 1.2rem; margin: 2rem 0 .25rem; }
        h4 { font-size: 1.05rem; margin: 1.5rem 0 .25rem; }
        p { margin: .35rem 0; }
        .lead, .meta, .muted { color: #4d4d4d; }
        .meta { font-size: .875rem; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
        .figure { font-size: 1.05rem; }
        .notes { margin: .75rem 0; padding: .5rem .75rem; border-left: 4px solid #e69f00; background: #fdf6e7; list-style: none; }
        .notes li { margin: .2rem 0; }
        .small-sample { font-style: italic; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: .5rem 0; overflow: visible;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        .theme { display: grid; grid-template-columns: minmax(14rem, 20rem) 1fr; gap: .25rem 1.25rem; padding: .6rem 0;
          border-top: 1px solid #d9d9d9; }
        .theme-name { font-weight: 600; margin: 0; }
        .theme-words { font-size: .8rem; color: #4d4d4d; margin: 0; }
        .quotes { margin: 0; padding: 0; list-style: none; }
        .quotes li { margin: 0 0 .35rem; padding-left: .6rem; border-left: 3px solid #56b4e9; font-style: italic; }
        .multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; }
        .multiple { margin: 0; padding: .6rem .75rem; border: 1px solid #bfbfbf; border-radius: 4px; }
        .multiple figcaption { font-weight: 600; }
        .multiple .theme { grid-template-columns: 1fr; }
        .suppressed { background: repeating-linear-gradient(135deg, #fff 0 8px, #f2f2f2 8px 16px); color: #4d4d4d; }
        .suppressed p { font-style: italic; }
        caption { text-align: left; caption-side: top; padding: .25rem 0; }
        table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
        th, td { padding: .25rem .6rem; border-bottom: 1px solid #d9d9d9; text-align: left; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        footer { margin-top: 3rem; font-size: .8rem; color: #4d4d4d; }
        @media print {
          @page { margin: 14mm; }
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          h2 { break-before: page; }
          section.questionnaire:first-of-type h2 { break-before: auto; }
          h2, h3, h4, figcaption, .theme-name { break-after: avoid; }
          svg.chart, .theme, .multiple, table, .notes { break-inside: avoid; }
          .multiples { grid-template-columns: repeat(2, 1fr); }
        }

        """
}
