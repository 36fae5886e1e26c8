using Suanli.Analysis.Results;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;

namespace Suanli.Analysis.Compute;

/// <summary>
/// The application entry of the training-compute model (MODEL.md §3): a <see cref="TrainRequest"/> → a
/// <see cref="TrainResult"/>, or the reasons the request is refused. Every default, price, rate and note is decided here.
/// </summary>
public static class TrainAnalysis
{
    private static readonly Lazy<IReadOnlyList<string>> Presets = new(() =>
        [.. Scenarios.Presets.Names.Where(n => ScenarioLoader.FromPreset(n).Scenario?.Compute?.Training is not null)]);

    /// <summary>The simplifications of the model, each a resource code; docs/compute.md has the equations.</summary>
    public static IReadOnlyList<string> ModelNotes { get; } = ["compute.model.train.flops", "compute.model.train.time", "compute.model.train.hardware", "compute.model.train.energy"];

    /// <summary>Presets that have a training run (<c>compute.training</c>), by name.</summary>
    public static IReadOnlyList<string> TrainingPresets => Presets.Value;

    /// <summary>Evaluates a training run.</summary>
    public static ComputeOutcome<TrainResult> Evaluate(TrainRequest request, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("train", 0, 1));
        var errors = new List<RequestError>();
        var plan = request.Scenario is null ? FromFlags(request, errors) : FromScenario(request, request.Scenario, errors);
        if (plan is null)
        {
            return new ComputeOutcome<TrainResult>(null, errors);
        }

        var estimate = ComputeEngine.Train(plan.Run);
        TrainingEstimate? dense = null;
        if (request.CompareDense)
        {
            var model = plan.Run.Model with
            {
                Id = plan.Run.Model.Id + "-dense-equivalent",
                Architecture = ModelArchitecture.Dense,
                ActiveParamsBillion = plan.Run.Model.TotalParamsBillion,
            };
            dense = ComputeEngine.Train(plan.Run with { Model = model });
        }

        var money = Converted(plan, estimate);
        if (!estimate.IsFinite || dense is { IsFinite: false } || money is null)
        {
            errors.Add(Overflow(request, plan));
            return new ComputeOutcome<TrainResult>(null, errors);
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(new AnalysisProgress("train", 1, 1));
        return new ComputeOutcome<TrainResult>(Build(plan, estimate, dense, money.Value.Other, money.Value.PublishedInRun), []);
    }

    /// <summary>
    /// The run's cost in the other currency and the authors' published cost in the run's; null when a conversion does not
    /// give a finite amount (a cost so large that the rate carries it past the largest number).
    /// </summary>
    private static (Money? Other, Money? PublishedInRun)? Converted(Plan plan, TrainingEstimate e)
    {
        Money? other = null;
        Money? publishedInRun = null;
        if (e.Cost is { } c)
        {
            other = plan.RunFx.Rate.TryConvert(c, Other(c.Currency));
            if (other is null)
            {
                return null;
            }

            if (plan.Run.Model.ReportedCost is { } rc)
            {
                publishedInRun = plan.PublishedFx.Rate.TryConvert(rc, c.Currency);
                if (publishedInRun is null)
                {
                    return null;
                }
            }
        }

        return (other, publishedInRun);
    }

    /// <summary>
    /// A run whose time, energy or money figures are not finite numbers, refused naming the input that drove them there:
    /// the figures scale with 1 / (MFU × ETTR × availability), so the smallest of the three, as given (an option, the
    /// scenario's path, or the published or default value at its option).
    /// </summary>
    private static RequestError Overflow(TrainRequest r, Plan plan)
    {
        var o = r.Options;
        var run = plan.Run;
        var fromScenario = r.Scenario is not null;
        var mfu = run.EffectiveStages.Min(s => s.Mfu);
        var candidates = new List<(double Value, string Field, FindingArg Name, bool Option)>
        {
            o.Mfu is not null ? (mfu, "--mfu", "MFU", true)
                : r.Hfu is { } h ? (h, "--hfu", "HFU", true)
                : fromScenario ? (mfu, "compute.training.mfu", "MFU", false)
                : (mfu, "--mfu", "MFU", true),
            r.Ettr is not null || !fromScenario ? (run.Ettr, "--ettr", "ETTR", true) : (run.Ettr, "compute.training.ettr", "ETTR", false),
        };
        for (var i = 0; i < run.Fleet.Count; i++)
        {
            candidates.Add((run.Fleet[i].Availability, $"compute.training.fleet[{i}].availability", new Term("compute.name.availability"), false));
        }

        var (value, field, name, option) = candidates.MinBy(c => c.Value);
        if (!option && field == "compute.training.mfu" && r.Scenario is { } scenario)
        {
            // Located at the scenario's MFU as written: its --set when it was set there, else its line.
            return MfuOverflow(scenario, plan);
        }

        if (!option && r.Scenario is { } withInputs && Blame.Find(withInputs.Inputs, [field]) is { } input)
        {
            return new RequestError(input.File, input.Path, "overflow", Finding.Info("overflow", ("name", name), ("value", input.Value.Trim())).Args, Line: input.Line, Column: input.Column);
        }

        var args = Finding.Info("overflow", ("name", name), ("value", value)).Args;
        return option ? new RequestError(RequestError.CommandLine, field, "overflow", args) : new RequestError(plan.Origin, field, "overflow", args);
    }

