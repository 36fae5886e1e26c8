using System.CommandLine;
using System.Text;
using Suanli.Analysis.Sweep;
using Suanli.Cli.Output;
using Suanli.Reports.Json;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli sweep</c>: a one- or two-dimensional grid of any model's named metric (issue 13, first slice).</summary>
internal static class SweepCommand
{
    public static Command Create(CliContext context)
    {
        var words = context.Words;
        var input = new ScenarioInput();
        var vary = new Option<string[]>("--vary") { Description = words["sweep.help.vary"], Required = true, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--output") { Description = words["sweep.help.output"], Required = true };
        var model = new Option<string?>("--model") { Description = words["solve.help.model"] };
        var csv = new Option<string?>("--csv") { Description = words["sweep.help.csv"] };
        var json = new Option<bool>("--json") { Description = words["cli.help.json"] };
        var command = new Command("sweep", words["sweep.help.command"]);
        input.AddTo(command);
        command.Add(vary);
        command.Add(output);
        command.Add(model);
        command.Add(csv);
        command.Add(json);
        command.SetAction(parse =>
        {
            var axes = new List<SweepAxis>();
            foreach (var text in parse.GetValue(vary) ?? [])
            {
                var (axis, refusal) = GridSweep.ParseAxis(text);
                if (refusal is not null)
                {
                    context.Report(refusal);
                    return ExitCodes.InvalidInput;
                }

                axes.Add(axis!);
            }

            if (input.Load(parse, context) is not { } scenario)
            {
                return ExitCodes.InvalidInput;
            }

            var outcome = GridSweep.Run(scenario, input.LoaderWithMany(parse), axes, parse.GetValue(output)!.Trim(), parse.GetValue(model), null, context.Cancellation);
            if (outcome.Refusal is { } refused)
            {
                context.Report(refused);
                return ExitCodes.InvalidInput;
            }

            var result = outcome.Result!;
            if (parse.GetValue(csv) is { } file)
            {
                // Written whole to a temporary file, then moved: a failure leaves no partial file.
                var temp = file + ".tmp-" + Guid.NewGuid().ToString("N");
                try
                {
                    File.WriteAllText(temp, SweepJsonWriter.ToCsv(result), new UTF8Encoding(true));
                    File.Move(temp, file, overwrite: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    if (temp.Length > 0 && File.Exists(temp))
                    {
                        File.Delete(temp);
                    }

                    // The reason in plain words, without the temporary file's name.
                    var reason = e switch
                    {
                        DirectoryNotFoundException => "the directory does not exist",
                        UnauthorizedAccessException => "permission denied, or it is a directory",
                        ArgumentException => "the path is empty or malformed",
                        _ => e.Message.Replace(temp, file, StringComparison.Ordinal),
                    };
                    context.Report(CliMessages.Usage("--csv", CliMessages.Of("diag.cannotWrite", ("file", file), ("reason", reason)), CliMessages.Of("diag.allowed.writablePath")));
                    return ExitCodes.InvalidInput;
                }
            }

            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(SweepJsonWriter.ToJson(result, words)), console => SweepView.Write(console, result, words));
        });
        return command;
    }
}
