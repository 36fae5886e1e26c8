using Suanli.Analysis.Layout;
using Suanli.Analysis.Results;
using Suanli.Core.Layout;
using Suanli.Scenarios.Binding;

namespace Suanli.Reports.Json;

/// <summary>The JSON of <c>suanli layout --json</c>: every key of earlier versions, plus the common header, the inputs, named figures and notes.</summary>
public sealed record LayoutJson : ScenarioCommandJson
{
    internal LayoutJson(ResultHeader header, Words words)
        : base(header, words)
    {
    }

    /// <summary>Currency of every money figure.</summary>
    public required string Currency { get; init; }

    /// <summary>Total IT capacity of either layout, MW.</summary>
    public required double TotalItMw { get; init; }

    /// <summary>Halls of the campus, or sites of the distributed layout.</summary>
    public required int Units { get; init; }

    /// <summary>Stabilised occupancy studied.</summary>
    public required double Occupancy { get; init; }

    /// <summary>b, the capex scale exponent of the shared components.</summary>
    public required double ScaleExponent { get; init; }

    /// <summary>c, the staff exponent.</summary>
    public required double StaffExponent { get; init; }

    /// <summary>β, the exponent of a plant's facility overhead in its size.</summary>
    public required double PueOverheadExponent { get; init; }

    /// <summary>P_ref, the reference site's IT capacity, MW.</summary>
    public required double ReferenceItMw { get; init; }

    /// <summary>The reference site's design PUE.</summary>
    public required double ReferenceDesignPue { get; init; }

    /// <summary>Why PUE at the occupancy studied is null (no IT load), in words; null when it is given.</summary>
    public required string? PueNote { get; init; }

    /// <summary>The campus.</summary>
    public required LayoutSideJson Campus { get; init; }

    /// <summary>The distributed sites.</summary>
    public required LayoutSideJson Distributed { get; init; }

    /// <summary>(distributed − campus) / |campus| × 100 for every figure but the IRR; null where undefined.</summary>
    public required IReadOnlyDictionary<string, double?> DeltaPercent { get; init; }

    /// <summary>Where the campus saves per built kW-month, fully leased.</summary>
    public required SavingsBreakdownJson SavingsBreakdownPerKwMonth { get; init; }

    /// <summary>The campus's PUE advantage and its cause.</summary>
    public required PueAdvantageJson PueAdvantage { get; init; }

    /// <summary>A training job spanning each layout; null when not assessed (see <see cref="TrainingNote"/>).</summary>
    public required LayoutTrainingJson? Training { get; init; }

    /// <summary>Why the training job was not assessed, in words; null when it was.</summary>
    public required string? TrainingNote { get; init; }

    /// <summary>PUE and break-even rent by occupancy (<c>--sweep occupancy</c>); null otherwise.</summary>
    public required IReadOnlyList<OccupancyRow>? Sweep { get; init; }

    /// <summary>The comparison read out, in words (the "what this says" list).</summary>
    public required IReadOnlyList<string> Findings { get; init; }

    /// <summary>Every input with its source.</summary>
    public required IReadOnlyList<InputValue> Inputs { get; init; }

    /// <summary>The model's simplifications, in words.</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }

    /// <summary>Named figures with units and currency.</summary>
    public required IReadOnlyDictionary<string, MetricJson> Metrics { get; init; }

    /// <summary>Every reading of the result as a code, arguments and words.</summary>
    public required IReadOnlyList<FindingJson> Notes { get; init; }
}

/// <summary>One layout's figures in <c>suanli layout --json</c>.</summary>
public sealed record LayoutSideJson
{
    /// <summary>Construction capex per MW of IT.</summary>
    public required double CapexPerMw { get; init; }

    /// <summary>Opex of a steady-state year at the occupancy studied, per MW of IT.</summary>
    public required double OpexPerMwYear { get; init; }

    /// <summary>PUE at the occupancy studied; null without IT load.</summary>
    public required double? Pue { get; init; }

    /// <summary>PUE at full load (the plant's design PUE).</summary>
    public required double PueFullLoad { get; init; }

    /// <summary>Staff over all sites.</summary>
    public required double StaffFte { get; init; }

    /// <summary>Facility energy a year, MWh.</summary>
    public required double EnergyMwhPerYear { get; init; }

    /// <summary>CO2 a year, tonnes.</summary>
    public required double Co2TonnesPerYear { get; init; }

    /// <summary>Electricity bill a year.</summary>
    public required double EnergyCostPerYear { get; init; }

    /// <summary>Inter-site network cost a year.</summary>
    public required double NetworkCostPerYear { get; init; }

    /// <summary>Accounting break-even rent per built kW-month.</summary>
    public required double AccountingBreakEvenRentPerKwMonth { get; init; }

