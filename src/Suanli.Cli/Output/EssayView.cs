using Spectre.Console;
using Spectre.Console.Rendering;
using Suanli.Analysis.Essay;
using Suanli.Reports;
using Suanli.Reports.Json;
using Suanli.Scenarios.Essay;

namespace Suanli.Cli.Output;

/// <summary>The essay's claims as tables for people, in one language; it only formats what the result carries.</summary>
internal static class EssayView
{
    public static void Write(IAnsiConsole console, EssayResult result, Words words)
    {
        console.WriteLine(words.Format("essay.title", ("author", result.Author), ("title", Chinese(result.Title, words)), ("date", result.Date)));
        console.WriteLine();
        foreach (var claim in result.Claims)
        {
            Claim(console, claim, words);
        }

        console.Write(new Rule(Markup.Escape(words["essay.label.summary"])).LeftJustified());
        console.Write(SummaryTable(result, words));
        foreach (var line in EssayJsonWriter.SummaryText(result.Summary, words))
        {
            console.WriteLine(line);
        }
    }

    private static void Claim(IAnsiConsole console, ClaimResult c, Words words)
    {
        console.Write(new Rule($"[bold]{c.Id}[/]  {Markup.Escape(words["claim." + c.Id + ".title"])}").LeftJustified());
        Labelled(console, words, words["essay.label.essaySays"], Chinese(c.Claim.Quote, words));
        if (!words.Language.IsChinese())
        {
            Labelled(console, words, words["essay.label.english"], c.Claim.English);
        }

        if (c.Claim.Figures.Count > 0)
        {
            var table = Table(words["essay.label.essayFigures"], words["essay.col.figure"], words["essay.col.essay"], words["essay.col.period"]);
            foreach (var f in c.Claim.Figures)
            {
                table.AddRow(Cell(words[$"essayFigure.{c.Id}.{f.Key}"]), Cell(EssayFigure(f, words)), Cell(f.Period ?? string.Empty));
            }

            console.Write(table);
        }

        if (c.Figures.Count > 0)
        {
            var origins = string.Join(words["list.separator"], c.Inputs.Keys);
            var title = origins.Length > 0 ? words.Format("essay.label.suanli", ("origin", origins)) : words["essay.label.suanliNone"];
            var table = Table(title, words["essay.col.figure"], words["essay.col.value"]);
            table.Columns[1].RightAligned();
            foreach (var m in c.Figures)
            {
                table.AddRow(Cell(words["metric." + m.Key]), Cell(words.Quantity(m.Value, m.Unit, m.Currency)));
            }

            console.Write(table);
        }

        if (c.Claim.Evidence.Count > 0)
        {
            var table = Table(words["essay.label.evidence"], "#", words["essay.col.evidence"], words["essay.col.value"], words["essay.col.grade"]);
            var n = 0;
            foreach (var e in c.Claim.Evidence)
            {
                n++;
                var value = e.Value is { } v ? words.Quantity(v, e.Unit!.Value, e.Currency)
                    : e.Low is { } lo && e.High is { } hi ? words.Format("comparison.range", ("low", words.Quantity(lo, e.Unit!.Value, e.Currency)), ("high", words.Quantity(hi, e.Unit!.Value, e.Currency)))
                    : e.Bears is { } b ? words["bears." + Words.Camel(b.ToString())] : string.Empty;
                var grade = words["grade." + Words.Camel(e.Grade.ToString())];
                if (e.Period is { } period)
                {
                    grade = words.Format("line.gradePeriod", ("grade", grade), ("period", period));
                }

                table.AddRow(Cell(n.ToString(System.Globalization.CultureInfo.InvariantCulture)), Cell(words[$"evidence.{c.Id}.{e.Key}"]), Cell(value), Cell(grade));
            }

            console.Write(table);
            n = 0;
            foreach (var e in c.Claim.Evidence)
            {
                n++;
                console.WriteLine(Fmt.Text($"  [{n}] {e.Source}"));
            }
        }

        if (c.Comparisons.Count > 0)
        {
            var table = Table(words["essay.label.comparisons"], words["essay.col.figure"], words["essay.col.essay"], words["essay.col.evidence"], words["essay.col.result"]);
            foreach (var x in c.Comparisons)
            {
                var f = c.Claim.Figures.Single(f => f.Key == x.Figure);
                var e = c.Claim.Evidence.Single(e => e.Key == x.Evidence);
                var evidence = e.Value is { } v ? words.Quantity(v, e.Unit!.Value, e.Currency)
                    : words.Format("comparison.range", ("low", words.Quantity(e.Low, e.Unit!.Value, e.Currency)), ("high", words.Quantity(e.High, e.Unit!.Value, e.Currency)));
                var verdict = x.Agrees ? words["agrees.yes"] : words.Format("agrees.no", ("factor", Words.N(x.GapFactor, 2)));
                table.AddRow(Cell(words[$"essayFigure.{c.Id}.{f.Key}"]), Cell(EssayFigure(f, words)), Cell(evidence), Cell(verdict));
            }

            console.Write(table);
        }

        if (c.Variants.Count > 0)
        {
            var table = Table(words["essay.label.variants"], words["essay.col.variant"], words["essay.col.value"], words["essay.col.result"]);
            foreach (var v in c.Variants)
            {
                var values = string.Join("; ", v.Figures.Select(m => words["metric." + m.Key] + " " + words.Quantity(m.Value, m.Unit, m.Currency)));
                table.AddRow(Cell(words["variant." + v.Key]), Cell(values), Cell(words[v.Holds ? "holds.yes" : "holds.no"]));
            }

            console.Write(table);
        }

        var tests = Table(words["essay.label.tests"], words["essay.col.test"], words["essay.col.verdict"]);
        foreach (var t in c.Tests)
        {
            tests.AddRow(Cell(words["test." + t.Key]), Cell(words.Verdict(t.Verdict)));
        }

        console.Write(tests);
        Labelled(console, words, words["essay.label.verdict"], words.Format("line.verdict", ("verdict", words.Verdict(c.Verdict).ToUpperInvariant()), ("reason", words.Finding(c.Reason))));
        var notes = c.Tests.Where(t => t.Reason != c.Reason).Select(t => words.Finding(t.Reason)).Concat(c.Findings.Select(words.Finding)).ToList();
        foreach (var note in notes)
        {
            console.WriteLine(words.Format("line.bullet", ("text", note)));
        }

        if (c.Inputs.Count > 0)
        {
            // Where to read each origin's inputs with their sources: a preset's YAML, or the catalog.
            var where = c.Inputs.Keys.Select(o => o.StartsWith("presets/", StringComparison.Ordinal) && o.EndsWith(".yaml", StringComparison.Ordinal)
                    ? "suanli presets show " + o["presets/".Length..^".yaml".Length]
                    : "suanli catalog models --sources")
                .Distinct(StringComparer.Ordinal).ToList();
            console.WriteLine(words.Format("essay.label.inputs", ("count", c.Inputs.Values.Sum(i => i.Count)), ("origins", c.Inputs.Keys.ToList()), ("where", where)));
        }

        console.WriteLine();
    }

