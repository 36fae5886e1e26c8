using Suanli.Analysis.Compute;
using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>An amount with its currency.</summary>
/// <param name="Amount">The amount.</param>
/// <param name="Currency">Its currency (<c>RMB</c>, <c>USD</c>).</param>
public sealed record MoneyJson(double Amount, string Currency)
{
    /// <summary>The JSON of an amount, or null.</summary>
    public static MoneyJson? Of(Money? money) => money is { } m ? new MoneyJson(m.Amount, m.Currency.ToString()) : null;
}

/// <summary>An exchange rate as used: rate, year of the average (null for a stated rate), why this one, and its source.</summary>
/// <param name="RmbPerUsd">Renminbi per US dollar.</param>
/// <param name="Year">Year of the annual average; null for a stated rate.</param>
/// <param name="Basis">Why this rate, in words.</param>
/// <param name="BasisCode">Why this rate, as a code (<c>compute.fx.*</c>).</param>
/// <param name="Source">The catalog's source of the year's average.</param>
public sealed record FxJson(double RmbPerUsd, int? Year, string Basis, string BasisCode, string? Source)
{
    /// <summary>The JSON of a rate.</summary>
    public static FxJson Of(ExchangeRateUsed fx, Words words)
    {
        ArgumentNullException.ThrowIfNull(fx);
        return new FxJson(fx.Rate.RmbPerUsd, fx.Rate.Year, ComputeWords.FxBasis(fx, words, withSource: false), fx.Basis.Code, fx.Source);
    }
}

/// <summary>A chip type's price per accelerator-hour and where it comes from.</summary>
/// <param name="Accelerator">Chip id.</param>
/// <param name="PricePerAcceleratorHour">The price; null when there is none.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="BasisCode">Where it comes from, as a code (<c>compute.price.*</c>).</param>
/// <param name="Basis">The same in words.</param>
public sealed record PriceJson(string Accelerator, double? PricePerAcceleratorHour, string? Currency, string BasisCode, string Basis);

/// <summary>What one chip type of the fleet contributes and consumes.</summary>
/// <param name="AcceleratorId">Chip id.</param>
/// <param name="Count">Chips.</param>
/// <param name="Availability">Usable share of time.</param>
/// <param name="DeliveredFlopsPerSecond">Model FLOP/s delivered while the run makes progress.</param>
/// <param name="AcceleratorHours">Count × wall-clock hours.</param>
/// <param name="PowerWatts">Facility watts.</param>
/// <param name="Cost">Accelerator-hours × price, or null.</param>
public sealed record FleetUsageJson(string AcceleratorId, int Count, double Availability, double DeliveredFlopsPerSecond, double AcceleratorHours, double PowerWatts, MoneyJson? Cost);

/// <summary>The owner's cost of one chip type's accelerator-hour, by part.</summary>
/// <param name="Accelerator">Chip id.</param>
/// <param name="Currency">Currency.</param>
/// <param name="RentPerKwMonth">The rent used.</param>
/// <param name="KwPerAccelerator">IT kW per accelerator.</param>
/// <param name="FacilityPerHour">Rent × kW ÷ 730 h.</param>
/// <param name="PowerPerHour">Power billed separately, per hour.</param>
/// <param name="ServerPerHour">Server capex at the capital-recovery annuity, per hour.</param>
/// <param name="ServerPerHourStraightLine">Server capex straight line, per hour.</param>
/// <param name="DiscountRate">The annuity's rate.</param>
/// <param name="ServerLifeYears">Recovery years.</param>
/// <param name="TotalPerHour">Total per hour (annuity).</param>
/// <param name="TotalPerHourStraightLine">Total per hour (straight line).</param>
/// <param name="Pue">The PUE power is priced at: the run's, the one its energy uses.</param>
public sealed record OwnerCostJson(string Accelerator, string Currency, double RentPerKwMonth, double KwPerAccelerator, double FacilityPerHour, double PowerPerHour,
    double ServerPerHour, double ServerPerHourStraightLine, double DiscountRate, double ServerLifeYears, double TotalPerHour, double TotalPerHourStraightLine, double Pue);

/// <summary>A finding of the training engine as earlier versions wrote it: its code, its figures in order, and its words.</summary>
/// <param name="Code">The engine's code (<c>mixedVendorSynchronousJob</c>).</param>
/// <param name="Arguments">Its figures, in the order the code documents.</param>
/// <param name="Text">The finding in words.</param>
public sealed record EngineFindingJson(ComputeFindingCode Code, IReadOnlyList<double> Arguments, string Text);