    /// <summary>
    /// An MFU that makes the run's figures overflow, located at the scenario's MFU (the run's, else a stage's) as the
    /// user wrote it: at its <c>--set</c> when it was set there, else at its line; its value as written.
    /// </summary>
    private static RequestError MfuOverflow(Scenario scenario, Plan plan)
    {
        var stages = plan.Run.Stages?.Count ?? 0;
        string[] paths = ["compute.training.mfu", .. Enumerable.Range(0, stages).Select(i => FormattableString.Invariant($"compute.training.stages[{i}].mfu"))];
        if (Blame.Find(scenario.Inputs, paths) is { } input)
        {
            return new RequestError(input.File, input.Path, "overflow", Finding.Info("overflow", ("name", "MFU"), ("value", input.Value.Trim())).Args, Line: input.Line, Column: input.Column);
        }

        return new RequestError(plan.Origin, "compute.training.mfu", "overflow", Finding.Info("overflow", ("name", "MFU"), ("value", plan.Run.Mfu)).Args);
    }

    /// <summary>A run ready to compute, with where each of its inputs came from.</summary>
    private sealed record Plan(TrainingRun Run, ComputeCatalog Catalog, Finding MfuSource, EttrSource EttrSource, IReadOnlyList<PriceUsed> Prices, bool PricesPerChipType,
        IReadOnlyList<OwnerCostUsed> OwnerCosts, ExchangeRateUsed RunFx, ExchangeRateUsed PublishedFx, string Origin, ResultHeader Header);