    private static Table SummaryTable(EssayResult result, Words words)
    {
        var table = new Table().AddColumn(Markup.Escape(words["essay.col.claim"])).AddColumn(Markup.Escape(words["essay.col.verdict"]));
        foreach (var c in result.Claims)
        {
            table.AddRow(Cell($"{c.Id} {words["claim." + c.Id + ".title"]}"), Cell(words.Verdict(c.Verdict)));
        }

        return table;
    }

    private static string EssayFigure(EssayFigure f, Words words)
    {
        string Q(double? x) => words.Quantity(x, f.Unit, f.Currency);
        return f.Comparison switch
        {
            FigureComparison.Range => words.Format("comparison.range", ("low", Q(f.Low)), ("high", Q(f.High))),
            _ => words.Format("comparison." + Words.Camel(f.Comparison.ToString()), ("value", Q(f.Value))),
        };
    }

    /// <summary>Chinese text as the language shows it: Simplified characters in zh-Hans, the original otherwise.</summary>
    private static string Chinese(string text, Words words) => words.Language == Language.ZhHans ? HanConverter.ToSimplified(text) : text;

    private static void Labelled(IAnsiConsole console, Words words, string label, string text) =>
        console.Write(new Markup(Markup.Escape(words.Format("line.labelled", ("label", label), ("text", text))) + Environment.NewLine));

    private static Table Table(string title, params string[] columns)
    {
        var table = new Table().Title(Markup.Escape(title));
        foreach (var c in columns)
        {
            table.AddColumn(Markup.Escape(c));
        }

        return table;
    }

    private static IRenderable Cell(string text) => new Markup(Markup.Escape(text));
}
