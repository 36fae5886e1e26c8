using System.CommandLine;
using System.Globalization;
using Suanli.Analysis.Solve;
using Suanli.Cli.Output;
using Suanli.Reports.Json;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli solve</c>: the value of one input at which a named metric of any model reaches a target.</summary>
internal static class SolveCommand
{
    public static Command Create(CliContext context)
    {
        var words = context.Words;
        var input = new ScenarioInput();
        var target = new Option<string>("--target") { Description = words["solve.help.target"], Required = true };
        var vary = new Option<string>("--vary") { Description = words["solve.help.vary"], Required = true };
        var model = new Option<string?>("--model") { Description = words["solve.help.model"] };
        var lower = new Option<double?>("--lower") { Description = words["solve.help.lower"] };
        var upper = new Option<double?>("--upper") { Description = words["solve.help.upper"] };
        var json = new Option<bool>("--json") { Description = words["cli.help.json"] };
        var command = new Command("solve", words["solve.help.command"]);
        input.AddTo(command);
        command.Add(target);
        command.Add(vary);
        command.Add(model);
        command.Add(lower);
        command.Add(upper);
        command.Add(json);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var low = checks.Number(lower, double.MinValue, double.MaxValue, false, CliMessages.Resource("solve.error.bound"));
            var high = checks.Number(upper, double.MinValue, double.MaxValue, false, CliMessages.Resource("solve.error.bound"));
            var given = parse.GetValue(target) ?? string.Empty;
            var cut = given.IndexOf('=', StringComparison.Ordinal);
            if (cut <= 0 || !double.TryParse(given[(cut + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                context.Report(CliMessages.Usage("--target", CliMessages.Of("diag.solve.target", ("value", given)), CliMessages.Of("diag.allowed.solve.target")));
                return ExitCodes.InvalidInput;
            }

            if (checks.Failed || input.Load(parse, context) is not { } scenario)
            {
                return ExitCodes.InvalidInput;
            }

            var request = new SolveRequest(parse.GetValue(vary)!.Trim(), given[..cut].Trim(), value, parse.GetValue(model), low, high);
            var outcome = GoalSeek.Solve(scenario, input.LoaderWith(parse), request, null, context.Cancellation);
            if (outcome.Refusal is { } refusal)
            {
                context.Report(refusal);
                return ExitCodes.InvalidInput;
            }

            var result = outcome.Result!;
            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(SolveJsonWriter.ToJson(result, words)), console => SolveView.Write(console, result, words));
        });
        return command;
    }
}
