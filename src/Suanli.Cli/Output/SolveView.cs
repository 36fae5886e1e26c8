using Spectre.Console;
using Suanli.Analysis.Solve;
using Suanli.Reports;

namespace Suanli.Cli.Output;

/// <summary>The answer of <c>suanli solve</c> in one language.</summary>
internal static class SolveView
{
    public static void Write(IAnsiConsole console, SolveResult result, Words words)
    {
        View.Header(console, words, result.Header, "solve.title");
        var table = View.Table(words.Format("solve.table.title", ("metric", result.Metric), ("target", result.Target)), words["solve.col.what"], words["solve.col.value"]);
        table.Columns[1].RightAligned().NoWrap();
        table.AddRow(View.Cell(result.Path + (result.InputUnit is { } u ? " (" + u + ")" : string.Empty)), View.Cell(Words.Significant(result.Value)));
        if (result.StartValue is { } start)
        {
            table.AddRow(View.Cell(words["solve.row.start"]), View.Cell(Words.Significant(start)));
        }

        table.AddRow(View.Cell(words.Format("solve.row.achieved", ("metric", result.Metric), ("model", result.Model))), View.Cell(Words.Significant(result.Achieved)));
        table.AddRow(View.Cell(words["solve.row.searched"]), View.Cell(Words.Significant(result.Searched.Lower) + " – " + Words.Significant(result.Searched.Upper)));
        table.AddRow(View.Cell(words["solve.row.evaluations"]), View.Cell(Words.N(result.Evaluations, 0)));
        console.Write(table);
        console.WriteLine();
        View.Readings(console, words, "solve.readings", result.Findings);
    }
}
