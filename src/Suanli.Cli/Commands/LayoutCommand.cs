using System.CommandLine;
using Suanli.Analysis.Layout;
using Suanli.Cli.Output;
using Suanli.Core;
using Suanli.Reports.Json;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli layout</c>: one clustered campus against standalone sites (MODEL.md §2, claim C1).</summary>
internal static class LayoutCommand
{
    public static Command Create(CliContext context)
    {
        var words = context.Words;
        var input = new ScenarioInput();
        var occupancy = new Option<double?>("--occupancy") { Description = words["layout.help.occupancy"] };
        var sweep = new Option<string?>("--sweep") { Description = words["layout.help.sweep"] };
        var json = new Option<bool>("--json") { Description = words["layout.help.json"] };
        var inputs = new Option<bool>("--inputs") { Description = words["layout.help.inputs"] };
        var wide = new Option<bool>("--wide") { Description = words["layout.help.wide"] };
        var command = new Command("layout", words["layout.help.command"]);
        input.AddTo(command);
        command.Add(occupancy);
        command.Add(sweep);
        command.Add(json);
        command.Add(inputs);
        command.Add(wide);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var occ = checks.Number(occupancy, 0, 1, false, CliMessages.Of("diag2.option.fraction"));
            var sweepBy = parse.GetValue(sweep);
            if (sweepBy is not null && sweepBy != "occupancy")
            {
                // Checked here rather than by the parser, whose message spans several lines and does not name the option.
                checks.Error("--sweep", CliMessages.Resource("layout.error.sweep", ("value", Printable(sweepBy))), MessageText.Literal("occupancy"));
            }

            if (checks.Failed)
            {
                return ExitCodes.InvalidInput;
            }

            if (input.LoadSection(parse, context, "layout", "layout", s => s.Layout) is not var (scenario, _))
            {
                return ExitCodes.InvalidInput;
            }

            var result = LayoutAnalysis.Evaluate(scenario, new LayoutOptions(occ, sweepBy is not null), null, context.Cancellation);
            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(LayoutJsonWriter.ToJson(result, words)),
                console => LayoutView.Write(console, result, words, new ViewOptions(parse.GetValue(inputs), parse.GetValue(wide))));
        });
        return command;
    }

    /// <summary>A value as it may be echoed on one line: control characters shown as \uXXXX, long values cut.</summary>
    private static string Printable(string value)
    {
        var text = string.Concat(value.Take(40).Select(c => char.IsControl(c) ? Fmt.Text($"\\u{(int)c:X4}") : c.ToString()));
        return value.Length > 40 ? text + "..." : text;
    }
}
