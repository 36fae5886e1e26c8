using Spectre.Console;
using Suanli.Analysis.Compute;
using Suanli.Core.Compute;
using Suanli.Reports;

namespace Suanli.Cli.Output;

/// <summary>
/// The tables of <c>suanli catalog</c> in one language. The catalog tables are wide: at 80 columns they keep the essential
/// columns and print the long texts (export control, notes) below the table; <c>--wide</c> shows every column.
/// </summary>
internal static class CatalogView
{
    /// <summary>Writes the listing; <paramref name="options"/>' Inputs flag is <c>--sources</c>.</summary>
    public static void Write(IAnsiConsole console, CatalogResult result, Words words, ViewOptions options)
    {
        var width = View.Columns(console, options);
        switch (result.Kind)
        {
            case "accelerators":
                Accelerators(console, result, words, width);
                break;
            case "models":
                Models(console, result, words, width);
                break;
            default:
                Rates(console, result, words);
                break;
        }

        if (!options.Inputs)
        {
            console.WriteLine(words["compute.catalog.sourcesHint"]);
            return;
        }

        var table = View.Table(words["compute.catalog.sources"], words["compute.catalog.col.value"], words["compute.catalog.col.asWritten"], words["view.inputs.source"]);
        table.Columns[1].RightAligned();
        foreach (var i in result.Sources)
        {
            table.AddRow(View.Cell(i.Path), View.Cell(i.Value), View.Cell(i.Source ?? string.Empty));
        }

        console.Write(table);
    }

    private static void Accelerators(IAnsiConsole console, CatalogResult result, Words words, ViewWidth width)
    {
        (string Key, Func<Accelerator, string> Cell, ViewWidth From, bool Right)[] columns =
        [
            ("id", a => a.Id, ViewWidth.Narrow, false),
            ("vendor", a => a.Vendor, ViewWidth.Medium, false),
            ("bf16", a => Words.N(a.PeakBf16Tflops, 0), ViewWidth.Narrow, true),
            ("fp8", a => a.PeakFp8Tflops is { } f ? Words.N(f, 0) : "-", ViewWidth.Narrow, true),
            ("memory", a => Words.N(a.MemoryGb, 0), ViewWidth.Narrow, true),
            ("bandwidth", a => Words.N(a.MemoryBandwidthTbps, 2), ViewWidth.Narrow, true),
            ("tdp", a => Words.N(a.TdpWatts, 0), ViewWidth.Narrow, true),
            ("scaleUp", a => Words.N(a.ScaleUpBandwidthGBps, 0), ViewWidth.Medium, true),
            ("tpp", a => Words.N(a.TotalProcessingPerformance, 0), ViewWidth.Narrow, true),
            ("rent", a => a.RentalPricePerHour is { } p ? Words.N(p.Amount, 2) + " " + words.Currency(p.Currency) : "-", ViewWidth.Medium, true),
            ("exportControl", a => a.ExportControl, ViewWidth.Wide, false),
        ];
        Table(console, words, width, "accelerators", columns, result.Accelerators, words["compute.catalog.tpp"]);
    }

    private static void Models(IAnsiConsole console, CatalogResult result, Words words, ViewWidth width)
    {
        string Pct(double? x) => x is { } v ? (v >= 0 ? "+" : string.Empty) + words.Strings.FormatValue(v, "pct1") : "-";
        string Sci(double? x) => x is { } v ? ComputeView.Sci(v) : "-";
        (string Key, Func<ModelEntry, string> Cell, ViewWidth From, bool Right)[] columns =
        [
            ("id", e => e.Model.Id, ViewWidth.Narrow, false),
            ("params", e => Words.N(e.Model.TotalParamsBillion, 1) + "/" + Words.N(e.Model.ActiveParamsBillion, 1), ViewWidth.Narrow, true),
            ("tokens", e => e.Model.TrainingTokensTrillion is { } t ? Words.N(t, 2) : "-", ViewWidth.Narrow, true),
            ("sixNd", e => Sci(e.Check.SixNdFlops), ViewWidth.Medium, true),
            ("reportedFlops", e => Sci(e.Model.ReportedTrainingFlops), ViewWidth.Medium, true),
            ("flopsDelta", e => Pct(e.Check.FlopsDeviation), ViewWidth.Narrow, true),
            ("reportedHours", e => e.Model.ReportedAcceleratorHours is { } h ? Words.N(h, 0) : "-", ViewWidth.Medium, true),
            ("computedHours", e => e.Check.ComputedAcceleratorHours is { } h ? Words.N(h, 0) : "-", ViewWidth.Medium, true),
            ("hoursDelta", e => Pct(e.Check.AcceleratorHoursDeviation), ViewWidth.Narrow, true),
            ("implied", e => e.Check.ImpliedUtilisation is { } u ? words.Strings.FormatValue(u, "pct1") : "-", ViewWidth.Narrow, true),
            ("impliedReported", e => e.Check.ImpliedUtilisationOfReportedPeak is { } r
                ? words.Strings.FormatValue(r, "pct1") + " " + ComputeTerms.Precision(e.Model.ReportedPrecision ?? Precision.Bf16) : "-", ViewWidth.Medium, true),
            ("notes", e => Notes(e, words), ViewWidth.Wide, false),
        ];
        Table(console, words, width, "models", columns, result.Models, null);
    }

