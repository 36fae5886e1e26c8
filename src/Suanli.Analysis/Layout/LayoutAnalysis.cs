using Suanli.Analysis.Econ;
using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Economics;
using Suanli.Core.Layout;
using Suanli.Core.Multisite;
using Suanli.Core.Reliability;
using Suanli.Scenarios;

namespace Suanli.Analysis.Layout;

/// <summary>What a reader asked of the layout comparison.</summary>
/// <param name="Occupancy">Stabilised occupancy to compare at, in [0, 1]; null for the base site's 1 − vacancy.</param>
/// <param name="OccupancySweep">Also compute PUE and break-even rent from 30 % to 100 % occupancy.</param>
public sealed record LayoutOptions(double? Occupancy = null, bool OccupancySweep = false);

/// <summary>One figure of both layouts side by side, with how far apart they are.</summary>
/// <param name="Key">Stable key (<c>capexPerMw</c>, <c>pue</c>, …), the same as the layout's JSON keys.</param>
/// <param name="Campus">The campus's value; null when it does not exist (PUE without IT load, no IRR).</param>
/// <param name="Distributed">The distributed sites' value.</param>
/// <param name="DeltaPercent">(distributed − campus) / |campus| × 100; null when either is missing or the campus's is 0 (and for the IRR).</param>
/// <param name="DeltaPoints">For a rate (the IRR): distributed − campus in percentage points; null otherwise.</param>
/// <param name="Unit">The unit of both values.</param>
public sealed record LayoutFigure(string Key, double? Campus, double? Distributed, double? DeltaPercent, double? DeltaPoints, Unit Unit);

/// <summary>A line of the savings breakdown.</summary>
public enum SavingsSource
{
    /// <summary>Depreciation, maintenance, insurance and property tax: what the shared, larger plant costs per kW.</summary>
    SharedPlant,

    /// <summary>Staff.</summary>
    Staff,

    /// <summary>The operator's net power cost (PUE).</summary>
    Power,

    /// <summary>Inter-site network links and other fixed opex.</summary>
    NetworkAndOther,
}

/// <summary>One line of where the campus saves, per built kW-month, fully leased.</summary>
/// <param name="Source">The cost line.</param>
/// <param name="Campus">The campus's cost.</param>
/// <param name="Distributed">The distributed sites' cost.</param>
/// <param name="Saving">Distributed − campus.</param>
/// <param name="Share">Saving ÷ the total saving; null when the total saving is 0.</param>
public sealed record SavingsLine(SavingsSource Source, double Campus, double Distributed, double Saving, double? Share);

/// <summary>Where the distributed layout's extra accounting cost per built kW-month comes from; the lines add up to the difference in accounting break-even.</summary>
/// <param name="Lines">Shared plant, staff, power, network and other, in that order.</param>
/// <param name="CampusTotal">The campus's accounting break-even rent.</param>
/// <param name="DistributedTotal">The distributed sites' accounting break-even rent.</param>
/// <param name="Total">The total saving, distributed − campus.</param>
/// <param name="TenantPower">Memo: what tenants pay for power per built kW-month (pass-through; not in the total).</param>
public sealed record SavingsBreakdown(IReadOnlyList<SavingsLine> Lines, double CampusTotal, double DistributedTotal, double Total, SavingsLine TenantPower)
{
    /// <summary>Whether there is a saving to break down (the total is more than rounding residue); the lines' shares are null otherwise.</summary>
    public bool HasSaving => Lines[0].Share is not null;

    /// <summary>The saving of one line.</summary>
    public double this[SavingsSource source] => Lines.First(l => l.Source == source).Saving;
}

/// <summary>Why the campus's PUE differs from the distributed sites'.</summary>
public enum PueAdvantageCause
{
    /// <summary>No advantage from plant size: one unit, or PUE does not follow size (pueOverheadExponent = 1).</summary>
    None,

    /// <summary>The campus's one plant is larger and design PUE falls with plant size.</summary>
    PlantSize,
}

