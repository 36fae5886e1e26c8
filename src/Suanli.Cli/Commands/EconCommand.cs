using System.CommandLine;
using Suanli.Analysis.Econ;
using Suanli.Cli.Output;
using Suanli.Reports.Json;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli econ</c>: the cash-flow economics of one data center (MODEL.md §1).</summary>
internal static class EconCommand
{
    public static Command Create(CliContext context)
    {
        var input = new ScenarioInput();
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout instead of tables." };
        var inputs = new Option<bool>("--inputs") { Description = "Also print every input with its value, unit and source." };
        var wide = new Option<bool>("--wide") { Description = "Print every column of the yearly cash-flow table, whatever the terminal's width." };
        var command = new Command("econ", "Cash-flow economics of a data center: NPV, IRR, payback, accounting and economic break-even rent, break-even occupancy.");
        input.AddTo(command);
        command.Add(json);
        command.Add(inputs);
        command.Add(wide);
        command.SetAction(parse =>
        {
            if (input.LoadSection(parse, context, "site", "econ", s => s.Site) is not var (scenario, _))
            {
                return ExitCodes.InvalidInput;
            }

            var result = EconAnalysis.Evaluate(scenario, null, context.Cancellation);
            var words = context.Words;
            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(EconJsonWriter.ToJson(result, words)),
                console => EconView.Write(console, result, words, new ViewOptions(parse.GetValue(inputs), parse.GetValue(wide))));
        });
        return command;
    }
}
