using System.CommandLine;
using Suanli.Analysis.Run;
using Suanli.Cli.Output;
using Suanli.Core;
using Suanli.Reports.Json;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli run</c>: every section a scenario has, each evaluated by its model through the seam.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var words = context.Words;
        var input = new ScenarioInput();
        var json = new Option<bool>("--json") { Description = words["cli.help.json"] };
        var inputs = new Option<bool>("--inputs") { Description = words["cli.help.run.inputs"] };
        var wide = new Option<bool>("--wide") { Description = words["cli.help.run.wide"] };
        var command = new Command("run", words["cli.help.run"]);
        input.AddTo(command);
        command.Add(json);
        command.Add(inputs);
        command.Add(wide);
        command.SetAction(parse =>
        {
            if (input.Load(parse, context) is not { } scenario)
            {
                return ExitCodes.InvalidInput;
            }

            if (ModelRunners.PresentIn(scenario).Count == 0)
            {
                var sections = string.Join(", ", ModelRunners.Sections.Select(s => s.Section));
                context.Report(Diagnostic.Error(DiagnosticCodes.MissingSection, scenario.Origin, 1, 1, string.Empty,
                    CliMessages.Of("diag.missingAnySection", ("command", "run"), ("sections", sections)),
                    CliMessages.Of("diag.allowed.anySection", ("sections", sections))));
                return ExitCodes.InvalidInput;
            }

            if (Scenarios.MultisiteChecks.Check(scenario) is { } refused)
            {
                context.Report(refused);
                return ExitCodes.InvalidInput;
            }

            if (scenario.Market is { } market && Scenarios.MarketChecks.Check(scenario, market.Year, false) is { } noYear)
            {
                context.Report(noYear);
                return ExitCodes.InvalidInput;
            }

            RunResult result;
            try
            {
                result = RunAnalysis.Evaluate(scenario, null, context.Cancellation);
            }
            catch (Suanli.Analysis.Reliability.ReliabilityRefusedException e)
            {
                context.Error.WriteLine(ReliabilityCommand.Refusal(e.Refusal, scenario, words));
                return ExitCodes.InvalidInput;
            }
            catch (Suanli.Analysis.Compute.ComputeRequestRefusedException e)
            {
                ComputeErrors.Write(context, [.. e.Errors]);
                return ExitCodes.InvalidInput;
            }

            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(RunJsonWriter.ToJson(result, words)),
                console => RunView.Write(console, result, words, new ViewOptions(parse.GetValue(inputs), parse.GetValue(wide))));
        });
        return command;
    }
}