    private static Plan? FromFlags(TrainRequest r, List<RequestError> errors)
    {
        var o = r.Options;
        var catalog = ComputeCatalog.BuiltIn;
        if (r.ModelId is null)
        {
            errors.Add(RequestError.Option("--model", "nothingToTrain", ("models", FindingArg.List(catalog.Models.Keys)), ("presets", FindingArg.List(TrainingPresets))));
            return null;
        }

        if (catalog.FindModel(r.ModelId) is not { } model)
        {
            errors.Add(RequestError.Option("--model", "unknownModel", ("id", Shown(r.ModelId)), ("known", FindingArg.List(catalog.Models.Keys))));
            return null;
        }

        // Without --accelerator the run is the published one: its accelerator, count, precision, utilisation, ETTR.
        var published = r.AcceleratorId is null;
        var id = r.AcceleratorId ?? model.ReportedAccelerator;
        if (id is null)
        {
            errors.Add(RequestError.Option("--accelerator", "noPublishedAccelerator", ("model", model.Id), ("accelerators", FindingArg.List(catalog.Accelerators.Keys))));
            return null;
        }

        if (published && catalog.FindAccelerator(id) is null)
        {
            errors.Add(RequestError.Option("--accelerator", "publishedAcceleratorNotInCatalog", ("model", model.Id), ("accelerator", id), ("accelerators", FindingArg.List(catalog.Accelerators.Keys))));
            return null;
        }

        var accelerator = catalog.FindAccelerator(id);
        if (accelerator is null)
        {
            errors.Add(RequestError.Option("--accelerator", "unknownAccelerator", ("id", Shown(id)), ("known", FindingArg.List(catalog.Accelerators.Keys))));
        }

        // An unknown accelerator is one fault: no follow-on "no count is published for it".
        var n = r.Count ?? (published ? model.ReportedAcceleratorCount : null);
        if (n is null && accelerator is not null)
        {
            errors.Add(RequestError.Option("--count", "noPublishedCount", ("model", model.Id), ("accelerator", id)));
        }

        var d = r.Tokens ?? model.TrainingTokensTrillion * 1e12;
        if (d is null)
        {
            errors.Add(RequestError.Option("--tokens", "noPublishedTokens", ("model", model.Id)));
        }

        var precision = o.Precision ?? (published && model.ReportedPrecision is { } rp ? rp : Precision.Bf16);
        if (accelerator is not null && accelerator.PeakFlops(precision) is null)
        {
            errors.Add(RequestError.Option("--precision", "noFp8", ("accelerator", accelerator.Id)));
        }

        if (r.Attention && !HasShape(model))
        {
            errors.Add(RequestError.Option("--attention", "attentionNeedsShape", ("model", model.Id)));
        }

        var recompute = r.Recompute ?? (published ? model.ReportedRecompute : null) ?? Recompute.None;
        if (recompute == Recompute.Selective && !HasShape(model))
        {
            errors.Add(RequestError.Option("--recompute", "selectiveNeedsShape", ("model", model.Id)));
        }

        if (errors.Count > 0 || accelerator is null || n is null || d is null)
        {
            return null;
        }

        var factor = ComputeEngine.HardwareFlopsPerModelFlop(model, recompute, r.Attention);
        var check = PublishedCheck.For(model, catalog);
        var (mfu, mfuSource) = o.Mfu is { } given ? (given, Finding.Info("compute.mfu.given"))
            : r.Hfu is { } h ? (h / factor, Finding.Info("compute.mfu.fromHfu", ("hfu", h), ("factor", factor), ("recompute", ComputeTerms.Recompute(recompute))))
            : published && check.PublishedMfu is { } pm && (model.ReportedPrecision ?? Precision.Bf16) == precision
                ? (pm, model.ReportedUtilisationBasis == UtilisationBasis.Hfu
                    ? Finding.Info("compute.mfu.publishedHfu", ("hfu", model.ReportedMfu!.Value), ("recompute", ComputeTerms.Recompute(model.ReportedRecompute ?? Recompute.None)), ("mfu", pm))
                    : Finding.Info("compute.mfu.published"))
            : (ComputeDefaults.Mfu(precision, model.Architecture), DefaultMfuSource(precision, model.Architecture));
        var fx = ComputePricing.RunFx(catalog, o.FxRmbPerUsd, null);
        var price = ComputePricing.FlagsPrice(errors, o, accelerator, fx);
        if (price is null)
        {
            return null;
        }

        var publishedEttr = published && r.Count is null ? model.ReportedEttr : null;
        var ettr = r.Ettr ?? publishedEttr ?? ComputeDefaults.Ettr;
        var run = new TrainingRun
        {
            Model = model,
            Tokens = d.Value,
            Fleet = [new FleetMember(accelerator, n.Value)],
            Mfu = mfu,
            Precision = precision,
            Ettr = ettr,
            PowerFraction = o.PowerFraction ?? ComputeDefaults.PowerFraction,
            HostWattsPerAccelerator = o.HostWatts ?? ComputeDefaults.HostWatts,
            Pue = o.Pue ?? ComputeDefaults.Pue,
            IncludeAttention = r.Attention,
            Recompute = recompute,
            StragglerPenalty = r.StragglerPenalty ?? 0,
            Pricing = price.Price is { } p ? new Dictionary<string, CostBasis> { [accelerator.Id] = new(p, price.Basis.Code) } : null,
        };

        var inputs = new ComputeInputs();
        inputs.Flag("--model", model.Id);
        Flags(inputs, r);
        inputs.PowerDefaults(o);

        inputs.CatalogEntry(model.Id);
        inputs.CatalogEntry(accelerator.Id);
        var publishedFx = ComputePricing.PublishedFx(catalog, o.FxRmbPerUsd, null, model);
        inputs.ExchangeRate(fx.Rate.Year);
        inputs.ExchangeRate(publishedFx.Rate.Year);
        var header = new ResultHeader("train", RequestError.CommandLine, RequestError.CommandLine, null, price.Price?.Currency, [], inputs.All);
        var ettrSource = r.Ettr is not null ? EttrSource.Given : publishedEttr is not null ? EttrSource.Published : EttrSource.Default;
        return new Plan(run, catalog, mfuSource, ettrSource, [price], false, [], fx, publishedFx, RequestError.CommandLine, header);
    }

