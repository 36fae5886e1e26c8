using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios;

namespace Suanli.Analysis.Compute;

/// <summary>What the command line says about a compute run that <c>train</c> and <c>infer</c> share; null where it says nothing.</summary>
public sealed record ComputeOptions
{
    /// <summary>Model FLOPs utilisation of the dense peak at the run's precision (<c>--mfu</c>).</summary>
    public double? Mfu { get; init; }

    /// <summary>Price per accelerator-hour (<c>--price-per-hour</c>).</summary>
    public double? PricePerHour { get; init; }

    /// <summary>Currency of the price, or the currency to convert the catalog price into (<c>--currency</c>).</summary>
    public Currency? Currency { get; init; }

    /// <summary>Renminbi per US dollar for conversions (<c>--fx-rmb-per-usd</c>).</summary>
    public double? FxRmbPerUsd { get; init; }

    /// <summary>Precision whose peak the MFU refers to (<c>--precision</c>).</summary>
    public Precision? Precision { get; init; }

    /// <summary>Facility PUE (<c>--pue</c>).</summary>
    public double? Pue { get; init; }

    /// <summary>Average accelerator draw as a share of TDP (<c>--power-fraction</c>).</summary>
    public double? PowerFraction { get; init; }

    /// <summary>Host, network and storage watts per accelerator (<c>--host-watts</c>).</summary>
    public double? HostWatts { get; init; }
}

/// <summary>
/// A training run to evaluate: a scenario's <c>compute.training</c> run (with command-line options replacing some of its
/// values), or, without a scenario, a catalog model from the options alone.
/// </summary>
public sealed record TrainRequest
{
    /// <summary>The scenario whose training run is evaluated; null for a run from the options alone.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>Catalog model id (<c>--model</c>), for a run without a scenario.</summary>
    public string? ModelId { get; init; }

    /// <summary>Catalog accelerator id (<c>--accelerator</c>); null: the one the model's authors used.</summary>
    public string? AcceleratorId { get; init; }

    /// <summary>Accelerators (<c>--count</c>); null: as published.</summary>
    public int? Count { get; init; }

    /// <summary>Training tokens (<c>--tokens</c>); null: as published, or the scenario's.</summary>
    public double? Tokens { get; init; }

    /// <summary>Effective training time ratio (<c>--ettr</c>).</summary>
    public double? Ettr { get; init; }

    /// <summary>Hardware FLOPs utilisation (<c>--hfu</c>), converted to MFU with the recomputation.</summary>
    public double? Hfu { get; init; }

    /// <summary>Activation recomputation (<c>--recompute</c>).</summary>
    public Recompute? Recompute { get; init; }

    /// <summary>Straggler penalty of a mixed fleet (<c>--straggler-penalty</c>).</summary>
    public double? StragglerPenalty { get; init; }

    /// <summary>Add Kaplan's attention term (<c>--attention</c>).</summary>
    public bool Attention { get; init; }

    /// <summary>Also train a dense model of the same total parameters (<c>--compare-dense</c>).</summary>
    public bool CompareDense { get; init; }

    /// <summary>Options shared with <c>infer</c>.</summary>
    public ComputeOptions Options { get; init; } = new();
}

/// <summary>An inference (decode) estimate to make: a catalog model on a catalog accelerator.</summary>
public sealed record InferRequest
{
    /// <summary>Catalog model id (<c>--model</c>).</summary>
    public required string ModelId { get; init; }

    /// <summary>Catalog accelerator id (<c>--accelerator</c>).</summary>
    public required string AcceleratorId { get; init; }

    /// <summary>Tokens per sequence in the KV cache (<c>--context</c>); null: the model's training sequence length.</summary>
    public int? ContextTokens { get; init; }

    /// <summary>Sequences per replica (<c>--batch</c>); null: as many as fit.</summary>
    public int? Batch { get; init; }

    /// <summary>Accelerators per replica (<c>--accelerators-per-replica</c>); null: the fewest that hold the model.</summary>
    public int? AcceleratorsPerReplica { get; init; }

