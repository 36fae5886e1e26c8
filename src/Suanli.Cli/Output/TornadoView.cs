using Spectre.Console;
using Suanli.Analysis.Sweep;
using Suanli.Reports;

namespace Suanli.Cli.Output;

/// <summary>The tornado of <c>suanli sensitivity</c>: one row per input, largest swing first.</summary>
internal static class TornadoView
{
    public static void Write(IAnsiConsole console, TornadoResult result, Words words, int top)
    {
        View.Header(console, words, result.Header, "sensitivity.title", ("metric", result.Metric), ("model", result.Model));
        string Value(double? v) => v is { } x ? words.Quantity(x, result.MetricUnit, result.MetricCurrency) : words["value.none"];
        console.WriteLine(words.Format("sensitivity.base", ("metric", result.Metric), ("value", Value(result.BaseMetric)), ("change", result.Change)));
        var table = View.Table(string.Empty, words["sensitivity.col.input"], words["sensitivity.col.range"], words["sensitivity.col.low"], words["sensitivity.col.high"],
            words["sensitivity.col.swing"]);
        for (var i = 1; i <= 4; i++)
        {
            table.Columns[i].RightAligned().NoWrap();
        }

        foreach (var bar in result.Bars.Take(top))
        {
            table.AddRow(View.Cell(bar.Input), View.Cell(Words.Significant(bar.LowValue) + " – " + Words.Significant(bar.HighValue)), View.Cell(Value(bar.Low)),
                View.Cell(Value(bar.High)), View.Cell(Value(bar.Swing)));
        }

        console.Write(table);
        if (result.Bars.Count > top)
        {
            console.WriteLine(words.Format("sensitivity.more", ("count", result.Bars.Count - top)));
        }

        console.WriteLine();
        View.Readings(console, words, "sweep.readings", result.Findings);
    }
}
