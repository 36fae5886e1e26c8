using System.CommandLine;
using Suanli.Cli.Output;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli layout</c>: one clustered campus against standalone sites (MODEL.md §2, claim C1).</summary>
internal static class LayoutCommand
{
    public static Command Create(CliContext context)
    {
        var input = new ScenarioInput();
        var occupancy = new Option<double?>("--occupancy") { Description = "Stabilised occupancy to compare at, in [0, 1] (default: 1 - site.vacancy); at 0 PUE is n/a (no IT load)." };
        var sweep = new Option<string?>("--sweep") { Description = "occupancy: PUE and break-even rent from 30% to 100% occupancy for both layouts." };
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout instead of tables." };
        var inputs = new Option<bool>("--inputs") { Description = "Print every input (site, layout, training) with its source; the layout's own are always shown." };
        var command = new Command("layout", "One clustered campus against standalone sites of the same IT: capex, opex, PUE, staff, energy, carbon, break-even rents, NPV, and whether a training job can span it.");
        input.AddTo(command);
        command.Add(occupancy);
        command.Add(sweep);
        command.Add(json);
        command.Add(inputs);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var occ = checks.Number(occupancy, 0, 1, false, "a fraction");
            var sweepBy = parse.GetValue(sweep);
            if (sweepBy is not null && sweepBy != "occupancy")
            {
                // Checked here rather than by the parser, whose message spans several lines and does not name the option.
                checks.Error("--sweep", Fmt.Text($"'{Printable(sweepBy)}' is not something to sweep"), "occupancy");
            }

            if (checks.Failed)
            {
                return ExitCodes.InvalidInput;
            }

            if (input.LoadSection(parse, context, "layout", "layout", s => s.Layout) is not var (scenario, layout))
            {
                return ExitCodes.InvalidInput;
            }

            var report = LayoutReport.Compute(scenario, layout, occ, sweepBy is not null);
            return context.Emit(parse.GetValue(json), report.ToJson, console => report.WriteTables(console, parse.GetValue(inputs)));
        });
        return command;
    }

    /// <summary>A value as it may be echoed on one line: control characters shown as \uXXXX, long values cut.</summary>
    private static string Printable(string value)
    {
        var text = string.Concat(value.Take(40).Select(c => char.IsControl(c) ? Fmt.Text($"\\u{(int)c:X4}") : c.ToString()));
        return value.Length > 40 ? text + "..." : text;
    }
}
