using Spectre.Console;
using Suanli.Analysis.Sweep;
using Suanli.Reports;

namespace Suanli.Cli.Output;

/// <summary>The grid of <c>suanli sweep</c>: a column for one axis, a matrix for two.</summary>
internal static class SweepView
{
    public static void Write(IAnsiConsole console, SweepResult result, Words words)
    {
        View.Header(console, words, result.Header, "sweep.title", ("metric", result.Metric), ("model", result.Model));
        string Value(SweepCell c) => c.Metric is { } v ? words.Quantity(v, result.MetricUnit, c.Currency ?? result.MetricCurrency) : words["value.none"];
        Table table;
        if (result.Axes.Count == 1)
        {
            table = View.Table(string.Empty, result.Axes[0].Path, result.Metric);
            table.Columns[0].RightAligned().NoWrap();
            table.Columns[1].RightAligned().NoWrap();
            foreach (var cell in result.Cells)
            {
                table.AddRow(View.Cell(cell.Values[0]), View.Cell(Value(cell)));
            }
        }
        else
        {
            var columns = result.Axes[1].Values;
            table = View.Table(result.Metric,
                [result.Axes[0].Path + " \\ " + result.Axes[1].Path, .. columns]);
            foreach (var column in table.Columns)
            {
                column.RightAligned().NoWrap();
            }

            foreach (var row in result.Axes[0].Values)
            {
                var cells = result.Cells.Where(c => c.Values[0] == row).ToList();
                table.AddRow([View.Cell(row), .. cells.Select(c => View.Cell(Value(c)))]);
            }
        }

        console.Write(table);
        console.WriteLine();
        if (result.Findings.Count > 0)
        {
            View.Readings(console, words, "sweep.readings", result.Findings);
        }
    }
}
