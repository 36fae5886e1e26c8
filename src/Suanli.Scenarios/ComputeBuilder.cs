using System.Text.RegularExpressions;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;
using static Suanli.Scenarios.ScenarioBuilder;

namespace Suanli.Scenarios;

/// <summary>A training run as a scenario states it: ids resolved against the catalog, prices not yet chosen.</summary>
public sealed record TrainingSpec
{
    /// <summary>The model.</summary>
    public required ModelSpec Model { get; init; }

    /// <summary>Tokens.</summary>
    public required double Tokens { get; init; }

    /// <summary>The fleet.</summary>
    public required IReadOnlyList<FleetMember> Fleet { get; init; }

    /// <summary>MFU.</summary>
    public required double Mfu { get; init; }

    /// <summary>Precision.</summary>
    public required Precision Precision { get; init; }

    /// <summary>ETTR.</summary>
    public required double Ettr { get; init; }

    /// <summary>Power fraction of TDP.</summary>
    public required double PowerFraction { get; init; }

    /// <summary>Host watts per accelerator.</summary>
    public required double HostWattsPerAccelerator { get; init; }

    /// <summary>PUE.</summary>
    public required double Pue { get; init; }

    /// <summary>Whether to add the attention term.</summary>
    public required bool IncludeAttention { get; init; }

    /// <summary>How accelerator-hours are priced.</summary>
    public required CostBasisKind CostBasis { get; init; }

    /// <summary>Price per accelerator-hour (pricePerHour basis), in the scenario's currency.</summary>
    public double? PricePerAcceleratorHour { get; init; }

    /// <summary>Server capex per accelerator (owner's cost), in the scenario's currency.</summary>
    public double? ServerCapexPerAccelerator { get; init; }

    /// <summary>Server amortisation years (owner's cost).</summary>
    public required double ServerLifeYears { get; init; }

    /// <summary>Activation recomputation.</summary>
    public required Recompute Recompute { get; init; }

    /// <summary>Straggler penalty of a mixed fleet, 0–1.</summary>
    public required double StragglerPenalty { get; init; }

    /// <summary>The stages, when the scenario lists them (their tokens sum to <see cref="Tokens"/>).</summary>
    public IReadOnlyList<TrainingStage>? Stages { get; init; }
}

/// <summary>The <c>compute</c> section: the scenario's own accelerators and models, its training run, and its exchange rate.</summary>
/// <param name="Catalog">The built-in catalog plus the scenario's own entries.</param>
/// <param name="Training">The training run, when the scenario has one.</param>
/// <param name="FxRmbPerUsd">The scenario's own exchange rate, when stated.</param>
/// <param name="PriceYear">The year of the scenario's prices, when stated.</param>
public sealed record ComputeScenario(ComputeCatalog Catalog, TrainingSpec? Training, double? FxRmbPerUsd = null, int? PriceYear = null);

/// <summary>Builds catalogs and the compute section from bound DTOs.</summary>
internal static partial class ComputeBuilder
{
    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static List<Accelerator> Accelerators(IReadOnlyList<AcceleratorDto> dtos, string path, YamlBinder binder, List<Diagnostic> diagnostics, IEnumerable<string> taken)
    {
        var result = new List<Accelerator>();
        var ids = new HashSet<string>(taken, StringComparer.Ordinal);
        for (var i = 0; i < dtos.Count; i++)
        {
            var a = dtos[i];
            var at = F($"{path}[{i}]");
            CheckId(a.Id!, at + ".id", ids, binder, diagnostics);
            if ((a.RentalPricePerHour is null) != (a.RentalCurrency is null))
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + ".rentalCurrency", "rentalPricePerHour and rentalCurrency go together", "both, or neither");
            }

