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
        var words = context.Words;
        var input = new ScenarioInput();
        var json = new Option<bool>("--json") { Description = words["econ.help.json"] };
        var inputs = new Option<bool>("--inputs") { Description = words["econ.help.inputs"] };
        var wide = new Option<bool>("--wide") { Description = words["econ.help.wide"] };
        var command = new Command("econ", words["econ.help.command"]);
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
            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(EconJsonWriter.ToJson(result, words)),
                console => EconView.Write(console, result, words, new ViewOptions(parse.GetValue(inputs), parse.GetValue(wide))));
        });
        return command;
    }
}
