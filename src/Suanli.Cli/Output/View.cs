using Spectre.Console;
using Spectre.Console.Rendering;
using Suanli.Analysis.Results;
using Suanli.Reports;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli.Output;

/// <summary>What a reader asked of the tables: every input, and every column.</summary>
/// <param name="Inputs">Print every input with its source.</param>
/// <param name="Wide">Print every column of wide tables, whatever the width.</param>
internal sealed record ViewOptions(bool Inputs = false, bool Wide = false);

/// <summary>How much room a table has: which of its columns it shows.</summary>
internal enum ViewWidth
{
    /// <summary>Under 100 columns (an 80-column terminal): the essential columns.</summary>
    Narrow,

    /// <summary>A column shown only when narrow (a sum that stands in for its parts).</summary>
    NarrowOnly,

    /// <summary>100 to 159 columns (and piped output): the usual columns.</summary>
    Medium,

    /// <summary>160 columns or more, or <c>--wide</c>: every column.</summary>
    Wide,
}

/// <summary>Building blocks of the terminal views: titles, tables, cells, bullets, the inputs table — words from resources.</summary>
internal static class View
{
    /// <summary>The title line, the scenario's description and the overrides applied.</summary>
    public static void Header(IAnsiConsole console, Words words, ResultHeader header, string titleKey, params (string Name, object? Value)[] args)
    {
        ArgumentNullException.ThrowIfNull(header);
        var all = new List<(string, object?)> { ("command", header.Command), ("scenario", header.Scenario), ("origin", header.Origin) };
        all.AddRange(args);
        console.WriteLine(words.Format(titleKey, [.. all]));
        if (words.ScenarioDescription(header) is { } d)
        {
            console.WriteLine(d);
        }

        console.WriteLine(header.Overrides.Count == 0
            ? words["view.noOverrides"]
            : words.Format("view.overrides", ("overrides", string.Join(" ", header.Overrides.Select(o => "--set " + o)))));
        console.WriteLine();
    }

    /// <summary>The width tier of the console, or every column with <c>--wide</c>.</summary>
    public static ViewWidth Columns(IAnsiConsole console, ViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Wide)
        {
            console.Profile.Width = Math.Max(console.Profile.Width, 240);
            return ViewWidth.Wide;
        }