    private static Plan? FromScenario(TrainRequest r, Scenario scenario, List<RequestError> errors)
    {
        var o = r.Options;
        if (r.AcceleratorId is not null || r.Count is not null)
        {
            errors.Add(RequestError.Option(r.AcceleratorId is not null ? "--accelerator" : "--count", "fleetFromScenario"));
            return null;
        }

        if (scenario.Compute?.Training is not { } spec)
        {
            errors.Add(new RequestError(scenario.Origin, "compute.training", "missingTrainingRun",
                Finding.Info("missingTrainingRun", ("presets", FindingArg.List(TrainingPresets))).Args, MissingSection: true));
            return null;
        }

        var catalog = scenario.Compute.Catalog;
        if (r.Tokens is not null && spec.Stages is not null)
        {
            errors.Add(RequestError.Option("--tokens", "tokensWithStages"));
        }

        var precision = o.Precision ?? spec.Precision;
        if (o.Precision is not null && spec.Fleet.FirstOrDefault(f => f.Accelerator.PeakFlops(precision) is null) is { } noFp8)
        {
            errors.Add(RequestError.Option("--precision", "noFp8InFleet", ("accelerator", noFp8.Accelerator.Id)));
        }

        var recompute = r.Recompute ?? spec.Recompute;
        if (r.Recompute == Recompute.Selective && !HasShape(spec.Model))
        {
            errors.Add(RequestError.Option("--recompute", "selectiveNeedsShape", ("model", spec.Model.Id)));
        }

        var fx = ComputePricing.RunFx(catalog, o.FxRmbPerUsd, scenario.Compute);
        if (errors.Count > 0)
        {
            return null;
        }

        var attention = r.Attention || spec.IncludeAttention;
        var defaulted = false;

        // A scenario's MFU is of the peak at its own precision: run at another, the default for that precision applies.
        double MfuOf(double scenarioMfu, Precision scenarioPrecision, Recompute stageRecompute, int? sequence)
        {
            if (o.Mfu is { } given)
            {
                return given;
            }

            if (r.Hfu is { } h)
            {
                return h / ComputeEngine.HardwareFlopsPerModelFlop(sequence is { } s ? spec.Model with { SequenceLength = s } : spec.Model, stageRecompute, attention);
            }

            if (o.Precision is { } p && p != scenarioPrecision)
            {
                defaulted = true;
                return ComputeDefaults.Mfu(p, spec.Model.Architecture);
            }

            return scenarioMfu;
        }

        // Command-line --mfu/--hfu, --precision and --recompute replace every stage's own value (docs/compute.md).
        var stages = spec.Stages?.Select(s => s with
        {
            Precision = o.Precision ?? s.Precision,
            Recompute = r.Recompute ?? s.Recompute,
            Mfu = MfuOf(s.Mfu, s.Precision, r.Recompute ?? s.Recompute, s.SequenceLength),
        }).ToList();
        var baseMfu = MfuOf(spec.Mfu, spec.Precision, recompute, null);
        if (ScenarioPricing(errors, scenario, spec, o, fx) is not var (prices, owners, perChip))
        {
            return null;
        }

        var pricing = prices.Where(p => p.Price is not null).ToDictionary(p => p.AcceleratorId, p => new CostBasis(p.Price!.Value, p.Basis.Code), StringComparer.Ordinal);
        var run = new TrainingRun
        {
            Model = spec.Model,
            Tokens = r.Tokens ?? spec.Tokens,
            Fleet = spec.Fleet,
            Mfu = baseMfu,
            Precision = precision,
            Ettr = r.Ettr ?? spec.Ettr,
            PowerFraction = o.PowerFraction ?? spec.PowerFraction,
            HostWattsPerAccelerator = o.HostWatts ?? spec.HostWattsPerAccelerator,
            Pue = o.Pue ?? spec.Pue,
            IncludeAttention = attention,
            Recompute = recompute,
            StragglerPenalty = r.StragglerPenalty ?? spec.StragglerPenalty,
            Stages = stages,
            Pricing = pricing.Count > 0 ? pricing : null,
        };
        var mfuSource = o.Mfu is not null ? Finding.Info("compute.mfu.given")
            : r.Hfu is { } hh ? Finding.Info("compute.mfu.fromHfuStages", ("hfu", hh), ("recompute", ComputeTerms.Recompute(recompute)))
            : defaulted ? Finding.Info("compute.mfu.scenarioOtherPrecision", ("precision", ComputeTerms.Precision(precision)), ("mfu", ComputeDefaults.Mfu(precision, spec.Model.Architecture)))
            : Finding.Info("compute.mfu.scenario");

        var inputs = new ComputeInputs();
        inputs.Scenario(scenario);
        Flags(inputs, r);
        inputs.CatalogEntry(spec.Model.Id);
        foreach (var member in spec.Fleet)
        {
            inputs.CatalogEntry(member.Accelerator.Id);
        }

        var publishedFx = ComputePricing.PublishedFx(catalog, o.FxRmbPerUsd, scenario.Compute, spec.Model);
        inputs.ExchangeRate(fx.Rate.Year);
        inputs.ExchangeRate(publishedFx.Rate.Year);
        var header = new ResultHeader("train", scenario.Name, scenario.Origin, scenario.Description, scenario.Currency ?? prices.FirstOrDefault(p => p.Price is not null)?.Price?.Currency,
            scenario.Overrides, inputs.All);
        var ettrSource = r.Ettr is not null ? EttrSource.Given : EttrSource.Scenario;
        return new Plan(run, catalog, mfuSource, ettrSource, prices, perChip, owners, fx, publishedFx, scenario.Origin, header);
    }

