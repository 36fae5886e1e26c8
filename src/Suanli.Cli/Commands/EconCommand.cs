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
        var command = new Command("econ", "Cash-flow economics of a data center: NPV, IRR, payback, accounting and economic break-even rent, break-even occupancy.");
        input.AddTo(command);
        command.Add(json);
        command.Add(inputs);
        command.SetAction(parse =>
        {
            var scenario = input.Load(parse, context);
            if (scenario is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (scenario.Site is null)
            {
                ScenarioInput.MissingSection(context, scenario, "site", "econ");
                return ExitCodes.InvalidInput;
            }

            var result = EconomicsEngine.Analyze(scenario.Site);
            var report = EconReport.From(scenario, result);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, report.ToJson());
            }
            else
            {
                report.WriteTables(context.CreateOutConsole(), parse.GetValue(inputs));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
