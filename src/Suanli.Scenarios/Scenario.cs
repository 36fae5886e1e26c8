using Suanli.Core;
using Suanli.Core.Economics;
using Suanli.Core.Reliability;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;

namespace Suanli.Scenarios;

/// <summary>A claim of the essay, to be set beside the computed figure.</summary>
/// <param name="Id">Claim identifier (C1…C9).</param>
/// <param name="Text">The claim in words.</param>
/// <param name="Metric">The computed figure it is about.</param>
/// <param name="EssayValue">The essay's figure.</param>
/// <param name="Comparison">How the two are compared.</param>
/// <param name="Evidence">What published data say, with sources.</param>
public sealed record Claim(string Id, string Text, ClaimMetric Metric, double EssayValue, ClaimComparison Comparison, string? Evidence);

/// <summary>A validated scenario: immutable inputs for the engines plus the record of where every value came from.</summary>
public sealed record Scenario
{
    /// <summary>Scenario name.</summary>
    public required string Name { get; init; }

    /// <summary>What it describes.</summary>
    public string? Description { get; init; }

    /// <summary>Currency of every money value; null when the scenario has no money.</summary>
    public Currency? Currency { get; init; }

    /// <summary>The site economics inputs, when the scenario has a <c>site</c> section.</summary>
    public SiteEconomics? Site { get; init; }

    /// <summary>The training job and its cluster, when the scenario has a <c>training</c> section.</summary>
    public TrainingReliability? Training { get; init; }

    /// <summary>The campus-vs-distributed comparison, when the scenario has a <c>layout</c> section.</summary>
    public Suanli.Core.Layout.LayoutInputs? Layout { get; init; }

    /// <summary>Whether the training section states its WAN (otherwise every WAN rate is zero and multi-site results would be silently optimistic).</summary>
    public bool HasWan => Inputs.Any(i => i.Path.StartsWith("training.wan.", StringComparison.Ordinal));

    /// <summary>The scenario's compute section (its own accelerators and models, and a training run), when it has one.</summary>
    public ComputeScenario? Compute { get; init; }

    /// <summary>The training job's step across sites (<c>training.step</c>), when the scenario describes it.</summary>
    public MultisiteSpec? Multisite { get; init; }

    /// <summary>The country-level picture (<c>market</c>), when the scenario describes it.</summary>
    public MarketSpec? Market { get; init; }

    /// <summary>The GPU cloud, or null.</summary>
    public CloudSpec? Cloud { get; init; }

    /// <summary>The essay's claims the scenario speaks to.</summary>
    public IReadOnlyList<Claim> Claims { get; init; } = [];

    /// <summary>Every value used, with its source and origin, in document order.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }

    /// <summary>The <c>--set path=value</c> overrides applied, as given, in order.</summary>
    public IReadOnlyList<string> Overrides { get; init; } = [];

    /// <summary>The file path or <c>preset:NAME</c> the scenario was read from.</summary>
    public required string Origin { get; init; }
}

/// <summary>The outcome of loading a scenario: the scenario, or the diagnostics that explain why there is none.</summary>
/// <param name="Scenario">The scenario; null when any error was found.</param>
/// <param name="Diagnostics">Errors and warnings, in the order found.</param>
public sealed record LoadResult(Scenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether a scenario was produced.</summary>
    public bool Succeeded => Scenario is not null;
}