/// <summary>Why the campus's PUE differs from the distributed sites': the size of the plant each is.</summary>
/// <param name="Cause">Plant size when the campus's plant is larger and PUE scales with size; none otherwise.</param>
/// <param name="CampusPlantItMw">IT the campus's one plant serves.</param>
/// <param name="DistributedPlantItMw">IT each standalone site's plant serves.</param>
/// <param name="CampusDesignPue">The campus plant's design PUE.</param>
/// <param name="DistributedDesignPue">Each standalone plant's design PUE.</param>
/// <param name="OperatorPowerSavingPerKwMonth">Saving in the operator's net power cost per built kW-month, fully leased (in the accounting break-even).</param>
/// <param name="TenantPowerSavingPerKwMonth">Saving in what tenants pay for power per built kW-month, fully leased (pass-through; not in the break-even).</param>
/// <param name="EnergySavingMwhPerYear">Facility energy saved a year at the occupancy studied.</param>
/// <param name="Co2SavingTonnesPerYear">CO2 saved a year at the occupancy studied.</param>
public sealed record PueAdvantage(PueAdvantageCause Cause, double CampusPlantItMw, double DistributedPlantItMw, double CampusDesignPue, double DistributedDesignPue,
    double OperatorPowerSavingPerKwMonth, double TenantPowerSavingPerKwMonth, double EnergySavingMwhPerYear, double Co2SavingTonnesPerYear);

/// <summary>A training job on one layout: the reliability closed forms (MODEL.md §4).</summary>
/// <param name="Sites">Sites the job spans.</param>
/// <param name="DistanceKm">Fibre distance between joined sites (0 on one site).</param>
/// <param name="InterruptionsPerDay">λ × 24.</param>
/// <param name="PNoInterruption24h">P(no interruption in 24 h).</param>
/// <param name="Ettr">Expected effective training time ratio at the job's checkpoint interval (Daly's when auto).</param>
/// <param name="ClosedForms">Every closed form.</param>
public sealed record LayoutTrainingSide(int Sites, double DistanceKm, double InterruptionsPerDay, double PNoInterruption24h, double Ettr, ClosedFormResult ClosedForms);

/// <summary>Whether a training job spanning each layout could be assessed.</summary>
public enum LayoutTrainingStatus
{
    /// <summary>Assessed with the reliability closed forms.</summary>
    Assessed,

    /// <summary>The scenario has no training section.</summary>
    NoTrainingSection,

    /// <summary>The training section has no wan section for the links between sites (and there is more than one unit).</summary>
    NoWanSection,
}

/// <summary>A training job spanning each layout, or why it was not assessed.</summary>
/// <param name="Status">Assessed, or why not.</param>
/// <param name="JobAccelerators">Accelerators of the job, when the scenario has one.</param>
/// <param name="Campus">The job on the campus (one site).</param>
/// <param name="Distributed">The job spread over the distributed sites.</param>
/// <param name="Note">What the assessment leaves out (or why there is none), as a finding.</param>
/// <param name="IntervalIsDaly">Whether the job checkpoints at Daly's optimal interval (checkpointIntervalMinutes: auto) rather than at a stated one.</param>
/// <param name="Step">The job's step time on each layout, when the scenario has a training.step section and the job splits over the sites.</param>
public sealed record LayoutTraining(LayoutTrainingStatus Status, int? JobAccelerators, LayoutTrainingSide? Campus, LayoutTrainingSide? Distributed, Finding Note, bool IntervalIsDaly,
    LayoutStep? Step = null);