/// <summary>One stage of the run, computed.</summary>
/// <param name="Name">Stage name.</param>
/// <param name="Tokens">Tokens.</param>
/// <param name="Precision">Precision.</param>
/// <param name="Mfu">MFU of the stage's peak.</param>
/// <param name="EffectiveMfu">Over the fleet after the straggler penalty.</param>
/// <param name="Hfu">Hardware FLOPs utilisation.</param>
/// <param name="Recompute">Recomputation.</param>
/// <param name="SequenceLength">Sequence length.</param>
/// <param name="TrainingFlops">Model FLOPs.</param>
/// <param name="HardwareFlops">Hardware FLOPs.</param>
/// <param name="WallClockDays">Days.</param>
/// <param name="AcceleratorHours">Accelerator-hours.</param>
/// <param name="EnergyMwh">Energy.</param>
/// <param name="Cost">Cost, or null.</param>
/// <param name="Currency">Its currency.</param>
public sealed record StageJson(string Name, double Tokens, Precision Precision, double Mfu, double EffectiveMfu, double Hfu, Recompute Recompute, int? SequenceLength,
    double TrainingFlops, double HardwareFlops, double WallClockDays, double AcceleratorHours, double EnergyMwh, double? Cost, string? Currency);

/// <summary>A model's 6·N·D against what its authors published.</summary>
/// <param name="SixNdFlops">6 × N_active × D.</param>
/// <param name="FlopsDeviation">(6ND − reported) / reported.</param>
/// <param name="PublishedMfu">Published utilisation on the model-FLOPs basis.</param>
/// <param name="PublishedHfu">Published utilisation on the hardware-FLOPs basis.</param>
/// <param name="ComputedAcceleratorHours">6ND at the published count, utilisation and ETTR.</param>
/// <param name="AcceleratorHoursDeviation">(computed − reported) / reported.</param>
/// <param name="HoursCovered">The reported hours 6ND is set against.</param>
/// <param name="ImpliedUtilisation">6ND over the hours covered, of the BF16 peak.</param>
/// <param name="ImpliedUtilisationOfReportedPeak">The same of the published precision's peak.</param>
/// <param name="Note">How to read the figures, in words.</param>
/// <param name="Notes">The same as codes and arguments.</param>
public sealed record PublishedCheckJson(double? SixNdFlops, double? FlopsDeviation, double? PublishedMfu, double? PublishedHfu, double? ComputedAcceleratorHours,
    double? AcceleratorHoursDeviation, double? HoursCovered, double? ImpliedUtilisation, double? ImpliedUtilisationOfReportedPeak, string? Note, IReadOnlyList<FindingJson> Notes)
{
    /// <summary>The JSON of a check, its notes in words.</summary>
    public static PublishedCheckJson Of(PublishedCheck c, Words words)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(words);
        return new PublishedCheckJson(c.SixNdFlops, c.FlopsDeviation, c.PublishedMfu, c.PublishedHfu, c.ComputedAcceleratorHours, c.AcceleratorHoursDeviation,
            c.HoursCovered, c.ImpliedUtilisation, c.ImpliedUtilisationOfReportedPeak,
            c.Findings.Count > 0 ? string.Join(words["compute.sentence.separator"], c.Findings.Select(words.Finding)) : null,
            [.. c.Findings.Select(f => EssayJsonWriter.Finding(f, words))]);
    }
}

/// <summary>What the model's authors published, beside this run.</summary>
public sealed record PublishedJson
{
    /// <summary>Training FLOPs.</summary>
    public required double? TrainingFlops { get; init; }

    /// <summary>Accelerator-hours.</summary>
    public required double? AcceleratorHours { get; init; }

    /// <summary>Pre-training accelerator-hours.</summary>
    public required double? PretrainingAcceleratorHours { get; init; }

    /// <summary>Accelerator id.</summary>
    public required string? Accelerator { get; init; }

    /// <summary>Accelerators.</summary>
    public required int? AcceleratorCount { get; init; }

    /// <summary>Precision.</summary>
    public required Precision? Precision { get; init; }

    /// <summary>Utilisation as published.</summary>
    public required double? Mfu { get; init; }

    /// <summary>Whether it counts model or hardware FLOPs.</summary>
    public required UtilisationBasis UtilisationBasis { get; init; }

    /// <summary>Recomputation.</summary>
    public required Recompute? Recompute { get; init; }

    /// <summary>The published utilisation on the model-FLOPs basis.</summary>
    public required double? MfuModelFlopsBasis { get; init; }

