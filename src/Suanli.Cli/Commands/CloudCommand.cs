using System.CommandLine;
using Suanli.Analysis.Cloud;
using Suanli.Cli.Output;
using Suanli.Reports.Json;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli cloud</c>: a GPU cloud that buys servers and sells accelerator-hours (issue 12).</summary>
internal static class CloudCommand
{
    public static Command Create(CliContext context)
    {
        var words = context.Words;
        var input = new ScenarioInput();
        var json = new Option<bool>("--json") { Description = words["cli.help.json"] };
        var inputs = new Option<bool>("--inputs") { Description = words["market.help.inputs"] };
        var wide = new Option<bool>("--wide") { Description = words["market.help.wide"] };
        var command = new Command("cloud", words["cloud.help.command"]);
        input.AddTo(command);
        command.Add(json);
        command.Add(inputs);
        command.Add(wide);
        command.SetAction(parse =>
        {
            if (input.LoadSection(parse, context, "cloud", "cloud", s => s.Cloud) is not var (scenario, _))
            {
                return ExitCodes.InvalidInput;
            }

            var result = CloudAnalysis.Evaluate(scenario, null, context.Cancellation);
            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(CloudJsonWriter.ToJson(result, words)),
                console => CloudView.Write(console, result, words, new ViewOptions(parse.GetValue(inputs), parse.GetValue(wide))));
        });
        return command;
    }
}