    /// <summary>Rent at which NPV is zero; null when there is none.</summary>
    public required double? EconomicBreakEvenRentPerKwMonth { get; init; }

    /// <summary>NPV of all sites.</summary>
    public required double Npv { get; init; }

    /// <summary>IRR of all sites' flows; null when there is none or several.</summary>
    public required double? Irr { get; init; }

    /// <summary>Why there is no single IRR, in words; null when there is one.</summary>
    public required string? IrrNote { get; init; }

    /// <summary>The accounting break-even's cost lines per built kW-month.</summary>
    public required IReadOnlyDictionary<string, double> CostStackPerKwMonth { get; init; }

    /// <summary>Sites of the layout.</summary>
    public required int Sites { get; init; }

    /// <summary>IT capacity of one site, MW.</summary>
    public required double SiteItMw { get; init; }

    /// <summary>IT capacity one plant serves, MW.</summary>
    public required double PlantItMw { get; init; }

    /// <summary>What tenants pay for power per built kW-month, fully leased.</summary>
    public required double TenantPowerPerKwMonth { get; init; }
}

/// <summary>Where the campus saves, per built kW-month.</summary>
/// <param name="SharedPlant">Depreciation, maintenance, insurance and property tax.</param>
/// <param name="Staff">Staff.</param>
/// <param name="Power">The operator's net power cost.</param>
/// <param name="NetworkAndOther">Network links and other fixed opex.</param>
/// <param name="Total">The sum: the difference in accounting break-even rent.</param>
public sealed record SavingsBreakdownJson(double SharedPlant, double Staff, double Power, double NetworkAndOther, double Total);

/// <summary>The campus's PUE advantage in JSON (see <see cref="Analysis.Layout.PueAdvantage"/>).</summary>
/// <param name="Cause">plantSize or none.</param>
/// <param name="CampusPlantItMw">IT the campus's plant serves.</param>
/// <param name="DistributedPlantItMw">IT each standalone plant serves.</param>
/// <param name="CampusDesignPue">The campus plant's design PUE.</param>
/// <param name="DistributedDesignPue">Each standalone plant's design PUE.</param>
/// <param name="OperatorPowerSavingPerKwMonth">Saving in the operator's net power cost per built kW-month.</param>
/// <param name="TenantPowerSavingPerKwMonth">Saving in what tenants pay for power per built kW-month.</param>
/// <param name="EnergySavingMwhPerYear">Energy saved a year.</param>
/// <param name="Co2SavingTonnesPerYear">CO2 saved a year.</param>
public sealed record PueAdvantageJson(PueAdvantageCause Cause, double CampusPlantItMw, double DistributedPlantItMw, double CampusDesignPue, double DistributedDesignPue,
    double OperatorPowerSavingPerKwMonth, double TenantPowerSavingPerKwMonth, double EnergySavingMwhPerYear, double Co2SavingTonnesPerYear);

/// <summary>A training job on one layout in JSON.</summary>
/// <param name="Sites">Sites it spans.</param>
/// <param name="DistanceKm">Distance between joined sites, km (0 on one site).</param>
/// <param name="LambdaPerDay">Interruptions per day.</param>
/// <param name="PNoInterruption24h">P(no interruption in 24 h).</param>
/// <param name="Ettr">Expected effective training time ratio.</param>
public sealed record LayoutTrainingSideJson(int Sites, double DistanceKm, double LambdaPerDay, double PNoInterruption24h, double Ettr);

/// <summary>A training job spanning each layout in JSON.</summary>
/// <param name="Campus">On the campus.</param>
/// <param name="Distributed">Over the distributed sites.</param>
/// <param name="StepTimeEfficiency">Step efficiency over the distributed sites (MODEL.md §5); null without a training.step section or when the job does not split over the sites.</param>
/// <param name="Note">What the assessment leaves out, in words.</param>
/// <param name="CampusStepTimeEfficiency">Step efficiency on the campus, or null as above.</param>
/// <param name="EffectiveThroughput">Step efficiency × ETTR over the sites ÷ the same on the campus, or null.</param>
/// <param name="NetworkGbpsPerLinkForTarget">Link capacity that keeps the target step efficiency, or null.</param>
/// <param name="NetworkCostPerYearForTarget">What links of that capacity cost a year, or null.</param>
/// <param name="TargetEfficiency">The target step efficiency, or null.</param>
public sealed record LayoutTrainingJson(LayoutTrainingSideJson Campus, LayoutTrainingSideJson Distributed, double? StepTimeEfficiency, string Note,
    double? CampusStepTimeEfficiency = null, double? EffectiveThroughput = null, double? NetworkGbpsPerLinkForTarget = null, double? NetworkCostPerYearForTarget = null,
    double? TargetEfficiency = null);

