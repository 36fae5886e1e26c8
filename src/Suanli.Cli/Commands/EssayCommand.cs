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
        var words = context.Words;
        var claim = new Option<string[]>("--claim")
        {
            Description = words["cli.help.essay.claim"],
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var json = new Option<bool>("--json") { Description = words["cli.help.json"] };
        var command = new Command("essay", words["cli.help.essay"]);
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
                    context.Report(CliMessages.Usage("--claim", CliMessages.Of("diag.unknownClaim", ("value", LanguageOption.Escape(id))),
                        Suanli.Core.MessageText.Literal(string.Join(", ", EssayAnalysis.ClaimIds))));
                    return ExitCodes.InvalidInput;
                }

                if (!ids.Contains(known))
                {
                    ids.Add(known);
                }
            }

            var result = EssayAnalysis.Evaluate(new EssayOptions(ids), null, context.Cancellation);
            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(EssayJsonWriter.ToJson(result, words)), console => EssayView.Write(console, result, words));
        });
        return command;
    }
}