    private static (List<PriceUsed> Prices, List<OwnerCostUsed> Owners, bool PerChip)? ScenarioPricing(List<RequestError> errors, Scenario scenario, TrainingSpec spec,
        ComputeOptions o, ExchangeRateUsed fx)
    {
        var prices = new List<PriceUsed>();
        var owners = new List<OwnerCostUsed>();
        var currency = scenario.Currency;
        Money InScenarioCurrency(Money m) => currency is { } c ? fx.Rate.Convert(m, c) : m;

        if (o.PricePerHour is not null && o.Currency is null && currency is null)
        {
            errors.Add(RequestError.Option("--currency", "priceNeedsCurrencyScenario"));
            return null;
        }

        foreach (var member in spec.Fleet)
        {
            var a = member.Accelerator;
            if (o.PricePerHour is { } p)
            {
                var given = new Money(p, o.Currency ?? currency!.Value);
                var price = InScenarioCurrency(given);
                var basis = o.Currency is null ? Finding.Info("compute.price.optionScenarioCurrency", ("currency", ComputeTerms.Currency(currency!.Value)))
                    : given.Currency == price.Currency ? Finding.Info("compute.price.option")
                    : ComputePricing.Converted("compute.price.optionConverted", given, fx);
                prices.Add(new PriceUsed(a.Id, price, basis));
                continue;
            }

            switch (spec.CostBasis)
            {
                case CostBasisKind.PricePerHour:
                    prices.Add(new PriceUsed(a.Id, new Money(spec.PricePerAcceleratorHour!.Value, currency!.Value), Finding.Info("compute.price.scenario")));
                    break;
                case CostBasisKind.MarketRental:
                    prices.Add(a.RentalPricePerHour is { } rental
                        ? new PriceUsed(a.Id, InScenarioCurrency(rental), rental.Currency == InScenarioCurrency(rental).Currency
                            ? Finding.Info("compute.price.marketRental")
                            : ComputePricing.Converted("compute.price.marketRentalConverted", rental, fx))
                        : new PriceUsed(a.Id, null, Finding.Info("compute.price.none", ("accelerator", a.Id))));
                    break;
                default:
                    var cost = OwnerCostOf(scenario, spec, a, o);
                    owners.Add(new OwnerCostUsed(a.Id, cost));
                    prices.Add(new PriceUsed(a.Id, new Money(cost.Total, cost.Currency), Finding.Info("compute.price.ownerCost",
                        ("rentBasis", new Term("compute.rentBasis." + ComputeTerms.Camel(RentBasisOf(spec.CostBasis).ToString()))),
                        ("rent", cost.RentPerKwMonth), ("kw", cost.KwPerAccelerator), ("facility", cost.FacilityPerHour), ("power", cost.PowerPerHour), ("pue", cost.Pue),
                        ("server", cost.ServerPerHour), ("discountRate", cost.DiscountRate), ("life", cost.ServerLifeYears),
                        ("serverStraightLine", cost.ServerPerHourStraightLine), ("totalStraightLine", cost.TotalStraightLine))));
                    break;
            }
        }

        var perChip = !(spec.Fleet.Count == 1 || spec.CostBasis == CostBasisKind.PricePerHour || o.PricePerHour is not null);
        return (prices, owners, perChip);
    }