    /// <summary>The published utilisation on the hardware-FLOPs basis.</summary>
    public required double? Hfu { get; init; }

    /// <summary>Cost.</summary>
    public required double? Cost { get; init; }

    /// <summary>Its currency.</summary>
    public required string? CostCurrency { get; init; }

    /// <summary>Year of its prices.</summary>
    public required int? CostYear { get; init; }

    /// <summary>The cost in the run's currency.</summary>
    public required double? CostInRunCurrency { get; init; }

    /// <summary>The run's currency.</summary>
    public required string? RunCurrency { get; init; }

    /// <summary>The rate of the conversion.</summary>
    public required FxJson? Fx { get; init; }

    /// <summary>The run's cost ÷ the published cost − 1.</summary>
    public required double? CostDeviation { get; init; }

    /// <summary>What the figures cover (the catalog's note).</summary>
    public required string? Note { get; init; }

    /// <summary>6ND against the publication.</summary>
    public required PublishedCheckJson Check { get; init; }

    /// <summary>This run's figures beside the published ones.</summary>
    public required IReadOnlyList<PublishedRow> Rows { get; init; }
}

/// <summary>The dense-equivalent comparison of <c>--compare-dense</c>.</summary>
/// <param name="DenseTrainingFlops">Dense model's training FLOPs.</param>
/// <param name="DenseAcceleratorHours">Its accelerator-hours.</param>
/// <param name="DenseWallClockDays">Its days.</param>
/// <param name="DenseEnergyMwh">Its energy.</param>
/// <param name="DenseCost">Its cost.</param>
/// <param name="ComputeRatio">Dense ÷ MoE FLOPs.</param>
/// <param name="InferenceFlopsPerTokenRatio">N_total ÷ N_active.</param>
/// <param name="RatioIfMoeMfuHalved">The saving if the MoE reaches half the dense MFU.</param>
public sealed record DenseComparisonJson(double DenseTrainingFlops, double DenseAcceleratorHours, double DenseWallClockDays, double DenseEnergyMwh, double? DenseCost,
    double ComputeRatio, double InferenceFlopsPerTokenRatio, double RatioIfMoeMfuHalved);

/// <summary>The JSON of <c>suanli train --json</c>: every key of earlier versions, plus the common header, named figures and notes.</summary>
public sealed record TrainJson : ScenarioCommandJson
{
    internal TrainJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>Model id.</summary>
    public required string Model { get; init; }

    /// <summary>Dense or MoE.</summary>
    public required ModelArchitecture Architecture { get; init; }

    /// <summary>Total parameters, billions.</summary>
    public required double TotalParamsBillion { get; init; }

    /// <summary>Active parameters, billions.</summary>
    public required double ActiveParamsBillion { get; init; }

    /// <summary>Tokens over all stages.</summary>
    public required double Tokens { get; init; }

    /// <summary>Per chip type.</summary>
    public required IReadOnlyList<FleetUsageJson> Fleet { get; init; }

    /// <summary>MFU of the run's peak.</summary>
    public required double Mfu { get; init; }

    /// <summary>Where it comes from, in words.</summary>
    public required string MfuSource { get; init; }

    /// <summary>Where it comes from, as a code (<c>compute.mfu.*</c>).</summary>
    public required string MfuSourceCode { get; init; }

    /// <summary>Whose peak the MFU is of.</summary>
    public required Precision MfuPeakPrecision { get; init; }

    /// <summary>Effective MFU over the run.</summary>
    public required double EffectiveMfu { get; init; }

    /// <summary>HFU over the run.</summary>
    public required double Hfu { get; init; }

    /// <summary>Recomputation.</summary>
    public required Recompute Recompute { get; init; }

    /// <summary>Model FLOP/s as a share of the BF16 peak.</summary>
    public required double UtilisationOfBf16Peak { get; init; }

    /// <summary>Precision.</summary>
    public required Precision Precision { get; init; }

    /// <summary>ETTR.</summary>
    public required double Ettr { get; init; }

    /// <summary>Where the ETTR comes from.</summary>
    public required EttrSource EttrSource { get; init; }

    /// <summary>PUE.</summary>
    public required double Pue { get; init; }

    /// <summary>Share of TDP.</summary>
    public required double PowerFraction { get; init; }

    /// <summary>Host watts per accelerator.</summary>
    public required double HostWattsPerAccelerator { get; init; }

    /// <summary>Model FLOPs.</summary>
    public required double TrainingFlops { get; init; }

    /// <summary>6ND part.</summary>
    public required double DenseTermFlops { get; init; }

