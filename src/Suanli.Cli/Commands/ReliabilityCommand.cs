using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Suanli.Cli.Output;
using Suanli.Core.Reliability;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli reliability</c>: how often a training job is interrupted and what it wastes (MODEL.md §4).</summary>
internal static class ReliabilityCommand
{
    public static Command Create(CliContext context)
    {
        var input = new ScenarioInput();
        var trials = new Option<int>("--trials") { Description = "Monte Carlo trials of the job timeline (0 = closed forms only).", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the simulation; the same seed gives the same result on any number of threads.", DefaultValueFactory = _ => 1 };
        var sweep = new Option<SweepKind?>("--sweep") { Description = "Curves over sites (1-8) or distance (0-3,000 km)." };
        var optimize = new Option<bool>("--optimize-interval") { Description = "Search the checkpoint interval that maximises the simulated ETTR (needs --trials)." };
        var threads = new Option<int?>("--threads") { Description = "Threads for the simulation (default: all cores)." };
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout instead of tables." };
        var inputs = new Option<bool>("--inputs") { Description = "Also print every training input with its source." };
        var command = new Command("reliability", "Interruptions, checkpoints and goodput of a training job across nodes, sites and distance.");
        input.AddTo(command);
        command.Add(trials);
        command.Add(seed);
        command.Add(sweep);
        command.Add(optimize);
        command.Add(threads);
        command.Add(json);
        command.Add(inputs);
        command.SetAction(parse =>
        {
            var trialCount = parse.GetValue(trials);
            var threadCount = parse.GetValue(threads);
            if (trialCount < 0 || trialCount > 10_000_000 || threadCount is < 1 or > 1024)
            {
                context.Error.WriteLine(trialCount is < 0 or > 10_000_000
                    ? $"command-line:1:1: --trials: {trialCount} is outside [0, 10000000] (allowed: a whole number of trials from 0 to 10,000,000)"
                    : $"command-line:1:1: --threads: {threadCount} is outside [1, 1024] (allowed: a whole number of threads from 1 to 1,024)");
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(optimize) && trialCount == 0)
            {
                context.Error.WriteLine("command-line:1:1: --optimize-interval: the search runs on the simulation and needs trials (allowed: add --trials N, e.g. --trials 2000)");
                return ExitCodes.InvalidInput;
            }

            if (input.LoadSection(parse, context, "training", "reliability", s => s.Training) is not var (scenario, model))
            {
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(sweep) is not null && !scenario.HasWan)
            {
                context.Error.WriteLine($"{scenario.Origin}:1:1: training.wan: a sweep over sites or distance needs the WAN rates and the scenario has no training.wan section (allowed: a training.wan section with linkEventsPerYear, fiberCutsPerKmYear and repairHours)");
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(optimize) && (model.CheckpointBlockingMinutes <= 0 || FailureModel.LambdaPerHour(model) <= 0))
            {
                context.Error.WriteLine(model.CheckpointBlockingMinutes <= 0
                    ? "command-line:1:1: --optimize-interval: with training.checkpoint.blockingMinutes = 0 checkpoints are free and the best interval is 0 (allowed: a blocking time above 0 minutes)"
                    : "command-line:1:1: --optimize-interval: the job never fails, so there is no interval to optimise (allowed: components with finite MTBF)");
                return ExitCodes.InvalidInput;
            }

            var asJson = parse.GetValue(json);
            var showProgress = !asJson || context.ErrorIsTerminal;
            var report = ReliabilityReport.Compute(scenario, model, trialCount, parse.GetValue(seed), parse.GetValue(sweep), parse.GetValue(optimize), threadCount,
                (label, total, work) => WithProgress(context, showProgress, label, total, work));
            return context.Emit(asJson, report.ToJson, console =>
            {
                report.WriteTables(console);
                if (parse.GetValue(inputs))
                {
                    console.WriteLine();
                    console.Write(InputsTable.Build(scenario, "training."));
                }
            });
        });
        return command;
    }

    /// <summary>
    /// Runs a simulation; when it is still running after a second, shows its progress on stderr (a bar on a terminal,
    /// a few plain lines otherwise).
    /// </summary>
    private static T WithProgress<T>(CliContext context, bool show, string label, int total, Func<IProgress<int>, T> work)
    {
        var done = 0;
        var counter = new SynchronousProgress(n => Volatile.Write(ref done, Math.Max(Volatile.Read(ref done), n)));
        var task = Task.Run(() => work(counter));
        if (!show || task.Wait(TimeSpan.FromSeconds(1)))
        {
            return task.GetAwaiter().GetResult();
        }

        var watch = Stopwatch.StartNew();
        if (context.ErrorIsTerminal)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            console.Progress().AutoClear(true).Start(ctx =>
            {
                var bar = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(1, total));
                while (!task.Wait(100))
                {
                    bar.Value = Volatile.Read(ref done);
                }

                bar.Value = bar.MaxValue;
            });
        }
        else
        {
            var reported = 0;
            while (!task.Wait(2000))
            {
                var pct = 100 * Volatile.Read(ref done) / Math.Max(1, total);
                if (pct >= reported + 10)
                {
                    context.Error.WriteLine(Fmt.Text($"{label}: {pct}% ({watch.Elapsed.TotalSeconds:0}s)"));
                    reported = pct;
                }
            }
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (no synchronisation context hop).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