    private static RentBasis RentBasisOf(CostBasisKind kind) => kind switch
    {
        CostBasisKind.SiteAccountingBreakEven => RentBasis.AccountingBreakEven,
        CostBasisKind.SiteEconomicBreakEven => RentBasis.EconomicBreakEven,
        _ => RentBasis.MarketRent,
    };

    // The run's power fraction, host watts and PUE, as its energy uses them: one PUE for the energy and the power it pays for.
    private static OwnerCostBreakdown OwnerCostOf(Scenario scenario, TrainingSpec spec, Accelerator accelerator, ComputeOptions o) =>
        OwnerCost.PerAcceleratorHour(scenario.Site!, accelerator, RentBasisOf(spec.CostBasis), spec.ServerCapexPerAccelerator!.Value, spec.ServerLifeYears,
            o.PowerFraction ?? spec.PowerFraction, o.HostWatts ?? spec.HostWattsPerAccelerator, o.Pue ?? spec.Pue);

    /// <summary>Where the default MFU of a precision and an architecture comes from, with the published figures it rests on.</summary>
    internal static Finding DefaultMfuSource(Precision precision, ModelArchitecture architecture)
    {
        var mfu = ComputeDefaults.Mfu(precision, architecture);
        switch (precision, architecture)
        {
            case (Precision.Fp8, ModelArchitecture.MixtureOfExperts):
                var reference = ComputeCatalog.BuiltIn.FindModel(ComputeDefaults.Fp8ReferenceModel)!;
                return Finding.Info("compute.mfu.defaultFp8", ("mfu", mfu),
                    ("implied", PublishedCheck.For(reference, ComputeCatalog.BuiltIn).ImpliedUtilisationOfReportedPeak ?? double.NaN), ("dense", ComputeDefaults.DenseFp8Mfu));
            case (Precision.Fp8, _):
                return Finding.Info("compute.mfu.defaultDenseFp8", ("mfu", mfu), ("bf16", mfu * 2), ("tokens", ComputeDefaults.DenseFp8BenchmarkTokensPerSecond),
                    ("implied", DenseFp8BenchmarkMfu()));
            case (_, ModelArchitecture.MixtureOfExperts):
                return Finding.Info("compute.mfu.defaultMoeBf16", ("mfu", mfu), ("dense", ComputeDefaults.Bf16Mfu));
            default:
                return Finding.Info("compute.mfu.defaultBf16", ("mfu", mfu));
        }
    }

    /// <summary>
    /// The MFU of NVIDIA's dense FP8 benchmark on this tool's 6ND basis, from the catalog: 6 × N × tokens/s ÷ the FP8 peak
    /// of the accelerator it ran on (Llama 3.1 405B on H100: 6 × 405e9 × 292 ÷ 1,978.9e12 = 35.9 %).
    /// </summary>
    internal static double DenseFp8BenchmarkMfu()
    {
        var model = ComputeCatalog.BuiltIn.FindModel(ComputeDefaults.DenseFp8ReferenceModel)!;
        var accelerator = ComputeCatalog.BuiltIn.FindAccelerator(ComputeDefaults.DenseFp8ReferenceAccelerator)!;
        return 6 * model.ActiveParamsBillion * 1e9 * ComputeDefaults.DenseFp8BenchmarkTokensPerSecond / accelerator.PeakFlops(Precision.Fp8)!.Value;
    }

    private static void Flags(ComputeInputs inputs, TrainRequest r)
    {
        var o = r.Options;
        inputs.Flag("--accelerator", r.AcceleratorId);
        inputs.Flag("--count", r.Count, "accelerators");
        inputs.Flag("--tokens", r.Tokens, "tokens");
        inputs.Flag("--ettr", r.Ettr, "fraction");
        inputs.Flag("--mfu", o.Mfu, "fraction");
        inputs.Flag("--hfu", r.Hfu, "fraction");
        inputs.Flag("--recompute", r.Recompute);
        inputs.Flag("--precision", o.Precision);
        inputs.Flag("--straggler-penalty", r.StragglerPenalty, "fraction");
        inputs.Flag("--attention", r.Attention ? true : null);
        inputs.PriceAndPowerFlags(o);
    }