/// <summary>
/// The job's step time on each layout (MODEL.md §5): the campus is one site; the distributed layout sends the job's
/// cross-site exchange over the layout's own links (networkGbpsPerLink as each site's WAN bandwidth).
/// </summary>
/// <param name="CampusEfficiency">Step efficiency on the campus.</param>
/// <param name="DistributedEfficiency">Step efficiency over the distributed sites.</param>
/// <param name="EffectiveThroughput">Step efficiency × ETTR over the sites ÷ the same on the campus.</param>
/// <param name="TargetEfficiency">The step efficiency the bandwidth answer aims at.</param>
/// <param name="NetworkGbpsPerLink">The layout's link capacity.</param>
/// <param name="RequiredGbpsPerLink">The link capacity that meets the target, or null when none does.</param>
/// <param name="NetworkCostPerYear">What the layout's links cost a year.</param>
/// <param name="RequiredNetworkCostPerYear">What links of the required capacity would cost a year, or null.</param>
public sealed record LayoutStep(double CampusEfficiency, double DistributedEfficiency, double EffectiveThroughput, double TargetEfficiency, double NetworkGbpsPerLink,
    double? RequiredGbpsPerLink, double NetworkCostPerYear, double? RequiredNetworkCostPerYear);

/// <summary>Everything <c>suanli layout</c> computes: both layouts, where the campus saves, its PUE advantage, a training job across it, the occupancy sweep, named figures and findings.</summary>
public sealed record LayoutAnalysisResult : IModelResult
{
    /// <inheritdoc />
    public required ResultHeader Header { get; init; }

    /// <summary>The engine's comparison (MODEL.md §2).</summary>
    public required LayoutComparison Comparison { get; init; }

    /// <summary>The figures of both layouts side by side, in the order they are shown.</summary>
    public required IReadOnlyList<LayoutFigure> Figures { get; init; }

    /// <summary>Where the campus saves per built kW-month.</summary>
    public required SavingsBreakdown Savings { get; init; }

    /// <summary>The campus's PUE advantage and its cause.</summary>
    public required PueAdvantage PueAdvantage { get; init; }

    /// <summary>Links joining the distributed sites (by topology; none for one site).</summary>
    public required int NetworkLinks { get; init; }

    /// <summary>Whether tenants pay for power on top of rent (pass-through), so that what they pay is shown as a memo.</summary>
    public required bool PowerPassThrough { get; init; }

    /// <summary>Whether the power saving goes to tenants (pass-through at metered PUE, no contractual PUE) rather than to the operator.</summary>
    public required bool PowerSavingGoesToTenants { get; init; }

    /// <summary>A training job spanning each layout.</summary>
    public required LayoutTraining Training { get; init; }

    /// <summary>PUE and break-even rent by occupancy, when asked for.</summary>
    public required IReadOnlyList<OccupancyRow>? Sweep { get; init; }

    /// <summary>Why PUE at the occupancy studied is not given (no IT load); null when it is.</summary>
    public required Finding? PueNote { get; init; }

    /// <summary>The comparison read out, in order: what the report says in its "what this says" list.</summary>
    public required IReadOnlyList<Finding> Readings { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<Metric> Metrics { get; init; }

    /// <inheritdoc />
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The model's simplifications, as resource codes (<c>layout.model.*</c>).</summary>
    public required IReadOnlyList<string> ModelNotes { get; init; }

    /// <summary>The layout's inputs.</summary>
    public LayoutInputs Inputs => Comparison.Inputs;

    /// <summary>The currency of every money figure.</summary>
    public Currency Currency => Comparison.Inputs.BaseSite.Currency;
}

/// <summary>The application entry of the campus-vs-distributed model: a validated scenario's <c>layout</c> → <see cref="LayoutAnalysisResult"/>.</summary>
public static class LayoutAnalysis
{
    /// <summary>The simplifications of the model, each a resource code; docs/layout.md has the equations.</summary>
    public static IReadOnlyList<string> ModelNotes { get; } =
        ["layout.model.plants", "layout.model.scale", "layout.model.pue", "layout.model.network", "layout.model.economics"];

