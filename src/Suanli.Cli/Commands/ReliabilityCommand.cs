using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Spectre.Console;
using Suanli.Cli.Output;
using Suanli.Core.Reliability;
using Suanli.Scenarios;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli reliability</c>: how often a training job is interrupted and what it wastes (MODEL.md §4).</summary>
internal static class ReliabilityCommand
{
    private const int MaxTrials = 10_000_000;

    public static Command Create(CliContext context)
    {
        var input = new ScenarioInput();
        var trials = new Option<int?>("--trials") { Description = "Monte Carlo trials of the job timeline (default 0: closed forms only; at most 10,000,000)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the simulation; the same seed gives the same result on any number of threads.", DefaultValueFactory = _ => 1 };
        var sweep = new Option<string?>("--sweep") { Description = "Curves over sites (1-8) or distance (0-3,000 km): sites or distance." };
        var optimize = new Option<bool>("--optimize-interval") { Description = "Search the checkpoint interval that maximises the simulated ETTR (needs --trials)." };
        var threads = new Option<int?>("--threads") { Description = "Threads for the simulation (default: all cores); the result does not depend on it." };
        var maxEvents = new Option<long?>("--max-events")
        {
            Description = "Largest simulation to run, in failure events plus one per trial (default 500,000,000: tens of seconds); a larger one is refused before it starts.",
        };
        var verbose = new Option<bool>("--verbose") { Description = "Also write how long the simulation took on stderr (timings are kept out of the output, which depends only on the inputs and the seed)." };
        var json = new Option<bool>("--json") { Description = "Write one JSON object on stdout instead of tables." };
        var inputs = new Option<bool>("--inputs") { Description = "Also print every training input with its source." };
        var command = new Command("reliability", "Interruptions, checkpoints and goodput of a training job across nodes, sites and distance.");
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
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var trialCount = checks.Whole(trials, 0, MaxTrials, "a whole number of trials") ?? 0;
            var threadCount = checks.Whole(threads, 1, 1024, "a whole number of threads");
            var budget = SimulationWork.DefaultMaxEvents;
            if (parse.GetValue(maxEvents) is { } m)
            {
                if (m < 1)
                {
                    checks.Error("--max-events", Fmt.Text($"{m} is not a positive number of events"), "a whole number of events of at least 1, e.g. --max-events 2000000000");
                }

                budget = m;
            }

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
                    checks.Error("--sweep", $"unknown sweep '{Printable(sweepText)}'", "sites, distance");
                }
            }

            if (checks.Failed)
            {
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

            if (sweepKind is not null && !scenario.HasWan)
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

            var plan = new RunPlan(model, trialCount, sweepKind, parse.GetValue(optimize));
            if (plan.Refusal(scenario, budget) is { } refusal)
            {
                context.Error.WriteLine(refusal);
                return ExitCodes.InvalidInput;
            }

            var runner = new ProgressRunner(context, ProgressRunner.FirstAfter, ProgressRunner.Every);
            ReliabilityReport report;
            try
            {
                report = ReliabilityReport.Compute(scenario, model, trialCount, parse.GetValue(seed), sweepKind, parse.GetValue(optimize), threadCount,
                    // The backstop while running: four times the budget the estimate was checked against.
                    budget > long.MaxValue / 4 ? long.MaxValue : budget * 4, runner);
            }
            catch (SimulationLimitException e)
            {
                context.Error.WriteLine(RunPlan.LimitReached(scenario, model, e, budget));
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(verbose))
            {
                foreach (var (label, count, seconds) in runner.Timings)
                {
                    var rate = label == ReliabilityReport.SimulatingLabel && report.Simulated is { } s
                        ? Fmt.Text($", {s.Events:#,0} failure events, {s.Events / Math.Max(seconds, 1e-9) / 1e6:0.0} million events/s on {report.Threads} thread(s)")
                        : string.Empty;
                    context.Error.WriteLine(Fmt.Text($"suanli: {label}: {count:#,0} trials in {seconds:0.00} s{rate}"));
                }
            }

            return context.Emit(parse.GetValue(json), report.ToJson, console =>
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
}

/// <summary>
/// The simulations a command line asks for, estimated before any runs: the main run, one per sweep point, and the
/// interval search's evaluations.
/// </summary>
internal sealed class RunPlan(TrainingReliability model, int trials, SweepKind? sweep, bool optimize)
{
    /// <summary>Every simulation the command will run: the model simulated and how many times <c>trials</c> trials.</summary>
    public IReadOnlyList<(TrainingReliability Model, int Runs)> Runs { get; } = trials == 0 ? [] :
        [
            (model, 1 + (optimize ? CheckpointIntervalSearch.PlannedEvaluations : 0)),
            .. sweep is { } kind ? ReliabilitySweeps.Points(model, kind).Select(p => (p, 1)) : [],
        ];

    /// <summary>The one-line error when the plan is past the budget or a trial would hold too much in memory; null when it may run.</summary>
    public string? Refusal(Scenario scenario, long budget)
    {
        double work = 0;
        foreach (var (m, runs) in Runs)
        {
            var estimate = SimulationWork.Estimate(m);
            if (estimate.HeldPerTrial > SimulationWork.MaxHeldFailuresPerTrial)
            {
                var term = FailureModel.Terms(m)[estimate.DominantHeldTerm];
                return Line(scenario, InputPath(term), Fmt.Text($"'{term.Name}' would draw about {estimate.HeldPerTrial:G3} Weibull failures per trial ahead of time, more than the {SimulationWork.MaxHeldFailuresPerTrial:#,0} (64 MiB) a trial may hold"),
                    "a larger mtbfHours, fewer units, or distribution: exponential (simulated as a stream, nothing held)");
            }

            work += estimate.WorkFor((long)trials * runs);
        }

        if (work <= budget)
        {
            return null;
        }

        var main = SimulationWork.Estimate(model);
        var runsTotal = Runs.Sum(r => r.Runs);
        var raise = Fmt.Text($"--max-events {Math.Ceiling(work):0} or more to run it anyway; the default budget takes tens of seconds");
        if (main.WorkFor(1) * runsTotal <= budget || main.DominantTerm < 0)
        {
            // One trial of each run fits (or nothing fails): the trial count drives the work.
            var most = (long)Math.Floor(budget / (main.WorkFor(1) * runsTotal));
            var fewer = most > 0 ? Fmt.Text($"at most {most:#,0} trials, or ") : string.Empty;
            return Fmt.Text($"command-line:1:1: --trials: {trials:#,0} trials x {runsTotal} simulation(s) x ~{main.EventsPerTrial:#,0.#} failure events per trial is about {work:G3} events, past the budget of {budget:#,0} (allowed: {fewer}{raise})");
        }

        var dominant = FailureModel.Terms(model)[main.DominantTerm];
        return Line(scenario, InputPath(dominant), Fmt.Text($"'{dominant.Name}' gives about {main.EventsPerTrialByTerm[main.DominantTerm]:G3} failure events per trial, so {trials:#,0} trial(s) x {runsTotal} simulation(s) are about {work:G3} events, past the budget of {budget:#,0}"),
            Fmt.Text($"a larger {LastKey(InputPath(dominant))}, or {raise}"));
    }

    /// <summary>The one-line error when a bound was reached while running.</summary>
    public static string LimitReached(Scenario scenario, TrainingReliability model, SimulationLimitException e, long budget)
    {
        var terms = FailureModel.Terms(model);
        var term = e.Term >= 0 && e.Term < terms.Count ? terms[e.Term] : null;
        var path = term is null ? "--max-events" : InputPath(term);
        var what = e.Kind switch
        {
            SimulationLimitKind.HeldFailures => Fmt.Text($"a trial drew more than {e.Limit:#,0} Weibull failures ahead of time (64 MiB)"),
            SimulationLimitKind.NodesInRepair => Fmt.Text($"a trial had more than {e.Limit:#,0} nodes waiting for repair at once (32 MiB)"),
            _ => Fmt.Text($"the simulation processed more than {e.Limit:#,0} failure events, four times the budget of {budget:#,0} it was estimated against"),
        };
        var name = term is null ? string.Empty : Fmt.Text($"'{term.Name}': ");
        return term is null
            ? Fmt.Text($"command-line:1:1: --max-events: {what} (allowed: a larger --max-events, fewer --trials)")
            : Line(scenario, path, name + what, Fmt.Text($"a larger {LastKey(path)}, fewer --trials, or a larger --max-events"));
    }

    /// <summary>The scenario key that sets a term's rate.</summary>
    internal static string InputPath(FailureTerm t) => t.Kind switch
    {
        TermKind.Component => Fmt.Text($"training.reliability.components[{t.ComponentIndex}].mtbfHours"),
        TermKind.SiteEvents => "training.sites.facilityEventsPerYear",
        TermKind.LinkEvents => "training.wan.linkEventsPerYear",
        TermKind.FiberCuts => "training.wan.fiberCutsPerKmYear",
        _ => "training.wan.collectiveTimeoutsPerDayPerMsRtt",
    };

    private static string LastKey(string path) => path[(path.LastIndexOf('.') + 1)..];

    /// <summary><c>file:line:col: path: message (allowed: …)</c>, at where the input was written.</summary>
    private static string Line(Scenario scenario, string path, string message, string allowed)
    {
        var at = scenario.Inputs.FirstOrDefault(i => string.Equals(i.Path, path, StringComparison.Ordinal));
        var where = at is { Line: > 0 } ? Fmt.Text($"{at.File}:{at.Line}:{at.Column}") : scenario.Origin + ":1:1";
        return $"{where}: {path}: {message} (allowed: {allowed})";
    }
}

/// <summary>
/// Runs a simulation on a worker thread and, once it has run for <see cref="FirstAfter"/>, shows its progress on
/// stderr in every output mode: a bar on a terminal, otherwise a plain line every <see cref="Every"/> (stdout is
/// untouched, so JSON stays clean). Keeps each run's timing for <c>--verbose</c>.
/// </summary>
internal sealed class ProgressRunner(CliContext context, TimeSpan firstAfter, TimeSpan every) : ISimulationRunner
{
    /// <summary>Progress appears for runs longer than this.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(2);

    /// <summary>Interval between plain progress lines.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly List<(string Label, long Trials, double Seconds)> timings = [];

    /// <summary>Each run: what, how many trials, how many seconds.</summary>
    public IReadOnlyList<(string Label, long Trials, double Seconds)> Timings => timings;

    public T Run<T>(string label, long totalTrials, Func<IProgress<long>, T> work)
    {
        long done = 0;
        var counter = new SynchronousProgress(n => InterlockedMax(ref done, n));
        var watch = Stopwatch.StartNew();
        var task = Task.Run(() => work(counter));
        if (!task.Wait(firstAfter))
        {
            if (context.ErrorIsTerminal)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
                console.Progress().AutoClear(true).Start(ctx =>
                {
                    var bar = ctx.AddTask(Markup.Escape(label), maxValue: Math.Max(1, totalTrials));
                    while (!task.Wait(100))
                    {
                        bar.Value = Volatile.Read(ref done);
                    }

                    bar.Value = bar.MaxValue;
                });
            }
            else
            {
                do
                {
                    var now = Volatile.Read(ref done);
                    var fraction = (double)now / Math.Max(1, totalTrials);
                    var left = fraction > 0 ? Fmt.Text($", about {watch.Elapsed.TotalSeconds * (1 - fraction) / fraction:#,0} s left") : string.Empty;
                    context.Error.WriteLine(Fmt.Text($"suanli: {label}: {fraction * 100:0}% ({now:#,0} of {totalTrials:#,0} trials, {watch.Elapsed.TotalSeconds:#,0} s{left})"));
                }
                while (!task.Wait(every));
            }
        }

        // GetResult rethrows the work's own exception (a SimulationLimitException), not an AggregateException.
        var result = task.GetAwaiter().GetResult();
        timings.Add((label, totalTrials, watch.Elapsed.TotalSeconds));
        return result;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread (no synchronisation context hop).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
