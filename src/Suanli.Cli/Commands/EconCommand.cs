using System.CommandLine;
using Suanli.Cli.Output;
using Suanli.Core.Economics;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli econ</c>: the cash-flow economics of one data center (MODEL.md §1).</summary>
internal static class EconCommand
{
    public static Command Create(CliContext context)
    {
        var input = new ScenarioInput();
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout instead of tables." };
        var inputs = new Option<bool>("--inputs") { Description = "Also print every input with its value, unit and source." };
        var command = new Command("econ", "Cash-flow economics of a data center: NPV, IRR (every root), payback, accounting and economic break-even rent and occupancy, annual PUE against a cap.");
        input.AddTo(command);
        command.Add(json);
        command.Add(inputs);
        command.SetAction(parse =>
        {
            if (input.LoadSection(parse, context, "site", "econ", s => s.Site) is not var (scenario, site))
            {
                return ExitCodes.InvalidInput;
            }

            var report = EconReport.From(scenario, EconomicsEngine.Analyze(site));
            return context.Emit(parse.GetValue(json), report.ToJson, console => report.WriteTables(console, parse.GetValue(inputs)));
        });
        return command;
    }
}
