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
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + ".rentalCurrency", Messages.Of("diag2.compute.rentalPair"), Messages.Of("diag2.compute.rentalPair.allowed"),
                    at + ".rentalPricePerHour");
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
                ChinaAccess = a.ChinaAccess,
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
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + ".activeParamsBillion",
                    Messages.Of("diag2.compute.activeAboveTotal", ("active", binder.Typed(at + ".activeParamsBillion", m.ActiveParamsBillion!.Value, "R")),
                        ("total", binder.Typed(at + ".totalParamsBillion", m.TotalParamsBillion!.Value, "R"))),
                    Messages.Of("diag2.compute.activeAboveTotal.allowed"), at + ".totalParamsBillion");
            }

            if (m.Architecture == ModelArchitecture.Dense && m.ActiveParamsBillion != m.TotalParamsBillion)
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + ".activeParamsBillion", Messages.Of("diag2.compute.denseActive"), Messages.Of("diag2.compute.denseActive.allowed"),
                    at + ".architecture", at + ".totalParamsBillion");
            }

            if ((m.ReportedCost is null) != (m.ReportedCostCurrency is null) || (m.ReportedCost is null) != (m.ReportedCostYear is null))
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + (m.ReportedCostCurrency is null ? ".reportedCostCurrency" : ".reportedCostYear"),
                    Messages.Of("diag2.compute.reportedCostTrio"), Messages.Of("diag2.compute.reportedCostTrio.allowed"), at + ".reportedCost", at + ".reportedCostCurrency", at + ".reportedCostYear");
            }

            if ((m.KvLoraRank is null) != (m.RopeHeadDim is null) || (m.KvHeads is null) != (m.HeadDim is null) || (m.KvLoraRank is not null && m.KvHeads is not null))
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + (m.KvLoraRank is not null || m.RopeHeadDim is not null ? ".kvLoraRank" : ".kvHeads"),
                    Messages.Of("diag2.compute.kvCache"), Messages.Of("diag2.compute.kvCache.allowed"), at + ".kvLoraRank", at + ".ropeHeadDim", at + ".kvHeads", at + ".headDim");
            }

            if (m.ReportedPretrainingAcceleratorHours > m.ReportedAcceleratorHours)
            {
                binder.Report(diagnostics, DiagnosticCodes.Inconsistent, at + ".reportedPretrainingAcceleratorHours",
                    Messages.Of("diag2.compute.pretrainingHours", ("pretraining", binder.Typed(at + ".reportedPretrainingAcceleratorHours", m.ReportedPretrainingAcceleratorHours!.Value, "R")),
                        ("total", binder.Typed(at + ".reportedAcceleratorHours", m.ReportedAcceleratorHours!.Value, "R"))),
                    Messages.Of("diag2.compute.pretrainingHours.allowed"), at + ".reportedAcceleratorHours");
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
            binder.Report(diagnostics, DiagnosticCodes.Inconsistent, "compute.priceYear", Messages.Of("diag2.compute.noFxForYear", ("year", F($"{year}"))),
                Messages.Of("diag2.compute.noFxForYear.allowed", ("first", F($"{catalog.RmbPerUsdByYear.Keys.Min()}")), ("last", F($"{catalog.RmbPerUsdByYear.Keys.Max()}"))));
        }

        return new ComputeScenario(catalog, dto.Training is null ? null : Training(dto.Training, catalog, currency, hasSite, binder, diagnostics), dto.FxRmbPerUsd, dto.PriceYear);
    }

    private static TrainingSpec? Training(TrainingComputeDto t, ComputeCatalog catalog, Currency? currency, bool hasSite, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        void Error(string path, MessageText message, MessageText allowed, params string[] involved) =>
            binder.Report(diagnostics, DiagnosticCodes.Inconsistent, path, message, allowed, involved);

        var model = catalog.FindModel(t.Model!);
        if (model is null)
        {
            binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, "compute.training.model", Messages.Of("diag2.compute.unknownModel", ("id", Diagnostic.Shown(t.Model))),
                Messages.Literal(string.Join(", ", catalog.Models.Keys)));
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
                binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, F($"compute.training.fleet[{i}].accelerator"),
                    Messages.Of("diag2.compute.unknownAccelerator", ("id", Diagnostic.Shown(f.Accelerator))), Messages.Literal(string.Join(", ", catalog.Accelerators.Keys)));
                continue;
            }

            if (precisions.Any(p => accelerator.PeakFlops(p) is null))
            {
                Error(F($"compute.training.fleet[{i}].accelerator"), Messages.Of("diag2.compute.noFp8", ("accelerator", accelerator.Id)), Messages.Of("diag2.compute.noFp8.allowed"),
                    ["compute.training.precision", .. stageDtos.Select((_, j) => F($"compute.training.stages[{j}].precision"))]);
            }

            fleet.Add(new FleetMember(accelerator, f.Count!.Value, f.Availability!.Value));
        }

        if (t.Fleet.Count == 0)
        {
            Error("compute.training.fleet", Messages.Of("diag2.compute.emptyFleet"), Messages.Of("diag2.compute.emptyFleet.allowed", ("item", "{accelerator, count}")));
        }

        if (stageDtos.Count > 0 && t.Tokens is not null)
        {
            Error("compute.training.tokens", Messages.Of("diag2.compute.tokensWithStages"), Messages.Of("diag2.compute.tokensWithStages.allowed"), "compute.training.stages");
        }

        var stages = stageDtos.Select(st => new TrainingStage(st.Name!, st.Tokens!.Value, st.Mfu ?? t.Mfu!.Value, st.Precision ?? precision, st.Recompute ?? recompute, st.SequenceLength)).ToList();
        var tokens = stages.Count > 0 ? stages.Sum(st => st.Tokens) : t.Tokens ?? model?.TrainingTokensTrillion * 1e12;
        if (model is not null && tokens is null)
        {
            Error("compute.training.tokens", Messages.Of("diag2.compute.noTokens", ("model", model.Id)), Messages.Of("diag2.compute.noTokens.allowed"), "compute.training.model");
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
                    Error(path + ".recompute", Messages.Of("diag2.compute.selectiveShape", ("model", mm.Id)), Messages.Of("diag2.compute.selectiveShape.allowed"),
                        "compute.training.model", path + ".sequenceLength");
                }
                else if (t.IncludeAttention == true && sequence is null && stages.Count > 0)
                {
                    Error(path + ".sequenceLength", Messages.Of("diag2.compute.stageSequence", ("model", mm.Id)), Messages.Of("diag2.compute.stageSequence.allowed"),
                        "compute.training.includeAttention", "compute.training.model");
                }
            }
        }

        if (stageDtos.Select(st => st.Name).Distinct(StringComparer.Ordinal).Count() < stageDtos.Count)
        {
            Error("compute.training.stages", Messages.Of("diag2.compute.stageNames"), Messages.Of("diag2.compute.stageNames.allowed"));
        }

        var basis = t.CostBasis!.Value;
        if (basis == CostBasisKind.PricePerHour && (t.PricePerAcceleratorHour is null || currency is null))
        {
            Error("compute.training.pricePerAcceleratorHour", Messages.Of("diag2.compute.priceNeeded"), Messages.Of("diag2.compute.priceNeeded.allowed"), "compute.training.costBasis");
        }

        if (basis is CostBasisKind.SiteRent or CostBasisKind.SiteAccountingBreakEven or CostBasisKind.SiteEconomicBreakEven)
        {
            if (!hasSite)
            {
                Error("compute.training.costBasis", Messages.Of("diag2.compute.siteNeeded", ("basis", SchemaInfo.ChoiceName(basis.ToString()))), Messages.Of("diag2.compute.siteNeeded.allowed"));
            }

            if (t.ServerCapexPerAccelerator is null)
            {
                Error("compute.training.serverCapexPerAccelerator", Messages.Of("diag2.compute.serverCapexNeeded"), Messages.Of("diag2.compute.serverCapexNeeded.allowed"), "compute.training.costBasis");
            }
        }

        if (t.IncludeAttention == true && model is { } m && (m.Layers is null || m.ModelDim is null || m.SequenceLength is null))
        {
            Error("compute.training.includeAttention", Messages.Of("diag2.compute.attentionShape", ("model", m.Id)), Messages.Of("diag2.compute.attentionShape.allowed"), "compute.training.model");
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
            binder.Report(diagnostics, DiagnosticCodes.WrongType, path, Messages.Of("diag2.compute.idForm", ("id", Diagnostic.Shown(id))), Messages.Of("diag2.compute.idForm.allowed"));
        }
        else if (!ids.Add(id))
        {
            binder.Report(diagnostics, DiagnosticCodes.Inconsistent, path, Messages.Of("diag2.compute.idTaken", ("id", Diagnostic.Shown(id))), Messages.Of("diag2.compute.idTaken.allowed"));
        }
    }
}