    private static TrainResult Build(Plan plan, TrainingEstimate e, TrainingEstimate? dense, Money? other, Money? publishedInRun)
    {
        var run = plan.Run;
        var m = run.Model;
        var check = PublishedCheck.For(m, plan.Catalog);
        var cost = e.Cost;
        double? costDeviation = publishedInRun is { } pr && cost is { } c3 ? (c3.Amount / pr.Amount) - 1 : null;

        // Compare like with like: a published HFU against this run's HFU, a published MFU against its MFU, both as shares
        // of the peak at the published precision (this run's model FLOP/s re-expressed when it ran at another).
        var reportedPrecision = m.ReportedPrecision ?? Precision.Bf16;
        var samePeak = e.Stages.All(s => s.Stage.Precision == reportedPrecision);
        var hfuBasis = m.ReportedUtilisationBasis == UtilisationBasis.Hfu;
        double? mine = samePeak ? (hfuBasis ? e.Hfu : e.EffectiveMfu)
            : reportedPrecision == Precision.Bf16 ? e.UtilisationOfBf16Peak * (hfuBasis ? e.Hfu / e.EffectiveMfu : 1)
            : null;
        var rows = new List<PublishedRow>();
        if (m.ReportedTrainingFlops is { } rf)
        {
            rows.Add(new PublishedRow("trainingFlops", rf, e.TrainingFlops, (e.TrainingFlops / rf) - 1));
        }

        if (m.ReportedAcceleratorHours is { } rh)
        {
            rows.Add(new PublishedRow("acceleratorHours", rh, e.AcceleratorHours, (e.AcceleratorHours / rh) - 1));
        }

        if (m.ReportedMfu is { } ru)
        {
            rows.Add(new PublishedRow(hfuBasis ? "hfu" : "mfu", ru, mine, mine is { } v ? (v / ru) - 1 : null));
        }

        if (m.ReportedCost is not null)
        {
            rows.Add(new PublishedRow("cost", publishedInRun?.Amount ?? m.ReportedCost.Value.Amount, cost?.Amount, costDeviation));
        }

        DenseComparison? comparison = null;
        if (dense is not null)
        {
            var denseRows = new List<DenseRow>
            {
                Row("trainingFlops", e.TrainingFlops, dense.TrainingFlops, Unit.Flop),
                Row("wallClockDays", e.WallClockDays, dense.WallClockDays, Unit.Days),
                Row("acceleratorHours", e.AcceleratorHours, dense.AcceleratorHours, Unit.AcceleratorHours),
                Row("energyMwh", e.EnergyMwh, dense.EnergyMwh, Unit.Mwh),
            };
            if (cost is { } mc && dense.Cost is { } dc)
            {
                denseRows.Add(Row("cost", mc.Amount, dc.Amount, Unit.Money));
            }

            denseRows.Add(Row("inferenceFlopsPerToken", ComputeEngine.FlopsPerToken(m, false), ComputeEngine.FlopsPerToken(dense.Run.Model, false), Unit.Flop));
            var ratio = dense.TrainingFlops / e.TrainingFlops;
            comparison = new DenseComparison(dense, ratio, m.TotalParamsBillion / m.ActiveParamsBillion, ratio / 2, denseRows);
        }

        var findings = new List<Finding> { plan.MfuSource };
        foreach (var basis in plan.Prices.Select(p => p.Basis).Where(b => !findings.Any(f => Same(f, b))))
        {
            findings.Add(basis);
        }

        findings.Add(plan.RunFx.Basis);
        if (publishedInRun is not null && plan.PublishedFx.Basis.Code == "compute.fx.publishedYear")
        {
            findings.Add(plan.PublishedFx.Basis);
        }

        findings.AddRange(e.Findings.Select(f => EngineFinding(f, run)));
        findings.AddRange(check.Findings);
        if (comparison is not null)
        {
            findings.Add(Finding.Info("compute.dense.saving", ("ratio", comparison.ComputeRatio), ("total", m.TotalParamsBillion), ("active", m.ActiveParamsBillion)));
            findings.Add(Finding.Info("compute.dense.halfMfu", ("ratio", comparison.RatioIfMoeMfuHalved)));
        }

        return new TrainResult
        {
            Header = plan.Header,
            Metrics = Metrics(e, run, other, costDeviation, comparison),
            Findings = findings,
            FromScenario = plan.Origin != RequestError.CommandLine,
            Estimate = e,
            MfuSource = plan.MfuSource,
            EttrSource = plan.EttrSource,
            Prices = plan.Prices,
            PricesPerChipType = plan.PricesPerChipType,
            OwnerCosts = plan.OwnerCosts,
            RunFx = plan.RunFx,
            PublishedFx = plan.PublishedFx,
            CostInOtherCurrency = other,
            Peaks = [.. run.Fleet.Select(f => new AcceleratorPeak(f.Accelerator.Id, f.Accelerator.PeakFlops(run.Precision)!.Value / 1e12))],
            HardwarePerModelFlops = e.HardwareFlops / e.TrainingFlops,
            FleetShares = [.. e.Fleet.Select(f => f.DeliveredFlopsPerSecond / e.DeliveredFlopsPerSecond)],
            BrainEnergyKwhOverWallClock = BrainComparison.BrainEnergyKwh(e.WallClockSeconds),
            BrainYearsOnTrainingEnergy = BrainComparison.BrainYearsOnEnergy(e.EnergyMwh),
            Published = check,
            PublishedRows = PublishedCheck.HasPublishedFigures(m) ? rows : [],
            SameFleetAsPublished = e.Fleet.Count == 1 && e.Fleet[0].AcceleratorId == m.ReportedAccelerator,
            UtilisationRebased = !samePeak && mine is not null,
            PublishedCostInRunCurrency = publishedInRun,
            PublishedCostDeviation = costDeviation,
            Dense = comparison,
            ModelNotes = ModelNotes,
        };

        static DenseRow Row(string key, double moe, double dense, Unit unit) => new(key, moe, dense, dense / moe, unit);
    }

