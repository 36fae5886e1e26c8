using Suanli.Analysis.Layout;
using Suanli.Analysis.Market;
using Suanli.Analysis.Multisite;
using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Economics;
using Suanli.Core.Layout;
using Suanli.Core.Reliability;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Essay;

namespace Suanli.Analysis.Essay;

/// <summary>What to evaluate of the essay.</summary>
/// <param name="Claims">The claim ids to evaluate (C1 … C9); empty for all.</param>
public sealed record EssayOptions(IReadOnlyList<string> Claims);

/// <summary>
/// The main job: each of the essay's claims C1–C9 computed on built-in essay scenarios and set beside the published
/// evidence, with a verdict from a fixed set and its reason (docs/essay.md has the rules).
/// </summary>
public static class EssayAnalysis
{
    /// <summary>An essay figure agrees with a scenario figure when within this relative distance (the "about" tolerance).</summary>
    public const double AboutTolerance = Interval.AboutTolerance;

    /// <summary>λ(d) counts as linear in distance when its second difference over 0, d/2, d is below this share of its rise.</summary>
    public const double LinearityTolerance = 0.05;

    /// <summary>Evaluates the claims asked for (all when none is named) and the summary over them.</summary>
    public static EssayResult Evaluate(EssayOptions options, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var catalog = EssayCatalog.BuiltIn;
        var wanted = options.Claims.Count == 0
            ? catalog.Claims
            : [.. catalog.Claims.Where(c => options.Claims.Contains(c.Id, StringComparer.OrdinalIgnoreCase))];
        var results = new List<ClaimResult>();
        for (var i = 0; i < wanted.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new AnalysisProgress(wanted[i].Id, i, wanted.Count));
            results.Add(EvaluateClaim(wanted[i]));
        }