    /// <summary>Share of memory for weights and KV cache (<c>--memory-utilization</c>); null: vLLM's 0.9.</summary>
    public double? MemoryUtilisation { get; init; }

    /// <summary>Options shared with <c>train</c>.</summary>
    public ComputeOptions Options { get; init; } = new();
}

/// <summary>
/// A request the analysis refuses, as data: where (the scenario file or <c>command-line</c>), which field or option, a
/// code and its arguments. The words are the resources <c>compute.error.</c>Code and <c>compute.error.</c>Code<c>.allowed</c>.
/// </summary>
/// <param name="Origin">The scenario's file or preset, or <c>command-line</c>.</param>
/// <param name="Field">The option (<c>--count</c>) or scenario path (<c>compute.training</c>) at fault.</param>
/// <param name="Code">What is wrong, e.g. <c>noPublishedCount</c>.</param>
/// <param name="Args">The figures and names the words refer to.</param>
/// <param name="MissingSection">Whether the scenario lacks a section (rather than an option being wrong).</param>
/// <param name="Line">The line in <paramref name="Origin"/> of the input at fault (1 when it concerns the whole input).</param>
/// <param name="Column">Its column (1 when it concerns the whole input).</param>
public sealed record RequestError(string Origin, string Field, string Code, IReadOnlyDictionary<string, FindingArg> Args, bool MissingSection = false, int Line = 1, int Column = 1)
{
    /// <summary>The origin of options given on the command line.</summary>
    public const string CommandLine = "command-line";

    /// <summary>An error about a command-line option.</summary>
    public static RequestError Option(string option, string code, params ReadOnlySpan<(string Name, FindingArg Value)> args) =>
        new(CommandLine, option, code, Finding.Info(code, args).Args);
}

/// <summary>The outcome of a compute evaluation: the result, or the reasons there is none.</summary>
/// <typeparam name="T">The result type.</typeparam>
/// <param name="Result">The result; null when the request was refused.</param>
/// <param name="Errors">Why it was refused (empty when there is a result).</param>
public sealed record ComputeOutcome<T>(T? Result, IReadOnlyList<RequestError> Errors)
    where T : class;

/// <summary>A compute request that cannot be evaluated, when a caller (<c>suanli run</c>) needs a result or an exception.</summary>
public sealed class ComputeRequestRefusedException : Exception
{
    /// <summary>The errors that refused it.</summary>
    public ComputeRequestRefusedException(IReadOnlyList<RequestError> errors)
        : base("The compute request was refused: " + string.Join(", ", (errors ?? throw new ArgumentNullException(nameof(errors))).Select(e => e.Field + " " + e.Code))) =>
        Errors = errors;

    /// <summary>Why.</summary>
    public IReadOnlyList<RequestError> Errors { get; }
}

/// <summary>An RMB/USD rate as used: the rate, why this one (a code and its arguments) and the catalog's source of a year's average.</summary>
/// <param name="Rate">The rate.</param>
/// <param name="Basis">Why this rate: <c>compute.fx.option|scenario|priceYear|latest|publishedYear</c>.</param>
/// <param name="Source">The catalog's source of a year's average; null for a stated rate.</param>
public sealed record ExchangeRateUsed(ExchangeRate Rate, Finding Basis, string? Source)
{
    /// <summary>Whether the catalog marks the year's average as not re-read against its source.</summary>
    public bool Unverified => Source?.Contains("UNVERIFIED", StringComparison.Ordinal) == true;
}

/// <summary>The price of one chip type's accelerator-hour, and where it comes from.</summary>
/// <param name="AcceleratorId">The chip type.</param>
/// <param name="Price">The price, in the run's currency; null when there is none.</param>
/// <param name="Basis">Where it comes from: <c>compute.price.*</c> with its arguments.</param>
public sealed record PriceUsed(string AcceleratorId, Money? Price, Finding Basis);

/// <summary>The owner's cost of one chip type's accelerator-hour (MODEL.md §3), when the run is priced at it.</summary>
/// <param name="AcceleratorId">The chip type.</param>
/// <param name="Cost">The cost by part.</param>
public sealed record OwnerCostUsed(string AcceleratorId, OwnerCostBreakdown Cost);