    /// <summary>Attention part.</summary>
    public required double AttentionTermFlops { get; init; }

    /// <summary>Hardware FLOPs.</summary>
    public required double HardwareFlops { get; init; }

    /// <summary>Model FLOP/s on useful work.</summary>
    public required double DeliveredFlopsPerSecond { get; init; }

    /// <summary>Days.</summary>
    public required double WallClockDays { get; init; }

    /// <summary>Accelerator-hours.</summary>
    public required double AcceleratorHours { get; init; }

    /// <summary>Facility MW.</summary>
    public required double PowerMw { get; init; }

    /// <summary>Facility MWh.</summary>
    public required double EnergyMwh { get; init; }

    /// <summary>Cost, when every chip has a price in one currency.</summary>
    public required double? Cost { get; init; }

    /// <summary>Its currency.</summary>
    public required string? Currency { get; init; }

    /// <summary>Where the prices come from, in words.</summary>
    public required string CostBasis { get; init; }

    /// <summary>Each chip type's price and where it comes from.</summary>
    public required IReadOnlyList<PriceJson> Prices { get; init; }

    /// <summary>The cost in the other currency.</summary>
    public required MoneyJson? CostInOtherCurrency { get; init; }

    /// <summary>The rate of that conversion.</summary>
    public required FxJson Fx { get; init; }

    /// <summary>The owner's cost by part, when the run is priced at it.</summary>
    public required IReadOnlyList<OwnerCostJson>? OwnerCost { get; init; }

    /// <summary>Straggler penalty.</summary>
    public required double StragglerPenalty { get; init; }

    /// <summary>The engine's findings as earlier versions wrote them.</summary>
    public required IReadOnlyList<EngineFindingJson> Findings { get; init; }

    /// <summary>Stages.</summary>
    public required IReadOnlyList<StageJson> Stages { get; init; }

    /// <summary>Cluster power ÷ 20 W.</summary>
    public required double BrainEquivalentRatio { get; init; }

    /// <summary>A brain's power.</summary>
    public required double BrainWatts { get; init; }

    /// <summary>A brain's energy over the same wall-clock time.</summary>
    public required double BrainEnergyKwhOverWallClock { get; init; }

    /// <summary>Years a brain would run on the training energy.</summary>
    public required double BrainYearsOnTrainingEnergy { get; init; }

    /// <summary>What the authors published, beside this run.</summary>
    public required PublishedJson Published { get; init; }

    /// <summary>The dense-equivalent comparison, when asked.</summary>
    public required DenseComparisonJson? DenseComparison { get; init; }

    /// <summary>Named figures with units and currency.</summary>
    public required IReadOnlyDictionary<string, MetricJson> Metrics { get; init; }

    /// <summary>Every reading of the result as a code, arguments and words.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }

    /// <summary>The model's simplifications, in words.</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }

    /// <summary>Every input with its source: the scenario's, the options given, the defaults used and the catalog entries.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }
}