        return new EssayResult(catalog.Title, catalog.Author, catalog.Date, results, Summarise(results));
    }

    /// <summary>The claim ids the catalog holds, for option checks.</summary>
    public static IReadOnlyList<string> ClaimIds => [.. EssayCatalog.BuiltIn.Claims.Select(c => c.Id)];

    private static ClaimResult EvaluateClaim(EssayClaim claim)
    {
        var work = new ClaimWork(claim);
        switch (claim.Id)
        {
            case "C1": Campus(work); break;
            case "C2": Distance(work); break;
            case "C3": Investment(work); break;
            case "C4": BreakEven(work); break;
            case "C5": Vacancy(work); break;
            case "C6": ChipSupply(work); break;
            case "C7": MixtureOfExperts(work); break;
            case "C8": BrainAndCluster(work); break;
            case "C9": work.Missing("cueCascade", "cascade"); break;
            default: throw new InvalidOperationException($"No evaluation for claim {claim.Id}.");
        }

        work.EvidenceTest();
        return work.Result();
    }

    // C1: one campus of N halls against N standalone sites of the same total IT.
    private static void Campus(ClaimWork work)
    {
        var scenario = work.Load();
        var inputs = scenario.Layout ?? throw new InvalidOperationException($"{work.Claim.Scenario} has no layout section.");
        var comparison = LayoutEngine.Compare(inputs);
        var (c, d) = (comparison.Campus, comparison.Distributed);
        var currency = inputs.BaseSite.Currency;
        work.Figure("campusCapexPerMw", c.CapexPerMw, Unit.MoneyPerMw, currency);
        work.Figure("distributedCapexPerMw", d.CapexPerMw, Unit.MoneyPerMw, currency);
        work.Figure("campusAccountingBreakEvenRentPerKwMonth", c.AccountingBreakEvenRentPerKwMonth, Unit.MoneyPerKwMonth, currency);
        work.Figure("distributedAccountingBreakEvenRentPerKwMonth", d.AccountingBreakEvenRentPerKwMonth, Unit.MoneyPerKwMonth, currency);
        work.Figure("campusPue", c.Pue, Unit.Pue);
        work.Figure("distributedPue", d.Pue, Unit.Pue);
        work.Figure("campusCo2TonnesPerYear", c.Co2TonnesPerYear, Unit.TonnesCo2);
        work.Figure("distributedCo2TonnesPerYear", d.Co2TonnesPerYear, Unit.TonnesCo2);
        work.Figure("campusStaffFte", c.StaffFte, Unit.Fte);
        work.Figure("distributedStaffFte", d.StaffFte, Unit.Fte);

        (string Key, bool Better)[] aspects =
        [
            ("capexPerMw", c.CapexPerMw < d.CapexPerMw),
            ("accountingBreakEvenRent", c.AccountingBreakEvenRentPerKwMonth < d.AccountingBreakEvenRentPerKwMonth),
            ("pue", c.Pue < d.Pue),
            ("co2", c.Co2TonnesPerYear < d.Co2TonnesPerYear),
        ];
        var better = aspects.Where(a => a.Better).Select(a => new Term("aspect." + a.Key)).ToList();
        var worse = aspects.Where(a => !a.Better).Select(a => new Term("aspect." + a.Key)).ToList();
        var assumed = Assumed(scenario, "layout.");
        (string Name, FindingArg Value)[] args =
        [
            ("units", inputs.Units),
            ("capexSaving", 1 - c.CapexPerMw / d.CapexPerMw),
            ("campusBreakEven", c.AccountingBreakEvenRentPerKwMonth),
            ("distributedBreakEven", d.AccountingBreakEvenRentPerKwMonth),
            ("campusPue", c.Pue ?? double.NaN),
            ("distributedPue", d.Pue ?? double.NaN),
            ("co2Saving", 1 - c.Co2TonnesPerYear / d.Co2TonnesPerYear),
            ("currency", new Term("currency." + currency)),
            ("better", FindingArg.List(better)),
            ("worse", FindingArg.List(worse)),
            ("assumed", FindingArg.List(assumed)),
        ];
        var verdict = worse.Count == 0
            ? assumed.Count > 0 ? Verdict.ReproducedUnderAssumptions : Verdict.Reproduced
            : better.Count == 0 ? Verdict.ContradictedByEvidence : Verdict.Mixed;
        var code = worse.Count == 0 ? (assumed.Count > 0 ? "essay.C1.campusBetterAssumed" : "essay.C1.campusBetter")
            : better.Count == 0 ? "essay.C1.campusWorse" : "essay.C1.campusPartly";
        work.Test("campusVsDistributed", verdict, primary: true, Finding.Info(code, args));

        // A training job across the layout: its step time over the sites' links (MODEL.md §5) beside its failures.
        var training = LayoutAnalysis.Evaluate(scenario, new LayoutOptions(null, false)).Training;
        if (training.Step is { } step)
        {
            work.Figure("distributedStepEfficiency", step.DistributedEfficiency, Unit.Fraction);
            work.Figure("distributedEffectiveThroughput", step.EffectiveThroughput, Unit.Fraction);
            work.Figure("networkGbpsPerLinkForTarget", step.RequiredGbpsPerLink, Unit.Gbps);
            work.Note(Finding.Info(step.RequiredGbpsPerLink is null ? "essay.C1.trainingAcrossSitesNoBandwidth" : "essay.C1.trainingAcrossSites", ("units", inputs.Units), ("distanceKm", inputs.InterSiteDistanceKm), ("efficiency", step.DistributedEfficiency),
                ("effective", step.EffectiveThroughput), ("given", step.NetworkGbpsPerLink), ("gbps", step.RequiredGbpsPerLink ?? 0), ("target", step.TargetEfficiency)));
        }
    }

    // C2: the chance that a job spread over sites goes down, against distance and the number of sites.
    private static void Distance(ClaimWork work)
    {
        var scenario = work.Load();
        var job = scenario.Training ?? throw new InvalidOperationException($"{work.Claim.Scenario} has no training section.");
        var oneSite = ClosedForms.For(job with { Sites = 1, DistanceKm = 0 });
        var preset = ClosedForms.For(job);
        var farthest = ReliabilitySweeps.Distances[^1];
        var half = farthest / 2;
        double Lambda(double km) => ClosedForms.For(job with { DistanceKm = km }).LambdaPerHour;
        var (l0, lHalf, lFar) = (Lambda(0), Lambda(half), Lambda(farthest));
        var rise = lFar - l0;
        var curvature = rise > 0 ? Math.Abs(lFar - 2 * lHalf + l0) / rise : 0;
        var wanShare = preset.LambdaPerHour > 0 ? 1 - Lambda(0) / preset.LambdaPerHour : 0;

        work.Figure("interruptionsPerDayOneSite", oneSite.LambdaPerHour * 24, Unit.PerDay);
        work.Figure("interruptionsPerDay", preset.LambdaPerHour * 24, Unit.PerDay);
        work.Figure("interruptionsPerDayAt3000Km", lFar * 24, Unit.PerDay);
        work.Figure("pNoInterruption24hOneSite", oneSite.PNoInterruption24h, Unit.Fraction);
        work.Figure("pNoInterruption24h", preset.PNoInterruption24h, Unit.Fraction);
        work.Figure("distanceShareOfRate", wanShare, Unit.Fraction);
        work.Figure("sites", job.Sites, Unit.None);
        work.Figure("distanceKm", job.DistanceKm, Unit.Km);

        (string Name, FindingArg Value)[] args =
        [
            ("sites", job.Sites),
            ("distanceKm", job.DistanceKm),
            ("farthestKm", farthest),
            ("perDayOneSite", oneSite.LambdaPerHour * 24),
            ("perDay", preset.LambdaPerHour * 24),
            ("perDayFarthest", lFar * 24),
            ("pCleanOneSite", oneSite.PNoInterruption24h),
            ("pClean", preset.PNoInterruption24h),
            ("distanceShare", wanShare),
        ];
        var rises = preset.LambdaPerHour > oneSite.LambdaPerHour && rise > 0;
        var (verdict, code) = !rises ? (Verdict.ContradictedByEvidence, "essay.C2.noRise")
            : curvature < LinearityTolerance ? (Verdict.Mixed, "essay.C2.linearRate")
            : (Verdict.Reproduced, "essay.C2.fasterThanLinear");
        work.Test("interruptionsVsDistance", verdict, primary: true, Finding.Info(code, args));
        StepTime(work, scenario, farthest);
    }

    // C2's other half: how much slower each step runs across the sites, and whether distance is what limits it.
    private static void StepTime(ClaimWork work, Scenario scenario, double farthestKm)
    {
        if (scenario.Multisite is null)
        {
            work.Missing("stepTime", "stepTime", primary: false);
            return;
        }

        var result = MultisiteAnalysis.Evaluate(scenario, new MultisiteOptions());
        var sync = result.Modes[0];
        var target = result.Options.TargetEfficiency;
        var latencyShare = sync.Step.WanLatencySeconds / sync.Step.StepSeconds;
        work.Figure("stepEfficiency", sync.Step.Efficiency, Unit.Fraction);
        work.Figure("wanLatencyShareOfStep", latencyShare, Unit.Fraction);
        if (sync.MaxDistanceKmForTarget is not > MultisiteAnalysis.HalfEarthCircumferenceKm)
        {
            // Farther than any two places on Earth is no limit: the finding says "any distance" instead of the figure.
            work.Figure("maxDistanceKmForTarget", sync.MaxDistanceKmForTarget, Unit.Km);
        }

        work.Figure("requiredWanGbpsForTarget", sync.RequiredWanGbpsForTarget, Unit.Gbps);
        work.Figure("effectiveThroughput", sync.EffectiveThroughput, Unit.Fraction);
        if (result.Modes.FirstOrDefault(m => m.Mode == MultisiteMode.LowCommunication) is { } low)
        {
            work.Figure("lowCommunicationEffectiveThroughput", low.EffectiveThroughput, Unit.Fraction);
        }

        (string Name, FindingArg Value)[] args =
        [
            ("sites", result.Job.Sites),
            ("distanceKm", result.Job.DistanceKm),
            ("efficiency", sync.Step.Efficiency),
            ("latencyShare", latencyShare),
            ("target", target),
            ("km", sync.MaxDistanceKmForTarget ?? 0),
            ("farthestKm", farthestKm),
            ("gbps", sync.RequiredWanGbpsForTarget ?? 0),
            ("given", result.Inputs.WanGbpsPerSite),
        ];

        // A distance limit within the span the essay's sites could have (the reliability sweep's farthest) reproduces the
        // claim's performance half; a shortfall that bandwidth, not distance, causes is mixed; none at all contradicts it.
        var (verdict, code) = sync.MaxDistanceKmForTarget is { } d && d < farthestKm ? (Verdict.ReproducedUnderAssumptions, "essay.C2.stepTime.distanceLimit")
            : sync.Step.Efficiency < target ? (Verdict.Mixed, "essay.C2.stepTime.bandwidthNotDistance")
            : (Verdict.ContradictedByEvidence, "essay.C2.stepTime.noDistanceLimit");
        work.Test("stepTime", verdict, primary: false, Finding.Info(code, args));
    }

    // C3: US against Chinese big-tech investment, on the essay's own figures and on the published ones (suanli market).
    private static void Investment(ClaimWork work)
    {
        var essay = MarketAnalysis.Evaluate(work.LoadPreset("cn-us-2025-essay"), new MarketOptions());
        var evidence = MarketAnalysis.Evaluate(work.LoadPreset("cn-us-2025-evidence"), new MarketOptions(essay.Year));
        var floor = work.Claim.Figures.Single(f => f.Key == "usToCnCapexRatio2024").Value!.Value;
        if (essay.InvestmentRatio is not { } essayRatio || evidence.InvestmentRatio is not { } evidenceRatio)
        {
            work.Missing("investment", "market");
            return;
        }

        work.Figure("essayInvestmentUsUsd", essay.Us.TotalUsd, Unit.Money, Currency.USD);
        work.Figure("essayInvestmentCnRmb", essay.Cn.TotalRmb, Unit.Money, Currency.RMB);
        work.Figure("essayInvestmentRatio", essay.InvestmentRatio, Unit.Times);
        work.Figure("evidenceInvestmentUsUsd", evidence.Us.TotalUsd, Unit.Money, Currency.USD);
        work.Figure("evidenceInvestmentCnRmb", evidence.Cn.TotalRmb, Unit.Money, Currency.RMB);
        work.Figure("evidenceInvestmentRatio", evidence.InvestmentRatio, Unit.Times);
        var rows = evidence.Us.Companies.Concat(evidence.Cn.Companies).ToList();
        var notReported = rows.Where(r => r.Row.Kind != Core.Market.FigureKind.Reported).Sum(r => r.AmountUsd) / Math.Max(rows.Sum(r => r.AmountUsd), 1e-300);
        (string Name, FindingArg Value)[] args =
        [
            ("year", essay.Year), ("floor", floor), ("essayRatio", essayRatio), ("evidenceRatio", evidenceRatio),
            ("essayUs", essay.Us.TotalUsd / 1e9), ("evidenceUs", evidence.Us.TotalUsd / 1e9), ("essayCn", essay.Cn.TotalRmb / 1e9), ("evidenceCn", evidence.Cn.TotalRmb / 1e9),
            ("notReported", notReported), ("rate", evidence.RmbPerUsd),
        ];

        // The essay's conclusion (more than seven times) against the published rows; estimates among them make it an assumption.
        var (verdict, code) = evidenceRatio >= floor
            ? (notReported > 0 ? Verdict.ReproducedUnderAssumptions : Verdict.Reproduced, "essay.C3.ratioHolds")
            : (Verdict.ContradictedByEvidence, "essay.C3.ratioFails");
        work.Test("investmentRatio", verdict, primary: true, Finding.Info(code, args));
    }

    // C4: the accounting break-even rent of the essay's data center, and whether it sits between 260 and today's rent.
    private static void BreakEven(ClaimWork work)
    {
        var scenario = work.Load();
        var site = scenario.Site ?? throw new InvalidOperationException($"{work.Claim.Scenario} has no site section.");
        var result = EconomicsEngine.Analyze(site);
        var floor = work.Claim.Figures.Single(f => f.Key == "accountingBreakEvenRentPerKwMonth").Value!.Value;
        work.Figure("accountingBreakEvenRentPerKwMonth", result.AccountingBreakEvenRentPerKwMonth, Unit.MoneyPerKwMonth, site.Currency);
        work.Figure("rentPerKwMonth", site.RentPerKwMonth, Unit.MoneyPerKwMonth, site.Currency);
        work.Figure("depreciationPerKwMonth", result.CostStackPerKwMonth.Depreciation, Unit.MoneyPerKwMonth, site.Currency);
        work.Figure("powerPerKwMonth", result.CostStackPerKwMonth.Power, Unit.MoneyPerKwMonth, site.Currency);
        work.Figure("economicBreakEvenRentPerKwMonth", result.EconomicBreakEvenRentPerKwMonth, Unit.MoneyPerKwMonth, site.Currency);
        work.Figure("npv", result.Npv, Unit.Money, site.Currency);
        // The break-even is per built kW, fully leased; tenants pay per leased kW. At the preset's vacancy each leased kW
        // must carry the empty ones too.
        var perLeasedKw = result.AccountingBreakEvenRentPerKwMonth / site.StabilisedOccupancy;
        work.Figure("accountingBreakEvenRentPerLeasedKwMonth", perLeasedKw, Unit.MoneyPerKwMonth, site.Currency);
        work.Note(Finding.Info("essay.C4.perLeasedKw", ("breakEven", result.AccountingBreakEvenRentPerKwMonth), ("vacancy", site.Vacancy),
            ("perLeasedKw", perLeasedKw), ("rent", site.RentPerKwMonth), ("currency", new Term("currency." + site.Currency))));

        // Regions (issue 12): with power inside the rent the break-even carries the electricity, and a western hub's cheaper power
        // (cn-inner-mongolia-100mw) shows in it; billed apart, it does not.
        if (work.LoadPreset("cn-inner-mongolia-100mw").Site is { } west)
        {
            static SiteEconomics Included(SiteEconomics s) => s with { PowerPricing = PowerPricing.Included, PowerMarkup = 0, PassThroughPue = null };
            var national = EconomicsEngine.Analyze(Included(site)).AccountingBreakEvenRentPerKwMonth;
            var western = EconomicsEngine.Analyze(Included(west)).AccountingBreakEvenRentPerKwMonth;
            work.Figure("accountingBreakEvenPowerIncluded", national, Unit.MoneyPerKwMonth, site.Currency);
            work.Figure("westernAccountingBreakEvenPowerIncluded", western, Unit.MoneyPerKwMonth, west.Currency);
            work.Note(Finding.Info("essay.C4.regionalPower", ("national", national), ("nationalPrice", site.ElectricityPricePerKwh), ("western", western),
                ("westernPrice", west.ElectricityPricePerKwh), ("currency", new Term("currency." + site.Currency))));
        }

        bool Holds(double breakEven, double rent) => breakEven >= floor && breakEven <= rent;
        var holds = Holds(result.AccountingBreakEvenRentPerKwMonth, site.RentPerKwMonth);
        var failing = new List<Term>();
        foreach (var variant in work.Claim.Variants)
        {
            var alt = work.Load(variant);
            var altSite = alt.Site!;
            var altBreakEven = EconomicsEngine.Analyze(altSite).AccountingBreakEvenRentPerKwMonth;
            var altHolds = Holds(altBreakEven, altSite.RentPerKwMonth);
            work.Variant(variant, altHolds, [new Metric("accountingBreakEvenRentPerKwMonth", altBreakEven, Unit.MoneyPerKwMonth, altSite.Currency)]);
            if (!altHolds)
            {
                failing.Add(new Term("variant." + variant.Key));
            }
        }

        (string Name, FindingArg Value)[] args =
        [
            ("breakEven", result.AccountingBreakEvenRentPerKwMonth),
            ("floor", floor),
            ("rent", site.RentPerKwMonth),
            ("currency", new Term("currency." + site.Currency)),
            ("power", new Term(site.PowerPricing == PowerPricing.PassThrough ? "powerPricing.passThrough" : "powerPricing.included")),
            ("failing", FindingArg.List(failing)),
        ];
        var (verdict, code) = !holds ? (Verdict.ContradictedByEvidence, "essay.C4.outside")
            : failing.Count > 0 ? (Verdict.ReproducedUnderAssumptions, "essay.C4.holdsUnder")
            : (Verdict.Reproduced, "essay.C4.holds");
        work.Test("breakEvenRent", verdict, primary: true, Finding.Info(code, args));
    }

    // C5: vacancy. The essay's figures are set against the evidence; Suanli computes what that vacancy does to a site.
    private static void Vacancy(ClaimWork work)
    {
        var scenario = work.Load();
        var site = scenario.Site ?? throw new InvalidOperationException($"{work.Claim.Scenario} has no site section.");
        var result = EconomicsEngine.Analyze(site);
        var cn = work.Claim.Figures.Single(f => f.Key == "cnVacancy");
        var us = work.Claim.Figures.Single(f => f.Key == "usVacancy");
        double ProfitPerKwMonth(double vacancy)
        {
            var year = SteadyStateYear.For(site, 1 - vacancy, site.RentPerKwMonth);
            return year.PerKwMonth(year.Ebit);
        }

        work.Figure("rentPerKwMonth", site.RentPerKwMonth, Unit.MoneyPerKwMonth, site.Currency);
        work.Figure("accountingBreakEvenOccupancy", result.BreakEvenOccupancy, Unit.Fraction);
        work.Figure("profitPerKwMonthAtEssayLowVacancy", ProfitPerKwMonth(cn.Low!.Value), Unit.MoneyPerKwMonth, site.Currency);
        work.Figure("profitPerKwMonthAtEssayHighVacancy", ProfitPerKwMonth(cn.High!.Value), Unit.MoneyPerKwMonth, site.Currency);
        work.Figure("profitPerKwMonthAtUsVacancy", ProfitPerKwMonth(us.Low!.Value), Unit.MoneyPerKwMonth, site.Currency);
        work.Figure("npv", result.Npv, Unit.Money, site.Currency);
        if (result.BreakEvenOccupancy is { } occupancy)
        {
            work.Note(Finding.Info("essay.C5.breakEvenVacancy",
                ("occupancy", occupancy), ("vacancy", 1 - occupancy), ("rent", site.RentPerKwMonth), ("currency", new Term("currency." + site.Currency)),
                ("lossLow", -ProfitPerKwMonth(cn.Low.Value)), ("lossHigh", -ProfitPerKwMonth(cn.High.Value)), ("cnLow", cn.Low.Value), ("cnHigh", cn.High.Value)));
        }

        // Where the US evidence disagrees it is lower than the essay's 3-10 %: the gap the essay points to is wider, not narrower.
        var usEvidence = work.Claim.Evidence.Where(e => e.Compares == us.Key && e.Interval is not null).Select(e => e.Interval!.Value).ToList();
        if (usEvidence.Count > 0 && usEvidence.All(e => e.High < us.Low!.Value))
        {
            work.Note(Finding.Info("essay.C5.gapWider", ("usLow", usEvidence.Min(e => e.Low)), ("usHigh", usEvidence.Max(e => e.High)), ("essayUsLow", us.Low.Value)));
        }

        // The essay's own rent and vacancy (cn-us-2025-essay, suanli market): what a built kW earns, against the break-even.
        var market = work.LoadPreset("cn-us-2025-essay").Market!;
        var essayYear = market.Rent.Where(r => r.Country == Core.Market.Country.CN).Select(r => r.Year).DefaultIfEmpty().Max();
        var rent = market.Rent.FirstOrDefault(r => r.Country == Core.Market.Country.CN && r.Year == essayYear && r.Currency == site.Currency);
        var vacancy = market.Vacancy.FirstOrDefault(v => v.Country == Core.Market.Country.CN && v.Year == essayYear);
        if (rent is not null && vacancy is not null)
        {
            var revenue = Core.Market.RentModel.RevenuePerBuiltKwMonth(rent.RentPerKwMonth, vacancy.Vacancy);
            work.Figure("essayRevenuePerBuiltKwMonth", revenue, Unit.MoneyPerKwMonth, site.Currency);
            work.Note(Finding.Info("essay.C5.revenuePerBuiltKw", ("year", essayYear), ("rent", rent.RentPerKwMonth), ("vacancy", vacancy.Vacancy), ("revenue", revenue),
                ("breakEven", result.AccountingBreakEvenRentPerKwMonth), ("currency", new Term("currency." + site.Currency))));
        }

        // The investor's view (issue 12, cn-inner-mongolia-100mw): the essay's rent and vacancy with 60 % debt — the equity's return,
        // the lowest cover ratio, and the rent the equity would need for 10 %.
        var investor = work.LoadPreset("cn-inner-mongolia-100mw").Site!;
        if (EconomicsEngine.Analyze(investor).Financing is { } loan)
        {
            double EquityIrr(double rent) => EconomicsEngine.Analyze(investor with { RentPerKwMonth = rent }).Financing!.EquityIrr.AnnualRate ?? -1;
            var needed = Core.Numerics.RootFinder.Brent(r => EquityIrr(r) - 0.10, investor.RentPerKwMonth, 20 * investor.RentPerKwMonth, 1e-6);
            work.Figure("investorEquityIrr", loan.EquityIrr.AnnualRate, Unit.Fraction);
            work.Figure("investorMinDscr", loan.MinDscr, Unit.Times);
            work.Figure("investorRentForTenPercentEquityIrr", needed, Unit.MoneyPerKwMonth, investor.Currency);
            if (needed is { } r && loan.MinDscr is { } dscr)
            {
                work.Note(Finding.Info("essay.C5.investor", ("rent", investor.RentPerKwMonth), ("vacancy", investor.Vacancy), ("debt", loan.Terms.DebtShare),
                    ("equityIrr", loan.EquityIrr.AnnualRate ?? double.NaN), ("dscr", dscr), ("needed", r), ("currency", new Term("currency." + investor.Currency))));
            }
        }
    }

    // C6: chip supply. The share of training on Nvidia needs the market engine (chip supply mix), so the verdict rests on
    // the evidence; what Suanli computes is the same published run on Nvidia's export chip and on Huawei's.
    private static void ChipSupply(ClaimWork work)
    {
        SupplyMix(work);
        var h800 = TrainPreset(work, "deepseek-v3-h800");
        var ascend = TrainPreset(work, "deepseek-v3-ascend-910c");
        var ratio = ascend.Estimate.AcceleratorHours / h800.Estimate.AcceleratorHours;
        work.Figure("deepseekV3H800WallClockDays", h800.Estimate.WallClockDays, Unit.Days);
        work.Figure("deepseekV3H800AcceleratorHours", h800.Estimate.AcceleratorHours, Unit.AcceleratorHours);
        work.Figure("deepseekV3Ascend910cWallClockDays", ascend.Estimate.WallClockDays, Unit.Days);
        work.Figure("deepseekV3Ascend910cAcceleratorHours", ascend.Estimate.AcceleratorHours, Unit.AcceleratorHours);
        work.Figure("ascendToH800AcceleratorHoursRatio", ratio, Unit.Times);
        work.Note(Finding.Info("essay.C6.domesticTraining",
            ("h800Count", h800.Run.Fleet.Sum(f => f.Count)), ("h800Days", h800.Estimate.WallClockDays), ("h800Hours", h800.Estimate.AcceleratorHours),
            ("ascendCount", ascend.Run.Fleet.Sum(f => f.Count)), ("ascendDays", ascend.Estimate.WallClockDays), ("ascendHours", ascend.Estimate.AcceleratorHours),
            ("ascendMfu", ascend.Run.Mfu), ("ratio", ratio)));
    }

    // C6's first half: Nvidia's share of China's accelerators, the essay's (cn-us-2025-essay) against each published
    // estimate of the same year (cn-us-2025-evidence, suanli market).
    private static void SupplyMix(ClaimWork work)
    {
        var essay = MarketAnalysis.Evaluate(work.LoadPreset("cn-us-2025-essay"), new MarketOptions());
        var evidence = MarketAnalysis.Evaluate(work.LoadPreset("cn-us-2025-evidence"), new MarketOptions());
        static double? Nvidia(ChipSplit s) => s.Shares.FirstOrDefault(x => x.Vendor.Equals("Nvidia", StringComparison.OrdinalIgnoreCase))?.Share;
        var claimed = essay.ChipMix.FirstOrDefault(s => s.Country == Core.Market.Country.CN && Nvidia(s) is not null);
        if (claimed is null)
        {
            work.Missing("supplyMix", "market", primary: true);
            return;
        }

        var share = Nvidia(claimed)!.Value;
        var published = evidence.ChipMix.Where(s => s.Country == Core.Market.Country.CN && s.Year == claimed.Year && Nvidia(s) is not null).ToList();
        work.Figure("essayNvidiaShare", share, Unit.Fraction);
        foreach (var (split, i) in published.Select((s, i) => (s, i)))
        {
            work.Figure(i == 0 ? "publishedNvidiaShare" : "publishedNvidiaShareOther", Nvidia(split), Unit.Fraction);
        }

        if (published.Count == 0)
        {
            work.Missing("supplyMix", "market", primary: true);
            return;
        }

        var allowed = work.Claim.Figures.Single(f => f.Key == "nvidiaShare").Allowed;
        var within = published.Count(s => allowed.Overlaps(new Interval(Nvidia(s)!.Value, Nvidia(s)!.Value)));
        (string Name, FindingArg Value)[] args =
        [
            ("year", claimed.Year), ("share", share), ("low", published.Min(s => Nvidia(s)!.Value)), ("high", published.Max(s => Nvidia(s)!.Value)),
            ("estimates", FindingArg.List(published.Select(s => s.Estimate))),
        ];

        // The essay's 80 % is of large-model training, the estimates of accelerators shipped that year: a shipment share far
        // below it does not contradict the training share (years of earlier Nvidia imports), so a gap reads as mixed.
        var (verdict, code) = within == published.Count ? (Verdict.Reproduced, "essay.C6.shareMatches")
            : within > 0 ? (Verdict.Mixed, "essay.C6.shareSplit")
            : (Verdict.Mixed, "essay.C6.shipmentsBelow");
        work.Test("supplyMix", verdict, primary: true, Finding.Info(code, args));

        // What the cards are worth in compute: a card share is not a compute share when the chips differ (the H20 is cut down).
        foreach (var split in published.Where(s => s.Compute is not null))
        {
            var nvidia = split.Compute!.Vendors.FirstOrDefault(v => v.Vendor.Equals("Nvidia", StringComparison.OrdinalIgnoreCase) && v.Accelerator is not null);
            if (nvidia is not null)
            {
                work.Note(Finding.Info("essay.C6.computeShare", ("estimate", split.Estimate), ("year", split.Year), ("cards", nvidia.Share), ("compute", nvidia.ComputeShare),
                    ("chip", nvidia.Accelerator!.Name), ("licensed", 1 - split.Compute.WithoutLicensed)));
            }
        }
    }

    /// <summary>A preset's training run through the compute analysis (the same figures as <c>suanli train --preset NAME</c>).</summary>
    private static Compute.TrainResult TrainPreset(ClaimWork work, string preset)
    {
        var scenario = work.LoadPreset(preset);
        var outcome = Compute.TrainAnalysis.Evaluate(new Compute.TrainRequest { Scenario = scenario });
        return outcome.Result ?? throw new InvalidOperationException($"{work.Claim.Id}: preset {preset} does not train: " + string.Join("; ", outcome.Errors.Select(e => e.Code)));
    }

    // C7: a mixture-of-experts model against a dense model of the same total parameters trained on the same tokens.
    private static void MixtureOfExperts(ClaimWork work)
    {
        var catalog = ComputeCatalog.BuiltIn;
        var model = catalog.FindModel("deepseek-v3") ?? throw new InvalidOperationException("The catalog has no deepseek-v3.");
        work.CatalogInputs(catalog, model.Id);
        // Training FLOPs are 6·N·D with N the parameters active per token: the ratio at equal tokens is N_total ÷ N_active.
        var ratio = model.TotalParamsBillion / model.ActiveParamsBillion;
        // MoE layers run at a lower MFU than dense ones (about half without fused gating, docs/compute.md): the saving in time is smaller.
        const double moeMfuShare = 0.5;
        var ratioAtHalfMfu = ratio * moeMfuShare;
        work.Figure("totalParamsBillion", model.TotalParamsBillion, Unit.None);
        work.Figure("activeParamsBillion", model.ActiveParamsBillion, Unit.None);
        work.Figure("denseToMoeComputeRatio", ratio, Unit.Times);
        work.Figure("denseToMoeTimeRatioAtHalfMfu", ratioAtHalfMfu, Unit.Times);
        var holds = ratio > 1 && ratioAtHalfMfu > 1;
        // The saving is computed per trained model; that it lowers infrastructure need (rather than being spent on
        // training more) is the claim's assumption, not something Suanli computes: hence "under assumptions".
        work.Test("moeCompute", holds ? Verdict.ReproducedUnderAssumptions : Verdict.ContradictedByEvidence, primary: true,
            Finding.Info(holds ? "essay.C7.moeSaves" : "essay.C7.noSaving",
                ("model", model.Name), ("total", model.TotalParamsBillion), ("active", model.ActiveParamsBillion), ("ratio", ratio), ("ratioHalfMfu", ratioAtHalfMfu)));
        work.Note(Finding.Info("essay.C7.spendNotComputed"));
    }

    // C8: a brain's 20 W against an AI cluster.
    private static void BrainAndCluster(ClaimWork work)
    {
        var brainW = work.EssayValue("brainWatts");
        var clusterMw = work.EssayValue("clusterMw");
        var essayRatio = work.EssayValue("clusterToBrainRatio");
        var computedRatio = clusterMw * 1e6 / brainW;

        // The same comparison on a cluster Suanli sizes itself: 100,000 H100 at the compute model's defaults (ComputeDefaults:
        // full TDP, 500 W of host per accelerator, PUE 1.25), the same as `suanli train`'s.
        var catalog = ComputeCatalog.BuiltIn;
        var h100 = catalog.FindAccelerator("h100-sxm") ?? throw new InvalidOperationException("The catalog has no h100-sxm.");
        work.CatalogInputs(catalog, h100.Id);
        const int clusterAccelerators = 100_000;
        var wattsEach = Compute.ComputeDefaults.WattsPerAccelerator(h100);
        var suanliMw = clusterAccelerators * wattsEach / 1e6;
        work.Figure("essayRatio", computedRatio, Unit.Times);
        work.Figure("clusterAccelerators", clusterAccelerators, Unit.Accelerators);
        work.Figure("clusterMw", suanliMw, Unit.Mw);
        work.Figure("clusterBrains", suanliMw * 1e6 / Compute.ComputeDefaults.BrainWatts, Unit.Times);
        var allowed = work.Claim.Figures.Single(f => f.Key == "clusterToBrainRatio").Allowed;
        var suanliRatio = suanliMw * 1e6 / Compute.ComputeDefaults.BrainWatts;
        var arithmetic = Math.Abs(computedRatio / essayRatio - 1) < 1e-9;
        var holds = arithmetic && allowed.Overlaps(new Interval(suanliRatio, suanliRatio));
        work.Test("brainVsCluster", holds ? Verdict.Reproduced : Verdict.ContradictedByEvidence, primary: true,
            Finding.Info(holds ? "essay.C8.sameOrder" : "essay.C8.otherOrder",
                ("essayRatio", computedRatio), ("clusterMw", suanliMw), ("accelerators", clusterAccelerators), ("ratio", suanliRatio)));
    }

    /// <summary>Paths under a prefix whose cited source says it is an assumption or unverified (no published figure behind it).</summary>
    private static List<string> Assumed(Scenario scenario, string prefix) =>
    [
        .. scenario.Inputs
            .Where(i => i.Path.StartsWith(prefix, StringComparison.Ordinal) && i.Source is { } s
                && (s.Contains("assumption", StringComparison.OrdinalIgnoreCase) || s.Contains("UNVERIFIED", StringComparison.Ordinal)))
            .Select(i => i.Path),
    ];

    private static EssaySummary Summarise(IReadOnlyList<ClaimResult> claims)
    {
        var counts = Enum.GetValues<Verdict>().ToDictionary(v => v, v => claims.Count(c => c.Verdict == v));
        var holding = claims.Where(c => c.Verdict is Verdict.Reproduced or Verdict.ReproducedUnderAssumptions).Select(c => c.Id).ToList();
        var overturning = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var assumedInputs = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var c in claims.Where(c => c.Verdict == Verdict.ReproducedUnderAssumptions))
        {
            var failing = c.Variants.Where(v => !v.Holds).Select(v => v.Key).ToList();
            if (failing.Count > 0)
            {
                overturning[c.Id] = failing;
            }

            var assumed = c.Tests.SelectMany(t => t.Reason.Args.TryGetValue("assumed", out var a) && a.Texts is { } paths ? paths : []).ToList();
            if (assumed.Count > 0)
            {
                assumedInputs[c.Id] = assumed;
            }
        }

        var gap = claims.SelectMany(c => c.Comparisons.Where(x => !x.Agrees).Select(x => (Claim: c.Id, Comparison: x)))
            .OrderByDescending(x => x.Comparison.GapFactor).FirstOrDefault();
        return new EssaySummary(counts, holding, overturning, assumedInputs, gap.Comparison, gap.Claim);
    }

    /// <summary>What is gathered while one claim is evaluated.</summary>
    private sealed class ClaimWork(EssayClaim claim)
    {
        private readonly List<Metric> figures = [];
        private readonly List<ClaimTest> tests = [];
        private readonly List<EvidenceComparison> comparisons = [];
        private readonly List<VariantOutcome> variants = [];
        private readonly List<Finding> findings = [];
        private readonly SortedDictionary<string, IReadOnlyList<InputValue>> inputs = new(StringComparer.Ordinal);

        public EssayClaim Claim => claim;

        public Scenario Load(ClaimVariant? variant = null)
        {
            var name = claim.Scenario ?? throw new InvalidOperationException($"{claim.Id} has no scenario.");
            var loaded = ScenarioLoader.FromPreset(name, variant?.Set);
            var scenario = loaded.Scenario
                ?? throw new InvalidOperationException($"{claim.Id}: preset {name}{(variant is null ? string.Empty : " variant " + variant.Key)} does not load: " + string.Join("; ", loaded.Diagnostics));
            if (variant is null)
            {
                inputs[scenario.Origin] = scenario.Inputs;
            }

            return scenario;
        }

        /// <summary>A preset other than the claim's own, its inputs recorded beside the claim's.</summary>
        public Scenario LoadPreset(string name)
        {
            var loaded = ScenarioLoader.FromPreset(name);
            var scenario = loaded.Scenario ?? throw new InvalidOperationException($"{claim.Id}: preset {name} does not load: " + string.Join("; ", loaded.Diagnostics));
            inputs[scenario.Origin] = scenario.Inputs;
            return scenario;
        }

        public void CatalogInputs(ComputeCatalog catalog, string id)
        {
            var prefix = catalog.Accelerators.ContainsKey(id)
                ? $"accelerators[{catalog.Accelerators.Keys.ToList().IndexOf(id)}]."
                : $"models[{catalog.Models.Keys.ToList().IndexOf(id)}].";
            inputs["catalog:" + id] = [.. catalog.Inputs.Where(i => i.Path.StartsWith(prefix, StringComparison.Ordinal))];
        }

        public double EssayValue(string key) => claim.Figures.Single(f => f.Key == key).Value!.Value;

        public void Figure(string key, double? value, Unit unit, Currency? currency = null) =>
            figures.Add(new Metric(key, value is { } v && double.IsFinite(v) ? v : null, unit, currency));

        public void Test(string key, Verdict verdict, bool primary, Finding reason) => tests.Add(new ClaimTest(key, verdict, primary, reason));

        public void Missing(string key, string engine, bool primary = true) =>
            tests.Add(new ClaimTest(key, Verdict.NotYetComputable, primary, Finding.Info("essay.missing." + engine)));

        public void Variant(ClaimVariant variant, bool holds, IReadOnlyList<Metric> values) =>
            variants.Add(new VariantOutcome(variant.Key, variant.Set, variant.Source, holds, values));

        public void Note(Finding finding) => findings.Add(finding);

        /// <summary>The essay's figures against the numeric evidence, and evidence that bears on the claim without a number.</summary>
        public void EvidenceTest()
        {
            var agree = new List<Term>();
            var disagree = new List<Term>();
            foreach (var figure in claim.Figures)
            {
                var against = claim.Evidence.Where(e => e.Compares == figure.Key && e.Interval is not null).ToList();
                if (against.Count == 0)
                {
                    continue;
                }

                var allowed = figure.Allowed;
                foreach (var e in against)
                {
                    var interval = e.Interval!.Value;
                    // Agreement allows the essay's "about" tolerance; the distance is measured from the figure as stated.
                    var agrees = allowed.Overlaps(interval);
                    comparisons.Add(new EvidenceComparison(figure.Key, e.Key, agrees, agrees ? 1 : figure.Stated.GapFactor(interval)));
                }

                var mine = comparisons.Where(x => x.Figure == figure.Key).ToList();
                var term = new Term($"essayFigure.{claim.Id}.{figure.Key}");
                if (mine.All(x => x.Agrees))
                {
                    agree.Add(term);
                }
                else if (mine.All(x => !x.Agrees))
                {
                    disagree.Add(term);
                }
                else
                {
                    agree.Add(term);
                    disagree.Add(term);
                }
            }

            foreach (var e in claim.Evidence.Where(e => e.Bears is not null))
            {
                (e.Bears == EvidenceBearing.Supports ? agree : disagree).Add(new Term($"evidence.{claim.Id}.{e.Key}"));
            }

            if (agree.Count == 0 && disagree.Count == 0)
            {
                return;
            }

            var verdict = disagree.Count == 0 ? Verdict.Reproduced : agree.Count == 0 ? Verdict.ContradictedByEvidence : Verdict.Mixed;
            // A claim with no computation of its own rests on its evidence.
            var primary = tests.All(t => !t.Primary);
            tests.Add(new ClaimTest("evidence", verdict, primary,
                Results.Finding.Info("essay.evidence." + (verdict == Verdict.Reproduced ? "agrees" : verdict == Verdict.ContradictedByEvidence ? "disagrees" : "partly"),
                    ("agree", FindingArg.List(agree)), ("disagree", FindingArg.List(disagree)))));
        }

        public ClaimResult Result()
        {
            var verdict = Combine(tests);
            var decisive = tests.FirstOrDefault(t => t.Primary && t.Verdict == verdict) ?? tests.FirstOrDefault(t => t.Verdict == verdict);
            var reason = decisive?.Reason ?? Results.Finding.Info("essay.reason.partly",
                ("holds", FindingArg.List(tests.Where(t => t.Verdict is Verdict.Reproduced or Verdict.ReproducedUnderAssumptions).Select(t => new Term("test." + t.Key)))),
                ("fails", FindingArg.List(tests.Where(t => t.Verdict is Verdict.ContradictedByEvidence or Verdict.Mixed).Select(t => new Term("test." + t.Key)))));
            return new ClaimResult
            {
                Id = claim.Id,
                Claim = claim,
                Verdict = verdict,
                Reason = reason,
                Figures = figures,
                Tests = tests,
                Comparisons = comparisons,
                Variants = variants,
                Findings = findings,
                Inputs = inputs,
            };
        }

        /// <summary>
        /// The claim's verdict from its tests: not yet computable when a primary test is; otherwise reproduced when every
        /// computable test reproduces it, reproduced under assumptions when each at least does so, contradicted when every
        /// one contradicts it, and mixed otherwise.
        /// </summary>
        private static Verdict Combine(IReadOnlyList<ClaimTest> tests)
        {
            if (tests.Any(t => t.Primary && t.Verdict == Verdict.NotYetComputable))
            {
                return Verdict.NotYetComputable;
            }

            var verdicts = tests.Where(t => t.Verdict != Verdict.NotYetComputable).Select(t => t.Verdict).Distinct().ToList();
            return verdicts.Count == 0 ? Verdict.NotYetComputable
                : verdicts.All(v => v == Verdict.Reproduced) ? Verdict.Reproduced
                : verdicts.All(v => v is Verdict.Reproduced or Verdict.ReproducedUnderAssumptions) ? Verdict.ReproducedUnderAssumptions
                : verdicts.All(v => v == Verdict.ContradictedByEvidence) ? Verdict.ContradictedByEvidence
                : Verdict.Mixed;
        }
    }
}