    /// <summary>
    /// A catalog table of the columns the width shows; below it <paramref name="note"/>, then, unless wide, each column
    /// only a wide table shows (the long texts) as one line per row, under its heading.
    /// </summary>
    private static void Table<T>(IAnsiConsole console, Words words, ViewWidth width, string kind,
        (string Key, Func<T, string> Cell, ViewWidth From, bool Right)[] columns, IReadOnlyList<T> rows, string? note)
    {
        // The tier's columns, then the optional (medium) ones dropped from the right until the table's unwrapped
        // rendering fits the console: numbers never wrap, so a table wider than the console would split its cells.
        var shown = columns.Where(c => View.Shows(c.From, width)).ToList();
        var table = Build(words, width, kind, shown, rows);
        while (width != ViewWidth.Wide && View.NaturalWidth(console, table) > console.Profile.Width
            && shown.FindLastIndex(c => c.From == ViewWidth.Medium) is var drop && drop >= 0)
        {
            shown.RemoveAt(drop);
            table = Build(words, width, kind, shown, rows);
        }

        console.Write(table);
        if (note is not null)
        {
            console.WriteLine(note);
        }

        var id = columns.Single(c => c.Key == "id").Cell;
        foreach (var folded in columns.Where(c => c.From == ViewWidth.Wide && width != ViewWidth.Wide))
        {
            console.WriteLine(words["compute.catalog." + folded.Key]);
            foreach (var row in rows)
            {
                View.Bullet(console, words, words.Format("compute.catalog.entry", ("id", id(row)), ("text", folded.Cell(row))));
            }
        }
    }

    private static Table Build<T>(Words words, ViewWidth width, string kind,
        List<(string Key, Func<T, string> Cell, ViewWidth From, bool Right)> shown, IReadOnlyList<T> rows)
    {
        var table = View.Table(words["compute.catalog." + kind + (width == ViewWidth.Wide ? string.Empty : "Folded")],
            [.. shown.Select(c => words["compute.catalog.col." + c.Key])]);
        View.Compact(table);
        for (var i = 0; i < shown.Count; i++)
        {
            if (shown[i].Right)
            {
                table.Columns[i].RightAligned().NoWrap();
            }
            else if (shown[i].Key == "id")
            {
                table.Columns[i].NoWrap();
            }
        }

        foreach (var row in rows)
        {
            table.AddRow([.. shown.Select(c => View.Cell(c.Cell(row)))]);
        }

        return table;
    }

    private static string Notes(ModelEntry e, Words words) =>
        string.Join(words["compute.sentence.separator"], e.Check.Findings.Select(words.Finding).Concat(e.Model.ReportedNote is { } n ? [n] : []));

    private static void Rates(IAnsiConsole console, CatalogResult result, Words words)
    {
        var table = View.Table(words["compute.catalog.rates"], words["compute.catalog.col.year"], words["compute.catalog.col.rate"]);
        table.Columns[0].RightAligned();
        table.Columns[1].RightAligned();
        foreach (var r in result.ExchangeRates)
        {
            table.AddRow(View.Cell(Words.N(r.Year, 0).Replace(",", string.Empty, StringComparison.Ordinal)), View.Cell(Words.N(r.RmbPerUsd, 4)));
        }

        console.Write(table);
        console.WriteLine(words["compute.catalog.ratesNote"]);
    }
}