/// <summary>Turns a training result into its JSON shape.</summary>
public static class TrainJsonWriter
{
    /// <summary>The JSON record of a training result, texts in the words' language.</summary>
    public static TrainJson ToJson(TrainResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        var e = result.Estimate;
        var run = result.Run;
        var m = run.Model;
        var published = result.PublishedCostInRunCurrency;
        return new TrainJson(result.Header, words)
        {
            Model = m.Id,
            Architecture = m.Architecture,
            TotalParamsBillion = m.TotalParamsBillion,
            ActiveParamsBillion = m.ActiveParamsBillion,
            Tokens = e.Stages.Sum(s => s.Stage.Tokens),
            Fleet = [.. e.Fleet.Select(f => new FleetUsageJson(f.AcceleratorId, f.Count, f.Availability, f.DeliveredFlopsPerSecond, f.AcceleratorHours, f.PowerWatts, MoneyJson.Of(f.Cost)))],
            Mfu = run.Mfu,
            MfuSource = words.Finding(result.MfuSource),
            MfuSourceCode = result.MfuSource.Code,
            MfuPeakPrecision = run.Precision,
            EffectiveMfu = e.EffectiveMfu,
            Hfu = e.Hfu,
            Recompute = run.Recompute,
            UtilisationOfBf16Peak = e.UtilisationOfBf16Peak,
            Precision = run.Precision,
            Ettr = run.Ettr,
            EttrSource = result.EttrSource,
            Pue = run.Pue,
            PowerFraction = run.PowerFraction,
            HostWattsPerAccelerator = run.HostWattsPerAccelerator,
            TrainingFlops = e.TrainingFlops,
            DenseTermFlops = e.DenseTermFlops,
            AttentionTermFlops = e.AttentionTermFlops,
            HardwareFlops = e.HardwareFlops,
            DeliveredFlopsPerSecond = e.DeliveredFlopsPerSecond,
            WallClockDays = e.WallClockDays,
            AcceleratorHours = e.AcceleratorHours,
            PowerMw = e.PowerMw,
            EnergyMwh = e.EnergyMwh,
            Cost = e.Cost?.Amount,
            Currency = e.Cost?.Currency.ToString(),
            CostBasis = ComputeWords.CostBasis(result.Prices, result.PricesPerChipType, words),
            Prices = [.. result.Prices.Select(p => new PriceJson(p.AcceleratorId, p.Price?.Amount, p.Price?.Currency.ToString(), p.Basis.Code, words.Finding(p.Basis)))],
            CostInOtherCurrency = MoneyJson.Of(result.CostInOtherCurrency),
            Fx = FxJson.Of(result.RunFx, words),
            OwnerCost = result.OwnerCosts.Count == 0 ? null : [.. result.OwnerCosts.Select(o => new OwnerCostJson(o.AcceleratorId, o.Cost.Currency.ToString(),
                o.Cost.RentPerKwMonth, o.Cost.KwPerAccelerator, o.Cost.FacilityPerHour, o.Cost.PowerPerHour, o.Cost.ServerPerHour, o.Cost.ServerPerHourStraightLine,
                o.Cost.DiscountRate, o.Cost.ServerLifeYears, o.Cost.Total, o.Cost.TotalStraightLine, o.Cost.Pue))],
            StragglerPenalty = run.StragglerPenalty,
            Findings = [.. e.Findings.Select(f => new EngineFindingJson(f.Code, f.Arguments,
                words.Finding(result.Findings.First(x => x.Code == "compute." + Words.Camel(f.Code.ToString())))))],
            Stages = [.. e.Stages.Select(s => new StageJson(s.Stage.Name, s.Stage.Tokens, s.Stage.Precision, s.Stage.Mfu, s.EffectiveMfu, s.Hfu, s.Stage.Recompute,
                s.Stage.SequenceLength ?? m.SequenceLength, s.ModelFlops, s.HardwareFlops, s.WallClockSeconds / 86_400, s.AcceleratorHours, s.EnergyMwh,
                s.Cost?.Amount, s.Cost?.Currency.ToString()))],
            BrainEquivalentRatio = e.BrainEquivalentRatio,
            BrainWatts = ComputeDefaults.BrainWatts,
            BrainEnergyKwhOverWallClock = result.BrainEnergyKwhOverWallClock,
            BrainYearsOnTrainingEnergy = result.BrainYearsOnTrainingEnergy,
            Published = new PublishedJson
            {
                TrainingFlops = m.ReportedTrainingFlops,
                AcceleratorHours = m.ReportedAcceleratorHours,
                PretrainingAcceleratorHours = m.ReportedPretrainingAcceleratorHours,
                Accelerator = m.ReportedAccelerator,
                AcceleratorCount = m.ReportedAcceleratorCount,
                Precision = m.ReportedPrecision,
                Mfu = m.ReportedMfu,
                UtilisationBasis = m.ReportedUtilisationBasis,
                Recompute = m.ReportedRecompute,
                MfuModelFlopsBasis = result.Published.PublishedMfu,
                Hfu = result.Published.PublishedHfu,
                Cost = m.ReportedCost?.Amount,
                CostCurrency = m.ReportedCost?.Currency.ToString(),
                CostYear = m.ReportedCostYear,
                CostInRunCurrency = published?.Amount,
                RunCurrency = published?.Currency.ToString(),
                Fx = published is null ? null : FxJson.Of(result.PublishedFx, words),
                CostDeviation = result.PublishedCostDeviation,
                Note = m.ReportedNote,
                Check = PublishedCheckJson.Of(result.Published, words),
                Rows = result.PublishedRows,
            },
            DenseComparison = result.Dense is { } d
                ? new DenseComparisonJson(d.Estimate.TrainingFlops, d.Estimate.AcceleratorHours, d.Estimate.WallClockDays, d.Estimate.EnergyMwh, d.Estimate.Cost?.Amount,
                    d.ComputeRatio, d.InferenceFlopsPerTokenRatio, d.RatioIfMoeMfuHalved)
                : null,
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
            ModelNotes = [.. result.ModelNotes.Select(n => words[n])],
            Inputs = result.Header.Inputs,
        };
    }
}
