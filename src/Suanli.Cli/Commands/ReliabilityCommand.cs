using System.CommandLine;
using System.Text;
using Suanli.Analysis.Reliability;
using Suanli.Cli.Output;
using Suanli.Core;
using Suanli.Core.Reliability;
using Suanli.Reports;
using Suanli.Reports.Json;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli reliability</c>: how often a training job is interrupted and what it wastes (MODEL.md §4).</summary>
internal static class ReliabilityCommand
{
    public static Command Create(CliContext context)
    {
        var words = context.Words;
        var input = new ScenarioInput();
        var trials = new Option<int?>("--trials") { Description = words["reliability.help.trials"] }
            .Range(0, ReliabilityAnalysis.MaxTrials, CliMessages.Resource("reliability.error.trials"));
        var seed = new Option<ulong>("--seed") { Description = words["reliability.help.seed"], DefaultValueFactory = _ => 1 };
        var sweep = new Option<string?>("--sweep") { Description = words["reliability.help.sweep"] };
        var optimize = new Option<bool>("--optimize-interval") { Description = words["reliability.help.optimize"] };
        var threads = new Option<int?>("--threads") { Description = words["reliability.help.threads"] }
            .Range(1, ReliabilityAnalysis.MaxThreads, CliMessages.Resource("reliability.error.threads"));
        var maxEvents = new Option<long?>("--max-events") { Description = words["reliability.help.maxEvents"] }
            .Range(1, long.MaxValue, CliMessages.Of("diag2.option.maxEvents"));
        var verbose = new Option<bool>("--verbose") { Description = words["reliability.help.verbose"] };
        var json = new Option<bool>("--json") { Description = words["reliability.help.json"] };
        var inputs = new Option<bool>("--inputs") { Description = words["reliability.help.inputs"] };
        var wide = new Option<bool>("--wide") { Description = words["reliability.help.wide"] };
        var command = new Command("reliability", words["reliability.help.command"]);
        input.AddTo(command);
        command.Add(trials);
        command.Add(seed);
        command.Add(sweep);
        command.Add(optimize);
        command.Add(threads);
        command.Add(maxEvents);
        command.Add(verbose);
        command.Add(json);
        command.Add(inputs);
        command.Add(wide);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var trialCount = checks.Whole(trials) ?? 0;
            var threadCount = checks.Whole(threads);
            SweepKind? sweepKind = null;
            if (parse.GetValue(sweep) is { } sweepText)
            {
                sweepKind = sweepText.ToLowerInvariant() switch
                {
                    "sites" => SweepKind.Sites,
                    "distance" => SweepKind.Distance,
                    _ => null,
                };
                if (sweepKind is null)
                {
                    checks.Error("--sweep", CliMessages.Resource("reliability.error.unknownSweep", ("value", Printable(sweepText))), MessageText.Literal("sites, distance"));
                }
            }

            if (checks.Failed)
            {
                return ExitCodes.InvalidInput;
            }

            var options = new ReliabilityOptions
            {
                Trials = trialCount,
                Seed = parse.GetValue(seed),
                Threads = threadCount,
                Sweep = sweepKind,
                OptimizeInterval = parse.GetValue(optimize),
                MaxEvents = parse.GetValue(maxEvents) ?? ReliabilityAnalysis.DefaultMaxEvents,
            };
            if (ReliabilityAnalysis.CheckOptions(options) is { } refused)
            {
                context.Error.WriteLine(Refusal(refused, null, words));
                return ExitCodes.InvalidInput;
            }

            if (input.LoadSection(parse, context, "training", "reliability", s => s.Training) is not var (scenario, _))
            {
                return ExitCodes.InvalidInput;
            }

            var display = new ProgressDisplay(context, step => StepWords(step, words), state => ProgressLine(state, words),
                ProgressDisplay.FirstAfter, ProgressDisplay.Every);
            ReliabilityResult result;
            try
            {
                result = display.Run(progress => ReliabilityAnalysis.Evaluate(scenario, options, progress, context.Cancellation));
            }
            catch (ReliabilityRefusedException e)
            {
                context.Error.WriteLine(Refusal(e.Refusal, scenario, words));
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(verbose))
            {
                // Machine-dependent facts (wall-clock time, the default thread count) go here, never to stdout.
                var threadsUsed = options.Threads ?? Environment.ProcessorCount;
                foreach (var t in display.Timings)
                {
                    context.Error.WriteLine(t.Step == ReliabilityAnalysis.SimulateStep && result.Simulated?.Result is { } s
                        ? words.Format("reliability.verbose.rate", ("step", StepWords(t.Step, words)), ("trials", t.Total), ("seconds", t.Seconds),
                            ("events", s.Events), ("rate", s.Events / Math.Max(t.Seconds, 1e-9) / 1e6), ("threads", threadsUsed))
                        : words.Format("reliability.verbose.timing", ("step", StepWords(t.Step, words)), ("trials", t.Total), ("seconds", t.Seconds)));
                }
            }

            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(ReliabilityJsonWriter.ToJson(result, words)),
                console => ReliabilityView.Write(console, result, words, new ViewOptions(parse.GetValue(inputs), parse.GetValue(wide))));
        });
        return command;
    }

    /// <summary>A value echoed in a message, with control characters (a newline, an escape) shown as \uXXXX.</summary>
    internal static string Printable(string value)
    {
        var b = new StringBuilder(value.Length);
        foreach (var c in value.Length > 80 ? value[..80] + "…" : value)
        {
            b.Append(char.IsControl(c) ? Fmt.Text($"\\u{(int)c:X4}") : c.ToString());
        }

        return b.ToString();
    }

    /// <summary>
    /// A refusal as one line, <c>file:line:col: field: message (allowed: …)</c>: at the option (command-line:1:1),
    /// at where the scenario wrote the input, or at the scenario when it did not write it.
    /// </summary>
    internal static string Refusal(ReliabilityRefusal refusal, Scenario? scenario, Words words)
    {
        var option = refusal.Field.StartsWith("--", StringComparison.Ordinal) || scenario is null;
        var at = option ? null : scenario!.Inputs.FirstOrDefault(i => string.Equals(i.Path, refusal.Field, StringComparison.Ordinal));
        var (file, line, column) = option ? ("command-line", 1, 1) : at is { Line: > 0 } ? (at.File, at.Line, at.Column) : (scenario!.Origin, 1, 1);
        return words.DiagnosticLine(new Diagnostic(Severity.Error, option ? DiagnosticCodes.Usage : DiagnosticCodes.Implausible, file, line, column, refusal.Field,
            words.Finding(refusal.Message), words.Finding(refusal.Allowed)));
    }

    private static string StepWords(string step, Words words) => words["reliability.progress." + step["reliability.".Length..]];

    private static string ProgressLine(ProgressState state, Words words)
    {
        var fraction = (double)state.Done / Math.Max(1, state.Total);
        var seconds = state.Elapsed.TotalSeconds;
        return fraction > 0
            ? words.Format("reliability.progress.lineLeft", ("step", StepWords(state.Step, words)), ("fraction", fraction), ("done", state.Done), ("total", state.Total),
                ("seconds", seconds), ("left", seconds * (1 - fraction) / fraction))
            : words.Format("reliability.progress.line", ("step", StepWords(state.Step, words)), ("fraction", fraction), ("done", state.Done), ("total", state.Total),
                ("seconds", seconds));
    }
}