    /// <summary>An engine finding as a result finding: its code under <c>compute.</c>, its figures named.</summary>
    private static Finding EngineFinding(ComputeFinding f, TrainingRun run) => f.Code switch
    {
        ComputeFindingCode.MixedVendorSynchronousJob => Finding.Warning("compute.mixedVendorSynchronousJob", ("vendors", f.Arguments[0]), ("stragglerPenalty", run.StragglerPenalty)),
        _ => Finding.Warning("compute." + ComputeTerms.Camel(f.Code.ToString())),
    };

    private static List<Metric> Metrics(TrainingEstimate e, TrainingRun run, Money? other, double? costDeviation, DenseComparison? dense)
    {
        var currency = e.Cost?.Currency;
        var metrics = new List<Metric>
        {
            new("wallClockDays", e.WallClockDays, Unit.Days),
            new("acceleratorHours", e.AcceleratorHours, Unit.AcceleratorHours),
            new("accelerators", run.Fleet.Sum(f => f.Count), Unit.Accelerators),
            new("energyMwh", e.EnergyMwh, Unit.Mwh),
            new("powerMw", e.PowerMw, Unit.Mw),
            new("trainingFlops", e.TrainingFlops, Unit.Flop),
            new("hardwareFlops", e.HardwareFlops, Unit.Flop),
            new("deliveredFlopsPerSecond", e.DeliveredFlopsPerSecond, Unit.FlopPerSecond),
            new("mfu", run.Mfu, Unit.Fraction),
            new("effectiveMfu", e.EffectiveMfu, Unit.Fraction),
            new("hfu", e.Hfu, Unit.Fraction),
            new("utilisationOfBf16Peak", e.UtilisationOfBf16Peak, Unit.Fraction),
            new("ettr", run.Ettr, Unit.Fraction),
            new("cost", e.Cost?.Amount, Unit.Money, currency),
            new("costPerAcceleratorHour", e.Cost is { } c ? c.Amount / e.AcceleratorHours : null, Unit.MoneyPerAcceleratorHour, currency),
            new("costInOtherCurrency", other?.Amount, Unit.Money, other?.Currency),
            new("brainEquivalentRatio", e.BrainEquivalentRatio, Unit.Times),
            new("publishedCostDeviation", costDeviation, Unit.Fraction),
        };
        if (dense is not null)
        {
            metrics.Add(new Metric("denseToMoeComputeRatio", dense.ComputeRatio, Unit.Times));
            metrics.Add(new Metric("denseToMoeTimeRatioAtHalfMfu", dense.RatioIfMoeMfuHalved, Unit.Times));
        }

        return metrics;
    }

    /// <summary>Whether two findings say the same: one code, equal arguments.</summary>
    internal static bool Same(Finding a, Finding b) => a.Code == b.Code && a.Args.Count == b.Args.Count && a.Args.SequenceEqual(b.Args);

    private static bool HasShape(ModelSpec m) => m.Layers is not null && m.ModelDim is not null && m.SequenceLength is not null;

    private static Currency Other(Currency currency) => currency == Currency.RMB ? Currency.USD : Currency.RMB;

    /// <summary>A value from the command line as it may be echoed (control characters escaped, cut).</summary>
    internal static string Shown(string value) => Diagnostic.Shown(value);
}
