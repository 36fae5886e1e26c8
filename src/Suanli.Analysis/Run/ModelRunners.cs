using Suanli.Analysis.Econ;
using Suanli.Analysis.Results;
using Suanli.Scenarios;

namespace Suanli.Analysis.Run;

/// <summary>The model that evaluates one section of a scenario, behind one interface, so that <c>suanli run</c> needs no knowledge of any model.</summary>
public interface IModelRunner
{
    /// <summary>The section it evaluates, e.g. <c>site</c> or <c>compute.training</c> (a key of <see cref="ModelRunners.Sections"/>).</summary>
    string Section { get; }

    /// <summary>Evaluates the section of a scenario that has it, with the model's default options.</summary>
    IModelResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>A section a scenario may have, the command that shows it alone, and how to tell whether a scenario has it.</summary>
/// <param name="Section">Its name as in the scenario file (<c>site</c>, <c>layout</c>, <c>training</c>, <c>compute.training</c>).</param>
/// <param name="Command">The command that evaluates it alone (<c>econ</c>, <c>layout</c>, <c>reliability</c>, <c>train</c>).</param>
/// <param name="Present">Whether a scenario has it.</param>
public sealed record ScenarioSection(string Section, string Command, Func<Scenario, bool> Present);

/// <summary>
/// The registry behind <c>suanli run</c>: every section a model evaluates, in the order they are shown, and the runner
/// of each model already on the seam. A model's runner is added to <see cref="BySection"/> when its analysis lands;
/// until then <c>run</c> says, as a finding, that the section is not evaluated yet.
/// </summary>
public static class ModelRunners
{
    /// <summary>Every section a model evaluates, in the order <c>run</c> shows them.</summary>
    public static IReadOnlyList<ScenarioSection> Sections { get; } =
    [
        new("site", "econ", s => s.Site is not null),
        new("layout", "layout", s => s.Layout is not null),
        new("training", "reliability", s => s.Training is not null),
        new("training.step", "multisite", s => s.Multisite is not null),
        new("compute.training", "train", s => s.Compute?.Training is not null),
        new("market", "market", s => s.Market is not null),
        new("cloud", "cloud", s => s.Cloud is not null),
    ];

    /// <summary>The runners of the models on the seam, by section.</summary>
    public static IReadOnlyDictionary<string, IModelRunner> BySection { get; } = new[]
    {
        (IModelRunner)new EconRunner(),
        new LayoutRunner(),
        new ReliabilityRunner(),
        new MultisiteRunner(),
        new TrainRunner(),
        new MarketRunner(),
        new CloudRunner(),
    }.ToDictionary(r => r.Section, StringComparer.Ordinal);

    /// <summary>The sections a scenario has, in order.</summary>
    public static IReadOnlyList<ScenarioSection> PresentIn(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return [.. Sections.Where(s => s.Present(scenario))];
    }

    /// <summary>The economics of a site (<c>suanli econ</c>).</summary>
    private sealed class EconRunner : IModelRunner
    {
        public string Section => "site";

        public IModelResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken) =>
            EconAnalysis.Evaluate(scenario, progress, cancellationToken);
    }

    /// <summary>One campus against distributed sites (<c>suanli layout</c>).</summary>
    private sealed class LayoutRunner : IModelRunner
    {
        public string Section => "layout";

        public IModelResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken) =>
            Layout.LayoutAnalysis.Evaluate(scenario, null, progress, cancellationToken);
    }

    /// <summary>A training job's interruptions (<c>suanli reliability</c>): the closed forms, as the command gives them without --trials.</summary>
    private sealed class ReliabilityRunner : IModelRunner
    {
        public string Section => "training";

        public IModelResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken) =>
            Reliability.ReliabilityAnalysis.Evaluate(scenario, new Reliability.ReliabilityOptions(), progress, cancellationToken);
    }

    /// <summary>The training job's step time across its sites joined with its reliability (<c>suanli multisite</c>, no sweep).</summary>
    private sealed class MultisiteRunner : IModelRunner
    {
        public string Section => "training.step";

        public IModelResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken) =>
            Multisite.MultisiteAnalysis.Evaluate(scenario, new Multisite.MultisiteOptions(), progress, cancellationToken);
    }

    /// <summary>Investment per country (<c>suanli market</c>) in the scenario's year.</summary>
    private sealed class MarketRunner : IModelRunner
    {
        public string Section => "market";

        public IModelResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken) =>
            Market.MarketAnalysis.Evaluate(scenario, new Market.MarketOptions(), progress, cancellationToken);
    }

    /// <summary>A GPU cloud's returns and break-evens (<c>suanli cloud</c>).</summary>
    private sealed class CloudRunner : IModelRunner
    {
        public string Section => "cloud";

        public IModelResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken) =>
            Cloud.CloudAnalysis.Evaluate(scenario, progress, cancellationToken);
    }

    /// <summary>A training run's compute, time, energy and cost (<c>suanli train</c>).</summary>
    private sealed class TrainRunner : IModelRunner
    {
        public string Section => "compute.training";

        public IModelResult Evaluate(Scenario scenario, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
        {
            var outcome = Compute.TrainAnalysis.Evaluate(new Compute.TrainRequest { Scenario = scenario }, progress, cancellationToken);
            return outcome.Result ?? throw new Compute.ComputeRequestRefusedException(outcome.Errors);
        }
    }
}