/// <summary>Turns a layout result into its JSON shape.</summary>
public static class LayoutJsonWriter
{
    /// <summary>The JSON record of a layout result, texts in the words' language.</summary>
    public static LayoutJson ToJson(LayoutAnalysisResult result, Words words)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(words);
        var c = result.Comparison;
        var inputs = result.Inputs;
        var s = result.Savings;
        var p = result.PueAdvantage;
        var t = result.Training;
        var delta = new OrderedDictionaryOf<double?>(result.Figures.Where(f => f.Key != "irr").Select(f => KeyValuePair.Create(f.Key, f.DeltaPercent)));
        return new LayoutJson(result.Header, words)
        {
            Currency = result.Currency.ToString(),
            TotalItMw = inputs.TotalItMw,
            Units = inputs.Units,
            Occupancy = c.Occupancy,
            ScaleExponent = inputs.ScaleExponent,
            StaffExponent = inputs.StaffExponent,
            PueOverheadExponent = inputs.PueOverheadExponent,
            ReferenceItMw = inputs.ReferenceMw,
            ReferenceDesignPue = inputs.BaseSite.DesignPue,
            PueNote = result.PueNote is { } note ? words.Finding(note) : null,
            Campus = Side(c.Campus, "campus", result, words),
            Distributed = Side(c.Distributed, "distributed", result, words),
            DeltaPercent = delta,
            SavingsBreakdownPerKwMonth = new SavingsBreakdownJson(s[SavingsSource.SharedPlant], s[SavingsSource.Staff], s[SavingsSource.Power], s[SavingsSource.NetworkAndOther], s.Total),
            PueAdvantage = new PueAdvantageJson(p.Cause, p.CampusPlantItMw, p.DistributedPlantItMw, p.CampusDesignPue, p.DistributedDesignPue,
                p.OperatorPowerSavingPerKwMonth, p.TenantPowerSavingPerKwMonth, p.EnergySavingMwhPerYear, p.Co2SavingTonnesPerYear),
            Training = t is { Campus: { } tc, Distributed: { } td }
                ? new LayoutTrainingJson(TrainingSide(tc), TrainingSide(td), t.Step?.DistributedEfficiency, words.Finding(t.Note), t.Step?.CampusEfficiency,
                    t.Step?.EffectiveThroughput, t.Step?.RequiredGbpsPerLink, t.Step?.RequiredNetworkCostPerYear, t.Step?.TargetEfficiency)
                : null,
            TrainingNote = t.Status == LayoutTrainingStatus.Assessed ? null : words.Finding(t.Note),
            Sweep = result.Sweep,
            Findings = [.. result.Readings.Select(words.Finding)],
            Inputs = result.Header.Inputs,
            ModelNotes = [.. result.ModelNotes.Select(n => words[n])],
            Metrics = EssayJsonWriter.Metrics(result.Metrics),
            Notes = [.. result.Findings.Select(f => EssayJsonWriter.Finding(f, words))],
        };
    }

    private static LayoutSideJson Side(LayoutResult r, string side, LayoutAnalysisResult result, Words words)
    {
        var irrNote = result.Findings.FirstOrDefault(f => f.Code.StartsWith("econ.irr.", StringComparison.Ordinal)
            && f.Args.TryGetValue("layout", out var which) && which.Term is { } term && term.Key == "layout.side." + side);
        return new LayoutSideJson
        {
            CapexPerMw = r.CapexPerMw,
            OpexPerMwYear = r.OpexPerMwYear,
            Pue = r.Pue,
            PueFullLoad = r.PueFullLoad,
            StaffFte = r.StaffFte,
            EnergyMwhPerYear = r.EnergyMwhPerYear,
            Co2TonnesPerYear = r.Co2TonnesPerYear,
            EnergyCostPerYear = r.EnergyCostPerYear,
            NetworkCostPerYear = r.NetworkCostPerYear,
            AccountingBreakEvenRentPerKwMonth = r.AccountingBreakEvenRentPerKwMonth,
            EconomicBreakEvenRentPerKwMonth = r.EconomicBreakEvenRentPerKwMonth,
            Npv = r.Npv,
            Irr = r.Irr.AnnualRate,
            IrrNote = irrNote is null ? null : words.Finding(irrNote),
            CostStackPerKwMonth = new OrderedDictionaryOf<double>(r.CostStackPerKwMonth.Lines),
            Sites = r.Sites.Count,
            SiteItMw = r.Sites[0].ItCapacityMw,
            PlantItMw = r.PlantItMw,
            TenantPowerPerKwMonth = r.TenantPowerPerKwMonth,
        };
    }

    private static LayoutTrainingSideJson TrainingSide(LayoutTrainingSide t) => new(t.Sites, t.DistanceKm, t.InterruptionsPerDay, t.PNoInterruption24h, t.Ettr);
}