            result.Add(new Accelerator
            {
                Id = a.Id!,
                Name = a.Name!,
                Vendor = a.Vendor!,
                PeakBf16Tflops = a.PeakBf16Tflops!.Value,
                PeakFp8Tflops = a.PeakFp8Tflops,
                MemoryGb = a.MemoryGb!.Value,
                MemoryBandwidthTbps = a.MemoryBandwidthTbps!.Value,
                TdpWatts = a.TdpWatts!.Value,
                ScaleUpBandwidthGBps = a.ScaleUpBandwidthGBps!.Value,
                ExportControl = a.ExportControl!,
                RentalPricePerHour = a.RentalPricePerHour is { } p && a.RentalCurrency is { } c ? new Money(p, c) : null,
            });
        }

        return result;
    }

    public static List<ModelSpec> Models(IReadOnlyList<ModelDto> dtos, string path, YamlBinder binder, List<Diagnostic> diagnostics, IEnumerable<string> taken)
    {
        var result = new List<ModelSpec>();
        var ids = new HashSet<string>(taken, StringComparer.Ordinal);
        for (var i = 0; i < dtos.Count; i++)
        {
            var m = dtos[i];
            var at = F($"{path}[{i}]");
            CheckId(m.Id!, at + ".id", ids, binder, diagnostics);
            if (m.ActiveParamsBillion > m.TotalParamsBillion)
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + ".activeParamsBillion", F($"{m.ActiveParamsBillion} B active exceeds {m.TotalParamsBillion} B total"), "active parameters at most the total");
            }

            if (m.Architecture == ModelArchitecture.Dense && m.ActiveParamsBillion != m.TotalParamsBillion)
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + ".activeParamsBillion", "a dense model uses all its parameters for every token", "activeParamsBillion = totalParamsBillion, or architecture: mixtureOfExperts");
            }

            if ((m.ReportedCost is null) != (m.ReportedCostCurrency is null) || (m.ReportedCost is null) != (m.ReportedCostYear is null))
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + (m.ReportedCostCurrency is null ? ".reportedCostCurrency" : ".reportedCostYear"),
                    "reportedCost, reportedCostCurrency and reportedCostYear go together", "all three, or none");
            }

            if ((m.KvLoraRank is null) != (m.RopeHeadDim is null) || (m.KvHeads is null) != (m.HeadDim is null) || (m.KvLoraRank is not null && m.KvHeads is not null))
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + (m.KvLoraRank is not null || m.RopeHeadDim is not null ? ".kvLoraRank" : ".kvHeads"),
                    "the KV cache is described either by kvHeads and headDim (multi-head or grouped-query attention) or by kvLoraRank and ropeHeadDim (multi-head latent attention)",
                    "kvHeads with headDim, or kvLoraRank with ropeHeadDim");
            }

            if (m.ReportedPretrainingAcceleratorHours > m.ReportedAcceleratorHours)
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + ".reportedPretrainingAcceleratorHours",
                    F($"{m.ReportedPretrainingAcceleratorHours} pre-training hours exceed the {m.ReportedAcceleratorHours} reported in all"), "at most reportedAcceleratorHours");
            }

            result.Add(new ModelSpec
            {
                Id = m.Id!,
                Name = m.Name!,
                Architecture = m.Architecture!.Value,
                TotalParamsBillion = m.TotalParamsBillion!.Value,
                ActiveParamsBillion = m.ActiveParamsBillion!.Value,
                TrainingTokensTrillion = m.TrainingTokensTrillion,
                Layers = m.Layers,
                ModelDim = m.ModelDim,
                SequenceLength = m.SequenceLength,
                KvHeads = m.KvHeads,
                HeadDim = m.HeadDim,
                KvLoraRank = m.KvLoraRank,
                RopeHeadDim = m.RopeHeadDim,
                ReportedTrainingFlops = m.ReportedTrainingFlops,
                ReportedAcceleratorHours = m.ReportedAcceleratorHours,
                ReportedAccelerator = m.ReportedAccelerator,
                ReportedAcceleratorCount = m.ReportedAcceleratorCount,
                ReportedPretrainingAcceleratorHours = m.ReportedPretrainingAcceleratorHours,
                ReportedPrecision = m.ReportedPrecision,
                ReportedMfu = m.ReportedMfu,
                ReportedUtilisationBasis = m.ReportedUtilisationBasis ?? UtilisationBasis.Mfu,
                ReportedRecompute = m.ReportedRecompute,
                ReportedEttr = m.ReportedEttr,
                ReportedCost = m.ReportedCost is { } cost && m.ReportedCostCurrency is { } cur ? new Money(cost, cur) : null,
                ReportedCostYear = m.ReportedCostYear,
                ReportedNote = m.ReportedNote,
            });
        }

        return result;
    }

    public static ComputeScenario Build(ComputeDto dto, Currency? currency, bool hasSite, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        var builtIn = ComputeCatalog.BuiltIn;
        var catalog = builtIn.With(
            Accelerators(dto.Accelerators ?? [], "compute.accelerators", binder, diagnostics, builtIn.Accelerators.Keys),
            Models(dto.Models ?? [], "compute.models", binder, diagnostics, builtIn.Models.Keys));
        if (dto.PriceYear is { } year && dto.FxRmbPerUsd is null && catalog.ExchangeRateFor(year) is null)
        {
            binder.Report(diagnostics, DiagnosticCodes.Inconsistent, "compute.priceYear", F($"the catalog has no annual average exchange rate for {year}"),
                F($"a year from {catalog.RmbPerUsdByYear.Keys.Min()} to {catalog.RmbPerUsdByYear.Keys.Max()}, or compute.fxRmbPerUsd"));
        }

        return new ComputeScenario(catalog, dto.Training is null ? null : Training(dto.Training, catalog, currency, hasSite, binder, diagnostics), dto.FxRmbPerUsd, dto.PriceYear);
    }

    private static TrainingSpec? Training(TrainingComputeDto t, ComputeCatalog catalog, Currency? currency, bool hasSite, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        void Error(string path, string message, string allowed) => binder.Report(diagnostics, DiagnosticCodes.Inconsistent, path, message, allowed);

        var model = catalog.FindModel(t.Model!);
        if (model is null)
        {
            binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, "compute.training.model", $"unknown model '{t.Model}'", string.Join(", ", catalog.Models.Keys));
        }

        var fleet = new List<FleetMember>();
        var precision = t.Precision!.Value;
        var recompute = t.Recompute!.Value;
        var stageDtos = t.Stages ?? [];
        var precisions = stageDtos.Count > 0 ? stageDtos.Select(st => st.Precision ?? precision).Distinct().ToList() : [precision];
        for (var i = 0; i < t.Fleet!.Count; i++)
        {
            var f = t.Fleet[i];
            var accelerator = catalog.FindAccelerator(f.Accelerator!);
            if (accelerator is null)
            {
                binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, F($"compute.training.fleet[{i}].accelerator"), $"unknown accelerator '{f.Accelerator}'", string.Join(", ", catalog.Accelerators.Keys));
                continue;
            }

            if (precisions.Any(p => accelerator.PeakFlops(p) is null))
            {
                Error(F($"compute.training.fleet[{i}].accelerator"), $"{accelerator.Id} has no FP8 throughput", "precision: bf16 (in every stage), or accelerators with FP8");
            }

            fleet.Add(new FleetMember(accelerator, f.Count!.Value, f.Availability!.Value));
        }

        if (t.Fleet.Count == 0)
        {
            Error("compute.training.fleet", "the fleet is empty", "at least one {accelerator, count}");
        }

        if (stageDtos.Count > 0 && t.Tokens is not null)
        {
            Error("compute.training.tokens", "with stages, the tokens are each stage's", "compute.training.stages[i].tokens, and no compute.training.tokens");
        }

        var stages = stageDtos.Select(st => new TrainingStage(st.Name!, st.Tokens!.Value, st.Mfu ?? t.Mfu!.Value, st.Precision ?? precision, st.Recompute ?? recompute, st.SequenceLength)).ToList();
        var tokens = stages.Count > 0 ? stages.Sum(st => st.Tokens) : t.Tokens ?? model?.TrainingTokensTrillion * 1e12;
        if (model is not null && tokens is null)
        {
            Error("compute.training.tokens", $"{model.Id} has no published token count", "compute.training.tokens");
        }

        // Selective recomputation and the attention term count attention FLOPs: they need the model's layers, width and
        // the sequence length (the stage's, else the model's).
        if (model is { } mm)
        {
            var runs = stages.Count > 0
                ? stages.Select((st, i) => (Path: F($"compute.training.stages[{i}]"), st.Recompute, Sequence: st.SequenceLength ?? mm.SequenceLength))
                : [(Path: "compute.training", Recompute: recompute, Sequence: mm.SequenceLength)];
            foreach (var (path, r, sequence) in runs)
            {
                if (r == Recompute.Selective && (mm.Layers is null || mm.ModelDim is null || sequence is null))
                {
                    Error(path + ".recompute", $"selective recomputation recomputes the attention core, and {mm.Id} lacks layers, modelDim or a sequence length to count it",
                        "none or full, or a model with layers, modelDim and sequenceLength");
                }
                else if (t.IncludeAttention == true && sequence is null && stages.Count > 0)
                {
                    Error(path + ".sequenceLength", $"{mm.Id} has no sequence length for this stage's attention FLOPs", "a sequenceLength for the stage");
                }
            }
        }

        if (stageDtos.Select(st => st.Name).Distinct(StringComparer.Ordinal).Count() < stageDtos.Count)
        {
            Error("compute.training.stages", "two stages have the same name", "a different name per stage");
        }

        var basis = t.CostBasis!.Value;
        if (basis == CostBasisKind.PricePerHour && (t.PricePerAcceleratorHour is null || currency is null))
        {
            Error("compute.training.pricePerAcceleratorHour", "costBasis: pricePerHour needs pricePerAcceleratorHour and the scenario's currency", "pricePerAcceleratorHour and a top-level currency");
        }

        if (basis is CostBasisKind.SiteRent or CostBasisKind.SiteAccountingBreakEven or CostBasisKind.SiteEconomicBreakEven)
        {
            if (!hasSite)
            {
                Error("compute.training.costBasis", $"costBasis: {SchemaInfo.ChoiceName(basis.ToString())} prices accelerator-hours from the scenario's site, and it has none", "a site section, or costBasis: marketRental or pricePerHour");
            }

            if (t.ServerCapexPerAccelerator is null)
            {
                Error("compute.training.serverCapexPerAccelerator", "the owner's cost needs the server capex per accelerator", "serverCapexPerAccelerator in the scenario's currency");
            }
        }

        if (t.IncludeAttention == true && model is { } m && (m.Layers is null || m.ModelDim is null || m.SequenceLength is null))
        {
            Error("compute.training.includeAttention", $"{m.Id} lacks layers, modelDim or sequenceLength for the attention term", "includeAttention: false, or a model with those figures");
        }

        if (model is null || tokens is null)
        {
            return null;
        }

        return new TrainingSpec
        {
            Model = model,
            Tokens = tokens.Value,
            Fleet = fleet,
            Mfu = t.Mfu!.Value,
            Precision = precision,
            Ettr = t.Ettr!.Value,
            PowerFraction = t.PowerFraction!.Value,
            HostWattsPerAccelerator = t.HostWattsPerAccelerator!.Value,
            Pue = t.Pue!.Value,
            IncludeAttention = t.IncludeAttention!.Value,
            CostBasis = basis,
            PricePerAcceleratorHour = t.PricePerAcceleratorHour,
            ServerCapexPerAccelerator = t.ServerCapexPerAccelerator,
            ServerLifeYears = t.ServerLifeYears!.Value,
            Recompute = recompute,
            StragglerPenalty = t.StragglerPenalty!.Value,
            Stages = stages.Count > 0 ? stages : null,
        };
    }

    private static void CheckId(string id, string path, HashSet<string> ids, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        if (!IdPattern().IsMatch(id))
        {
            binder.Report(diagnostics, DiagnosticCodes.WrongType, path, $"'{id}' is not a lower-case id", "lower-case letters, digits, '-' and '.', e.g. h100-sxm");
        }
        else if (!ids.Add(id))
        {
            binder.Report(diagnostics, DiagnosticCodes.Inconsistent, path, $"the id '{id}' is already taken", "an id not in the catalog or earlier in the list");
        }
    }
}
