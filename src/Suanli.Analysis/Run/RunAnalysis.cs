using Suanli.Analysis.Results;
using Suanli.Scenarios;

namespace Suanli.Analysis.Run;

/// <summary>One section of a scenario and what its model gave; <see cref="Result"/> is null when the model is not on the seam yet.</summary>
/// <param name="Section">The section, e.g. <c>site</c>.</param>
/// <param name="Command">The command that evaluates it alone, e.g. <c>econ</c>.</param>
/// <param name="Result">The model's result, or null.</param>
public sealed record SectionResult(string Section, string Command, IModelResult? Result);

/// <summary>Every section of a scenario evaluated by its model (<c>suanli run</c>).</summary>
public sealed record RunResult : IModelResult
{
    /// <inheritdoc />
    public required ResultHeader Header { get; init; }

    /// <summary>Each section the scenario has, in the order of <see cref="ModelRunners.Sections"/>.</summary>
    public required IReadOnlyList<SectionResult> Sections { get; init; }

    /// <summary>Every section's named figures, each key prefixed with its section (<c>site.npv</c>).</summary>
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <summary>What the run itself found: sections whose model is not on the seam yet (each section's own findings are in its result).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
}

/// <summary>The application entry of <c>suanli run</c>: a validated scenario → every section it has, each through its model's runner.</summary>
public static class RunAnalysis
{
    /// <summary>Evaluates every section the scenario has, in order.</summary>
    public static RunResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var present = ModelRunners.PresentIn(scenario);
        var sections = new List<SectionResult>();
        var metrics = new List<Metric>();
        var findings = new List<Finding>();
        for (var i = 0; i < present.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var section = present[i];
            progress?.Report(new AnalysisProgress(section.Section, i, present.Count));
            if (!ModelRunners.BySection.TryGetValue(section.Section, out var runner))
            {
                sections.Add(new SectionResult(section.Section, section.Command, null));
                findings.Add(Finding.Info("run.sectionNotYetOnSeam", ("section", section.Section), ("command", section.Command)));
                continue;
            }

            var result = runner.Evaluate(scenario, progress, cancellationToken);
            sections.Add(new SectionResult(section.Section, section.Command, result));
            metrics.AddRange(result.Metrics.Select(m => m with { Key = section.Section + "." + m.Key }));
        }

        progress?.Report(new AnalysisProgress("run", present.Count, present.Count));
        return new RunResult
        {
            Header = ResultHeader.For("run", scenario),
            Sections = sections,
            Metrics = metrics,
            Findings = findings,
        };
    }
}
