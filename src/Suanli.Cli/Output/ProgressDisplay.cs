using System.Diagnostics;
using Spectre.Console;
using Suanli.Analysis.Results;

namespace Suanli.Cli.Output;

/// <summary>One step of a long evaluation as <c>--verbose</c> reports it: what, how many trials, how many seconds.</summary>
/// <param name="Step">The analysis's step code.</param>
/// <param name="Total">Trials of the step.</param>
/// <param name="Seconds">Wall-clock seconds it took.</param>
internal sealed record StepTiming(string Step, long Total, double Seconds);

/// <summary>What a progress line says: the step's words, how far it is, and for how long it has run.</summary>
/// <param name="Step">The analysis's step code.</param>
/// <param name="Done">Trials done.</param>
/// <param name="Total">Trials of the step.</param>
/// <param name="Elapsed">Time since the step began.</param>
internal readonly record struct ProgressState(string Step, long Done, long Total, TimeSpan Elapsed);

/// <summary>
/// Runs an evaluation on a worker thread and, once it has run for <see cref="FirstAfter"/>, shows its progress on
/// stderr in every output mode: a bar on a terminal, otherwise a plain line every <see cref="Every"/> (stdout is
/// untouched, so JSON stays clean). The evaluation reports <see cref="AnalysisProgress"/> from any thread; the
/// display keeps each step's timing for <c>--verbose</c>. A cancelled evaluation ends the wait at once and its
/// <see cref="OperationCanceledException"/> reaches the caller.
/// </summary>
internal sealed class ProgressDisplay : IProgress<AnalysisProgress>
{
    /// <summary>Progress appears for runs longer than this.</summary>
    public static readonly TimeSpan FirstAfter = TimeSpan.FromSeconds(2);

    /// <summary>Interval between plain progress lines.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private readonly List<StepTiming> timings = [];
    private readonly CliContext context;
    private readonly Func<string, string> label;
    private readonly Func<ProgressState, string> line;
    private readonly TimeSpan firstAfter;
    private readonly TimeSpan every;
    private readonly Stopwatch stepWatch = new();
    private string? step;
    private long done;
    private long total;
    private bool finished;

    /// <param name="context">Where stderr is and whether it is a terminal.</param>
    /// <param name="label">The words of a step (for the bar).</param>
    /// <param name="line">A plain progress line.</param>
    /// <param name="firstAfter">How long a run goes before progress shows.</param>
    /// <param name="every">Interval between plain lines.</param>
    public ProgressDisplay(CliContext context, Func<string, string> label, Func<ProgressState, string> line, TimeSpan firstAfter, TimeSpan every)
    {
        this.context = context;
        this.label = label;
        this.line = line;
        this.firstAfter = firstAfter;
        this.every = every;
    }

    /// <summary>Each step that ran to its end.</summary>
    public IReadOnlyList<StepTiming> Timings
    {
        get
        {
            lock (gate)
            {
                return [.. timings];
            }
        }
    }

    /// <inheritdoc />
    public void Report(AnalysisProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            if (!string.Equals(value.Step, step, StringComparison.Ordinal))
            {
                step = value.Step;
                total = value.Total;
                done = 0;
                finished = false;
                stepWatch.Restart();
            }

            // Reports come from worker threads in any order: progress only moves forward.
            done = Math.Max(done, value.Done);
            if (!finished && done >= total)
            {
                finished = true;
                timings.Add(new StepTiming(value.Step, total, stepWatch.Elapsed.TotalSeconds));
            }
        }
    }

    /// <summary>Runs <paramref name="work"/>, giving it this display to report to.</summary>
    public T Run<T>(Func<IProgress<AnalysisProgress>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = Task.Run(() => work(this));
        if (!Ended(task, firstAfter))
        {
            if (context.ErrorIsTerminal)
            {
                Bar(task);
            }
            else
            {
                do
                {
                    if (Snapshot() is { } state)
                    {
                        context.Error.WriteLine(line(state));
                    }
                }
                while (!Ended(task, every));
            }
        }

        // GetResult rethrows the work's own exception (a refusal, a cancellation), not an AggregateException.
        return task.GetAwaiter().GetResult();
    }

    private void Bar(Task task)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        console.Progress().AutoClear(true).Start(ctx =>
        {
            ProgressTask? bar = null;
            string? shown = null;
            while (!Ended(task, TimeSpan.FromMilliseconds(100)))
            {
                if (Snapshot() is not { } state)
                {
                    continue;
                }

                if (!string.Equals(state.Step, shown, StringComparison.Ordinal))
                {
                    if (bar is not null)
                    {
                        bar.Value = bar.MaxValue;
                    }

                    bar = ctx.AddTask(Markup.Escape(label(state.Step)), maxValue: Math.Max(1, state.Total));
                    shown = state.Step;
                }

                bar!.Value = state.Done;
            }
        });
    }

    private ProgressState? Snapshot()
    {
        lock (gate)
        {
            return step is null ? null : new ProgressState(step, done, total, stepWatch.Elapsed);
        }
    }

    /// <summary>Whether the task ended (in any state) within the timeout; unlike Task.Wait it never throws.</summary>
    private static bool Ended(Task task, TimeSpan timeout) => Task.WaitAny([task], timeout) >= 0;
}