    /// <summary>The figures compared, in order: key, unit, and how to read the layout's result.</summary>
    private static readonly (string Key, Unit Unit, Func<LayoutResult, double?> Value)[] FigureKeys =
    [
        ("capexPerMw", Unit.MoneyPerMw, r => r.CapexPerMw),
        ("opexPerMwYear", Unit.MoneyPerMwYear, r => r.OpexPerMwYear),
        ("pue", Unit.Pue, r => r.Pue),
        ("pueFullLoad", Unit.Pue, r => r.PueFullLoad),
        ("staffFte", Unit.Fte, r => r.StaffFte),
        ("energyMwhPerYear", Unit.Mwh, r => r.EnergyMwhPerYear),
        ("co2TonnesPerYear", Unit.TonnesCo2, r => r.Co2TonnesPerYear),
        ("energyCostPerYear", Unit.MoneyPerYear, r => r.EnergyCostPerYear),
        ("networkCostPerYear", Unit.MoneyPerYear, r => r.NetworkCostPerYear),
        ("accountingBreakEvenRentPerKwMonth", Unit.MoneyPerKwMonth, r => r.AccountingBreakEvenRentPerKwMonth),
        ("economicBreakEvenRentPerKwMonth", Unit.MoneyPerKwMonth, r => r.EconomicBreakEvenRentPerKwMonth),
        ("npv", Unit.Money, r => r.Npv),
        ("irr", Unit.Fraction, r => r.Irr.AnnualRate),
    ];

