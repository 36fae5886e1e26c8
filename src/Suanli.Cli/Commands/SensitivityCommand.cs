using System.CommandLine;
using Suanli.Analysis.Sweep;
using Suanli.Cli.Output;
using Suanli.Reports.Json;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli sensitivity</c>: which input moves a named metric most (a one-at-a-time tornado; issue 13, first slice).</summary>
internal static class SensitivityCommand
{
    public static Command Create(CliContext context)
    {
        var words = context.Words;
        var input = new ScenarioInput();
        var output = new Option<string>("--output") { Description = words["sweep.help.output"], Required = true };
        var all = new Option<bool>("--all") { Description = words["sensitivity.help.all"] };
        var change = new Option<double?>("--change") { Description = words["sensitivity.help.change"] };
        var top = new Option<int?>("--top") { Description = words["sensitivity.help.top"] }.Range(1, Tornado.MaxInputs, CliMessages.Resource("sensitivity.error.top"));
        var model = new Option<string?>("--model") { Description = words["solve.help.model"] };
        var json = new Option<bool>("--json") { Description = words["cli.help.json"] };
        var command = new Command("sensitivity", words["sensitivity.help.command"]);
        input.AddTo(command);
        command.Add(output);
        command.Add(all);
        command.Add(change);
        command.Add(top);
        command.Add(model);
        command.Add(json);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var by = checks.Number(change, 0, 0.9, true, CliMessages.Resource("sensitivity.error.change")) ?? 0.2;
            var shown = checks.Whole(top) ?? 15;
            if (checks.Failed || input.Load(parse, context) is not { } scenario)
            {
                return ExitCodes.InvalidInput;
            }

            var (result, refusal) = Tornado.Run(scenario, input.LoaderWithMany(parse), parse.GetValue(output)!.Trim(), parse.GetValue(model), by, null, context.Cancellation);
            if (refusal is not null)
            {
                context.Report(refusal);
                return ExitCodes.InvalidInput;
            }

            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(TornadoJsonWriter.ToJson(result!, words)), console => TornadoView.Write(console, result!, words, shown));
        });
        return command;
    }
}
