using System.CommandLine;
using Suanli.Analysis.Multisite;
using Suanli.Cli.Output;
using Suanli.Core;
using Suanli.Reports.Json;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli multisite</c>: a training step across sites joined with the job's reliability (MODEL.md §5 and §4, claims C1 and C2).</summary>
internal static class MultisiteCommand
{
    public static Command Create(CliContext context)
    {
        var words = context.Words;
        var input = new ScenarioInput();
        var sweep = new Option<string?>("--sweep") { Description = words["multisite.help.sweep"] };
        var target = new Option<double?>("--target-efficiency") { Description = words["multisite.help.target"] };
        var json = new Option<bool>("--json") { Description = words["multisite.help.json"] };
        var inputs = new Option<bool>("--inputs") { Description = words["multisite.help.inputs"] };
        var wide = new Option<bool>("--wide") { Description = words["multisite.help.wide"] };
        var command = new Command("multisite", words["multisite.help.command"]);
        input.AddTo(command);
        command.Add(sweep);
        command.Add(target);
        command.Add(json);
        command.Add(inputs);
        command.Add(wide);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var targetEfficiency = checks.Number(target, 0, 1, true, CliMessages.Of("diag2.option.fraction")) ?? MultisiteAnalysis.DefaultTargetEfficiency;
            MultisiteSweepKind? kind = null;
            if (parse.GetValue(sweep) is { } sweepText)
            {
                kind = sweepText switch
                {
                    "distance" => MultisiteSweepKind.Distance,
                    "bandwidth" => MultisiteSweepKind.Bandwidth,
                    "sites" => MultisiteSweepKind.Sites,
                    _ => null,
                };
                if (kind is null)
                {
                    checks.Error("--sweep", CliMessages.Resource("multisite.error.sweep", ("value", ReliabilityCommand.Printable(sweepText))),
                        MessageText.Literal("distance, bandwidth, sites"));
                }
            }

            if (checks.Failed)
            {
                return ExitCodes.InvalidInput;
            }

            if (input.LoadSection(parse, context, "training.step", "multisite", s => s.Multisite) is not var (scenario, _))
            {
                return ExitCodes.InvalidInput;
            }

            if (Scenarios.MultisiteChecks.Check(scenario) is { } refused)
            {
                context.Report(refused);
                return ExitCodes.InvalidInput;
            }

            var options = new MultisiteOptions(targetEfficiency, kind);
            if (MultisiteAnalysis.CheckOptions(scenario, options) is { } refusedOptions)
            {
                context.Report(refusedOptions);
                return ExitCodes.InvalidInput;
            }

            var result = MultisiteAnalysis.Evaluate(scenario, options, null, context.Cancellation);
            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(MultisiteJsonWriter.ToJson(result, words)),
                console => MultisiteView.Write(console, result, words, new ViewOptions(parse.GetValue(inputs), parse.GetValue(wide))));
        });
        return command;
    }
}