        var width = console.Profile.Width;
        return width >= 160 ? ViewWidth.Wide : width >= 100 ? ViewWidth.Medium : ViewWidth.Narrow;
    }

    /// <summary>Whether a column that appears from <paramref name="from"/> is shown at <paramref name="width"/>.</summary>
    public static bool Shows(ViewWidth from, ViewWidth width) => from switch
    {
        ViewWidth.NarrowOnly => width == ViewWidth.Narrow,
        ViewWidth.Narrow => true,
        ViewWidth.Medium => width is ViewWidth.Medium or ViewWidth.Wide,
        _ => width == ViewWidth.Wide,
    };

    /// <summary>A table with a title and column headers, the words escaped.</summary>
    public static Table Table(string title, params string[] columns)
    {
        var table = new Table().Title(Markup.Escape(title));
        foreach (var c in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(c)));
        }

        return table;
    }

    /// <summary>A summary table of figures: the figure, its value (right-aligned, never wrapped), its unit and note.</summary>
    public static Table FigureTable(string title, Words words)
    {
        var table = Table(title, words["col.figure"], words["col.value"], words["col.unitNote"]);
        table.Columns[1].RightAligned().NoWrap();
        return table;
    }

    /// <summary>A table drawn with the least room between columns, for wide numeric tables.</summary>
    public static void Compact(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        table.Border(TableBorder.Simple);
        foreach (var column in table.Columns)
        {
            column.Padding(1, 0, 0, 0);
        }
    }

    /// <summary>
    /// The columns <paramref name="renderable"/> takes on <paramref name="console"/> with no cell wrapped. A table is
    /// narrowed by Spectre in proportion to its columns, not down to each column's longest word, so this is the width
    /// at which no number is split.
    /// </summary>
    public static int NaturalWidth(IAnsiConsole console, IRenderable renderable)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(renderable);
        return renderable.Measure(RenderOptions.Create(console, console.Profile.Capabilities), int.MaxValue).Max;
    }

    /// <summary>A cell of plain text.</summary>
    public static IRenderable Cell(string text) => new Markup(Markup.Escape(text));

    /// <summary>One bulleted line.</summary>
    public static void Bullet(IAnsiConsole console, Words words, string text) => console.WriteLine(words.Format("line.bullet", ("text", text)));

    /// <summary>The inputs table when asked for (<c>--inputs</c>), the model's simplifications under <paramref name="titleKey"/>, and else the hint <paramref name="hintKey"/>.</summary>
    public static void InputsAndModelNotes(IAnsiConsole console, Words words, ResultHeader header, IEnumerable<string> modelNotes, ViewOptions options, string titleKey, string hintKey)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Inputs)
        {
            console.Write(Inputs(header, words));
            console.WriteLine();
        }

        ModelNotes(console, words, titleKey, modelNotes);
        if (!options.Inputs)
        {
            console.WriteLine(words[hintKey]);
        }
    }

    /// <summary>The findings as bullets under <paramref name="titleKey"/>, then a blank line.</summary>
    public static void Readings(IAnsiConsole console, Words words, string titleKey, IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(findings);
        console.WriteLine(words[titleKey]);
        foreach (var f in findings)
        {
            Bullet(console, words, words.Finding(f));
        }

        console.WriteLine();
    }

    /// <summary>The model's simplifications under a title.</summary>
    public static void ModelNotes(IAnsiConsole console, Words words, string titleKey, IEnumerable<string> notes)
    {
        console.WriteLine(words[titleKey]);
        foreach (var note in notes)
        {
            Bullet(console, words, words[note]);
        }
    }

    /// <summary>Every input with its value, unit and source (or <c>--set</c>, or default).</summary>
    public static Table Inputs(ResultHeader header, Words words, params string[] prefixes)
    {
        ArgumentNullException.ThrowIfNull(header);
        var currency = header.Currency is { } c ? c.ToString() : words["view.currency"];
        var table = Table(words["view.inputs.title"], words["view.inputs.path"], words["col.value"], words["view.inputs.unit"], words["view.inputs.source"]);
        table.Columns[1].RightAligned();
        foreach (var i in header.Inputs.Where(i => prefixes.Length == 0 || prefixes.Any(p => i.Path.StartsWith(p, StringComparison.Ordinal))))
        {
            var unit = i.Unit?.Replace("currency", currency, StringComparison.Ordinal) ?? string.Empty;
            var source = i.Origin switch
            {
                InputOrigin.Default => words["view.inputs.default"],
                InputOrigin.Set => "--set",
                InputOrigin.CommandLine => "command-line",
                _ => i.Source ?? words["view.inputs.noSource"],
            };
            table.AddRow(Cell(i.Path), Cell(i.Value), Cell(unit), Cell(source));
        }

        return table;
    }

    /// <summary>A scenario's own claims beside the computed figures.</summary>
    public static Table ScenarioClaims(IReadOnlyList<ScenarioClaimCheck> claims, Words words)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var table = Table(words["claims.title"], words["claims.claim"], words["claims.essay"], "Suanli", words["claims.verdict"], words["claims.evidence"]);
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var c in claims)
        {
            var comparison = Words.Camel(c.Comparison.ToString());
            var verdict = c.Consistent switch
            {
                null => words["claims.notComputable"],
                true => words.Format("claims.consistent." + comparison, ("tolerance", ScenarioClaimCheck.AboutTolerance)),
                false => words.Format("claims.notBorneOut." + comparison, ("tolerance", ScenarioClaimCheck.AboutTolerance)),
            };
            // A claim of the essay is named in the reader's language; the scenario's own English wording and evidence stay
            // in the JSON, and in Chinese the evidence points at the essay command, which sets it out in Chinese.
            var essayClaim = words.Strings.Contains($"claim.{c.Id}.title");
            var text = words.Language.IsChinese() && essayClaim ? words[$"claim.{c.Id}.title"] : c.Text;
            var evidence = words.Language.IsChinese() && essayClaim ? words.Format("claims.evidenceSee", ("id", c.Id)) : c.Evidence ?? string.Empty;
            table.AddRow(Cell($"{c.Id}: {text}"), Cell(words.Format("claims.prefix." + comparison, ("value", c.EssayValue))),
                Cell(c.ComputedValue is { } v ? Words.N(v, 1) : "-"), Cell(verdict), Cell(evidence));
        }

        return table;
    }
}