    /// <summary>Evaluates the scenario's layout.</summary>
    /// <exception cref="ArgumentException">The scenario has no layout section (the caller checks first), or the occupancy is outside [0, 1].</exception>
    public static LayoutAnalysisResult Evaluate(Scenario scenario, LayoutOptions? options = null, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new LayoutOptions();
        var inputs = scenario.Layout ?? throw new ArgumentException("The scenario has no layout section.", nameof(scenario));
        if (options.Occupancy is { } o && !(o >= 0 && o <= 1))
        {
            throw new ArgumentException("The occupancy is outside [0, 1].", nameof(options));
        }

        var steps = options.OccupancySweep ? 3 : 2;
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("layout", 0, steps));
        var comparison = LayoutEngine.Compare(inputs, options.Occupancy);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("layout", 1, steps));
        var training = Training(scenario, inputs);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("layout", 2, steps));
        IReadOnlyList<OccupancyRow>? sweep = null;
        if (options.OccupancySweep)
        {
            sweep = LayoutEngine.OccupancySweep(inputs);
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new AnalysisProgress("layout", 3, steps));
        }

        var savings = Savings(comparison);
        var pue = PueSaving(comparison);
        var figures = Figures(comparison);
        var pueNote = comparison.Campus.Pue is null || comparison.Distributed.Pue is null
            ? Finding.Info("layout.pueUndefined", ("occupancy", comparison.Occupancy))
            : null;
        var readings = Readings(comparison, savings, pue, training);
        var findings = new List<Finding>(readings);
        if (pueNote is not null)
        {
            findings.Add(pueNote);
        }

        findings.Add(training.Note);
        foreach (var (side, r) in new[] { ("campus", comparison.Campus), ("distributed", comparison.Distributed) })
        {
            if (r.Irr.Reason is { } why)
            {
                var irr = EconAnalysis.IrrFinding(r.Irr, why);
                // The words of econ's IRR findings, with the layout they are about as an extra argument.
                var args = new SortedDictionary<string, FindingArg>(StringComparer.Ordinal) { ["layout"] = new Term("layout.side." + side) };
                foreach (var (name, value) in irr.Args)
                {
                    args[name] = value;
                }

                findings.Add(irr with { Args = args });
            }
        }

        var site = inputs.BaseSite;
        return new LayoutAnalysisResult
        {
            Header = ResultHeader.For("layout", scenario),
            Comparison = comparison,
            Figures = figures,
            Savings = savings,
            PueAdvantage = pue,
            NetworkLinks = TrainingReliability.LinksFor(inputs.Topology, inputs.Units),
            PowerPassThrough = site.PowerPricing == PowerPricing.PassThrough,
            PowerSavingGoesToTenants = site.PowerPricing == PowerPricing.PassThrough && site.PassThroughPue is null,
            Training = training,
            Sweep = sweep,
            PueNote = pueNote,
            Readings = readings,
            Metrics = Metrics(comparison, figures, savings, pue, training),
            Findings = findings,
            ModelNotes = ModelNotes,
        };
    }

    /// <summary>(distributed − campus) / |campus| × 100, or null when it is not a finite number.</summary>
    public static double? DeltaPercent(double? campus, double? distributed) =>
        campus is { } c && distributed is { } d && c != 0 && double.IsFinite((d - c) / Math.Abs(c)) ? (d - c) / Math.Abs(c) * 100 : null;

    private static List<LayoutFigure> Figures(LayoutComparison comparison) =>
    [
        .. FigureKeys.Select(f =>
        {
            var c = f.Value(comparison.Campus);
            var d = f.Value(comparison.Distributed);
            return f.Key == "irr"
                ? new LayoutFigure(f.Key, c, d, null, c is { } ci && d is { } di ? (di - ci) * 100 : null, f.Unit)
                : new LayoutFigure(f.Key, c, d, DeltaPercent(c, d), null, f.Unit);
        }),
    ];

    private static SavingsBreakdown Savings(LayoutComparison comparison)
    {
        var c = comparison.Campus.CostStackPerKwMonth;
        var d = comparison.Distributed.CostStackPerKwMonth;
        (SavingsSource Source, double Campus, double Distributed)[] parts =
        [
            (SavingsSource.SharedPlant, c.Depreciation + c.Maintenance + c.InsuranceAndPropertyTax, d.Depreciation + d.Maintenance + d.InsuranceAndPropertyTax),
            (SavingsSource.Staff, c.Staff, d.Staff),
            (SavingsSource.Power, c.Power, d.Power),
            (SavingsSource.NetworkAndOther, c.OtherOpex, d.OtherOpex),
        ];
        var savings = parts.Select(p => p.Distributed - p.Campus).ToList();
        var total = savings.Sum();
        // A total that is only rounding residue (the layouts cost the same) has no shares: each would be noise over noise.
        var noise = 1e-9 * Math.Max(Math.Abs(c.Total), Math.Abs(d.Total));
        double? Share(double part) => Math.Abs(total) > noise && double.IsFinite(part / total) ? part / total : null;
        var tenantCampus = comparison.Campus.TenantPowerPerKwMonth;
        var tenantDistributed = comparison.Distributed.TenantPowerPerKwMonth;
        return new SavingsBreakdown(
            [.. parts.Select((p, i) => new SavingsLine(p.Source, p.Campus, p.Distributed, savings[i], Share(savings[i])))],
            c.Total, d.Total, total,
            new SavingsLine(SavingsSource.Power, tenantCampus, tenantDistributed, tenantDistributed - tenantCampus, null));
    }

    private static PueAdvantage PueSaving(LayoutComparison comparison)
    {
        var c = comparison.Campus;
        var d = comparison.Distributed;
        var cause = c.PueFullLoad < d.PueFullLoad ? PueAdvantageCause.PlantSize : PueAdvantageCause.None;
        return new PueAdvantage(cause, c.PlantItMw, d.PlantItMw, c.PueFullLoad, d.PueFullLoad, d.CostStackPerKwMonth.Power - c.CostStackPerKwMonth.Power,
            d.TenantPowerPerKwMonth - c.TenantPowerPerKwMonth, d.EnergyMwhPerYear - c.EnergyMwhPerYear, d.Co2TonnesPerYear - c.Co2TonnesPerYear);
    }

    private static LayoutTraining Training(Scenario scenario, LayoutInputs inputs)
    {
        if (scenario.Training is not { } job)
        {
            return new LayoutTraining(LayoutTrainingStatus.NoTrainingSection, null, null, null, Finding.Info("layout.training.noTrainingSection"), false);
        }

        // Without a wan section the links between sites are unknown; one unit needs none.
        if (!scenario.HasWan && inputs.Units != 1)
        {
            return new LayoutTraining(LayoutTrainingStatus.NoWanSection, job.JobAccelerators, null, null, Finding.Info("layout.training.noWanSection"), job.CheckpointIntervalMinutes is null);
        }

        var campus = ClosedForms.For(job with { Sites = 1, DistanceKm = 0 });
        var distributedJob = job with { Sites = inputs.Units, DistanceKm = inputs.InterSiteDistanceKm, Topology = inputs.Topology };
        var distributed = ClosedForms.For(distributedJob);
        LayoutStep? step = null;
        Finding note;
        if (scenario.Multisite is not { } spec)
        {
            note = Finding.Info("layout.training.stepTimeNotModelled");
        }
        else if (!spec.Splits(job.JobAccelerators, inputs.Units))
        {
            note = Finding.Info("layout.training.stepNotSplit", ("accelerators", job.JobAccelerators), ("perReplica", spec.AcceleratorsPerReplica), ("sites", inputs.Units));
        }
        else
        {
            var target = Multisite.MultisiteAnalysis.DefaultTargetEfficiency;
            var onCampus = StepTimeModel.Evaluate(spec.Inputs(job, 1, 0, inputs.NetworkGbpsPerLink));
            var across = spec.Inputs(distributedJob, inputs.Units, inputs.InterSiteDistanceKm, inputs.NetworkGbpsPerLink);
            var acrossStep = StepTimeModel.Evaluate(across);
            var required = inputs.Units > 1 ? StepTimeModel.RequiredWanGbps(across, null, target) : null;
            var links = TrainingReliability.LinksFor(inputs.Topology, inputs.Units) * inputs.InterSiteDistanceKm * inputs.NetworkCostPerKmGbpsYear;
            step = new LayoutStep(onCampus.Efficiency, acrossStep.Efficiency, acrossStep.Efficiency * distributed.Ettr / (onCampus.Efficiency * campus.Ettr), target,
                inputs.NetworkGbpsPerLink, required, links * inputs.NetworkGbpsPerLink, required * links);
            note = Finding.Info("layout.training.stepTime", ("sites", inputs.Units), ("distanceKm", inputs.InterSiteDistanceKm), ("campus", step.CampusEfficiency),
                ("distributed", step.DistributedEfficiency), ("effective", step.EffectiveThroughput), ("gbps", inputs.NetworkGbpsPerLink), ("target", target));
        }

        return new LayoutTraining(LayoutTrainingStatus.Assessed, job.JobAccelerators,
            new LayoutTrainingSide(1, 0, campus.LambdaPerHour * 24, campus.PNoInterruption24h, campus.Ettr, campus),
            new LayoutTrainingSide(inputs.Units, inputs.InterSiteDistanceKm, distributed.LambdaPerHour * 24, distributed.PNoInterruption24h, distributed.Ettr, distributed),
            note, job.CheckpointIntervalMinutes is null, step);
    }

    /// <summary>The comparison read out: each finding carries the figures its words need.</summary>
    private static List<Finding> Readings(LayoutComparison comparison, SavingsBreakdown s, PueAdvantage pue, LayoutTraining training)
    {
        var inputs = comparison.Inputs;
        var c = comparison.Campus;
        var d = comparison.Distributed;
        var currency = new Term("currency." + inputs.BaseSite.Currency);
        var readings = new List<Finding>();
        if (inputs.Units == 1)
        {
            var sameGrid = c.Sites[0].ElectricityPricePerKwh == d.Sites[0].ElectricityPricePerKwh
                && inputs.Campus.GridEmissionKgPerKwh == (inputs.DistributedSites?[0].GridEmissionKgPerKwh ?? inputs.Distributed.GridEmissionKgPerKwh);
            readings.Add(sameGrid
                ? Finding.Info("layout.oneUnit.sameGrid", ("mw", inputs.TotalItMw), ("pue", c.PueFullLoad))
                : Finding.Info("layout.oneUnit.otherGrid", ("mw", inputs.TotalItMw)));
        }
        else
        {
            // b, c ≤ 1 keep the campus's capex per MW and staff at most the distributed sites'.
            readings.Add(Finding.Info("layout.campusSaves",
                ("capexSaving", d.CapexPerMw == 0 ? 0 : 1 - (c.CapexPerMw / d.CapexPerMw)), ("campusCapexPerMw", c.CapexPerMw), ("distributedCapexPerMw", d.CapexPerMw),
                ("fewerStaff", d.StaffFte - c.StaffFte), ("saving", s.Total), ("savingShare", d.AccountingBreakEvenRentPerKwMonth == 0 ? 0 : s.Total / d.AccountingBreakEvenRentPerKwMonth),
                ("currency", currency)));
            readings.Add(s.HasSaving
                ? Finding.Info("layout.savingShares",
                    ("sharedPlant", s.Lines[0].Share ?? 0), ("staff", s.Lines[1].Share ?? 0), ("power", s.Lines[2].Share ?? 0), ("networkAndOther", s.Lines[3].Share ?? 0))
                : Finding.Info("layout.noSaving"));
            (string Name, FindingArg Value)[] plants =
            [
                ("campusDesignPue", pue.CampusDesignPue), ("campusPlantItMw", pue.CampusPlantItMw), ("distributedDesignPue", pue.DistributedDesignPue),
                ("distributedPlantItMw", pue.DistributedPlantItMw), ("exponent", inputs.PueOverheadExponent), ("referenceItMw", inputs.ReferenceMw),
            ];
            readings.Add(Finding.Info(pue.Cause == PueAdvantageCause.PlantSize ? "layout.pue.plantSize" : "layout.pue.noSizeEffect", plants));
        }

        if (c.Pue is { } cp && d.Pue is { } dp)
        {
            readings.Add(inputs.Units == 1
                ? Finding.Info("layout.pueAtOccupancy.oneUnit", ("occupancy", comparison.Occupancy), ("campusPue", cp), ("distributedPue", dp))
                : Finding.Info("layout.pueAtOccupancy", ("occupancy", comparison.Occupancy), ("campusPue", cp), ("distributedPue", dp),
                    ("energySavingMwh", pue.EnergySavingMwhPerYear), ("co2SavingTonnes", pue.Co2SavingTonnesPerYear)));
        }
        else
        {
            readings.Add(Finding.Info("layout.noItLoad", ("occupancy", comparison.Occupancy), ("campusEnergyMwh", c.EnergyMwhPerYear), ("distributedEnergyMwh", d.EnergyMwhPerYear)));
        }

        static FindingArg OrNone(double? x) => x is { } v ? v : new Term("value.none");
        readings.Add(Finding.Info("layout.npv", ("campusNpv", c.Npv), ("distributedNpv", d.Npv), ("difference", c.Npv - d.Npv),
            ("campusEconomic", OrNone(c.EconomicBreakEvenRentPerKwMonth)), ("distributedEconomic", OrNone(d.EconomicBreakEvenRentPerKwMonth)), ("currency", currency)));
        if (training is { Campus: { } tc, Distributed: { } td } && inputs.Units > 1)
        {
            readings.Add(Finding.Info(training.Step is null ? "layout.training.spanning" : "layout.training.spanningFailures", ("sites", inputs.Units),
                ("distributedPerDay", td.InterruptionsPerDay), ("campusPerDay", tc.InterruptionsPerDay), ("distributedEttr", td.Ettr), ("campusEttr", tc.Ettr)));
            if (training.Step is { } st)
            {
                var currencyTerm = new Term("currency." + inputs.BaseSite.Currency);
                readings.Add(st.RequiredGbpsPerLink is { } gbps
                    ? Finding.Info("layout.training.wanForTarget", ("target", st.TargetEfficiency), ("gbps", gbps), ("given", st.NetworkGbpsPerLink),
                        ("cost", st.RequiredNetworkCostPerYear ?? 0), ("givenCost", st.NetworkCostPerYear), ("currency", currencyTerm))
                    : Finding.Warning("layout.training.noWanReachesTarget", ("target", st.TargetEfficiency), ("distanceKm", inputs.InterSiteDistanceKm)));
            }
        }

        return readings;
    }

    private static List<Metric> Metrics(LayoutComparison comparison, IReadOnlyList<LayoutFigure> figures, SavingsBreakdown s, PueAdvantage pue, LayoutTraining training)
    {
        var currency = comparison.Inputs.BaseSite.Currency;
        bool Money(Unit u) => u is Unit.Money or Unit.MoneyPerMw or Unit.MoneyPerMwYear or Unit.MoneyPerYear or Unit.MoneyPerKwMonth;
        var metrics = new List<Metric> { new("occupancy", comparison.Occupancy, Unit.Fraction) };
        foreach (var side in new[] { "campus", "distributed" })
        {
            var r = side == "campus" ? comparison.Campus : comparison.Distributed;
            foreach (var f in figures)
            {
                metrics.Add(new Metric(side + "." + f.Key, side == "campus" ? f.Campus : f.Distributed, f.Unit, Money(f.Unit) ? currency : null));
            }

            metrics.Add(new Metric(side + ".plantItMw", r.PlantItMw, Unit.Mw));
            metrics.Add(new Metric(side + ".tenantPowerPerKwMonth", r.TenantPowerPerKwMonth, Unit.MoneyPerKwMonth, currency));
            if ((side == "campus" ? training.Campus : training.Distributed) is { } t)
            {
                metrics.Add(new Metric(side + ".interruptionsPerDay", t.InterruptionsPerDay, Unit.PerDay));
                metrics.Add(new Metric(side + ".pNoInterruption24h", t.PNoInterruption24h, Unit.Fraction));
                metrics.Add(new Metric(side + ".ettr", t.Ettr, Unit.Fraction));
            }

            if (training.Step is { } step)
            {
                metrics.Add(new Metric(side + ".stepEfficiency", side == "campus" ? step.CampusEfficiency : step.DistributedEfficiency, Unit.Fraction));
            }
        }

        if (training.Step is { } st)
        {
            metrics.Add(new Metric("distributed.effectiveThroughput", st.EffectiveThroughput, Unit.Fraction));
            metrics.Add(new Metric("distributed.networkGbpsPerLinkForTarget", st.RequiredGbpsPerLink, Unit.Gbps));
            metrics.Add(new Metric("distributed.networkCostPerYearForTarget", st.RequiredNetworkCostPerYear, Unit.MoneyPerYear, currency));
        }

        metrics.Add(new Metric("savings.sharedPlantPerKwMonth", s[SavingsSource.SharedPlant], Unit.MoneyPerKwMonth, currency));
        metrics.Add(new Metric("savings.staffPerKwMonth", s[SavingsSource.Staff], Unit.MoneyPerKwMonth, currency));
        metrics.Add(new Metric("savings.powerPerKwMonth", s[SavingsSource.Power], Unit.MoneyPerKwMonth, currency));
        metrics.Add(new Metric("savings.networkAndOtherPerKwMonth", s[SavingsSource.NetworkAndOther], Unit.MoneyPerKwMonth, currency));
        metrics.Add(new Metric("savings.totalPerKwMonth", s.Total, Unit.MoneyPerKwMonth, currency));
        metrics.Add(new Metric("pueAdvantage.tenantPowerSavingPerKwMonth", pue.TenantPowerSavingPerKwMonth, Unit.MoneyPerKwMonth, currency));
        metrics.Add(new Metric("pueAdvantage.energySavingMwhPerYear", pue.EnergySavingMwhPerYear, Unit.Mwh));
        metrics.Add(new Metric("pueAdvantage.co2SavingTonnesPerYear", pue.Co2SavingTonnesPerYear, Unit.TonnesCo2));
        metrics.Add(new Metric("npvDifference", comparison.Campus.Npv - comparison.Distributed.Npv, Unit.Money, currency));
        return metrics;
    }
}
