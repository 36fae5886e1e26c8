using System.CommandLine;
using Suanli.Analysis.Essay;
using Suanli.Cli.Output;
using Suanli.Reports.Json;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli essay</c>: the main job — each of the essay's claims computed and set beside the published evidence.</summary>
internal static class EssayCommand
{
    public static Command Create(CliContext context)
    {
        var claim = new Option<string[]>("--claim")
        {
            Description = "Only these claims, e.g. --claim C4 (repeatable; C1 ... C9).",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout instead of tables." };
        var command = new Command("essay", "The essay's claims C1-C9, each beside Suanli's figures from built-in essay scenarios and the published evidence, with a verdict.");
        command.Add(claim);
        command.Add(json);
        command.SetAction(parse =>
        {
            var ids = new List<string>();
            foreach (var id in parse.GetValue(claim) ?? [])
            {
                var known = EssayAnalysis.ClaimIds.FirstOrDefault(k => string.Equals(k, id.Trim(), StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    context.Error.WriteLine($"command-line:1:1: --claim: '{LanguageOption.Escape(id)}' is not a claim of the essay (allowed: {string.Join(", ", EssayAnalysis.ClaimIds)})");
                    return ExitCodes.InvalidInput;
                }

                if (!ids.Contains(known))
                {
                    ids.Add(known);
                }
            }

            var result = EssayAnalysis.Evaluate(new EssayOptions(ids), null, context.Cancellation);
            var words = context.Words;
            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(EssayJsonWriter.ToJson(result, words)), console => EssayView.Write(console, result, words));
        });
        return command;
    }
}
