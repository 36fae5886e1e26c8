using System.CommandLine;
using Suanli.Cli.Output;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios;
using Suanli.Scenarios.Schema;

namespace Suanli.Cli.Commands;

/// <summary>An exchange rate as used, with what it is and where it comes from.</summary>
/// <param name="Rate">The rate.</param>
/// <param name="Basis">In words: the year's average, or the option or scenario key that states it.</param>
/// <param name="Source">The catalog's source of a year's average; null for a stated rate.</param>
internal sealed record FxUsed(ExchangeRate Rate, string Basis, string? Source);

/// <summary>A training run ready to compute, with the words that say where its inputs came from.</summary>
/// <param name="Run">The run.</param>
/// <param name="CostNote">Where the price per accelerator-hour comes from.</param>
/// <param name="MfuNote">Where the MFU comes from.</param>
/// <param name="OwnerCosts">The owner's cost per chip type, when the run is priced at it.</param>
/// <param name="RunFx">The rate that converts the run's cost into the other currency.</param>
/// <param name="PublishedFx">The rate that converts the published cost into the run's currency.</param>
/// <param name="Origin">Where the run was read from (a scenario file, a preset, or the command line).</param>
internal sealed record TrainPlan(TrainingRun Run, string CostNote, string MfuNote, IReadOnlyList<(string AcceleratorId, OwnerCostBreakdown Cost)> OwnerCosts, FxUsed RunFx,
    FxUsed PublishedFx, string Origin);

/// <summary><c>suanli train</c> and <c>suanli infer</c>: compute, time, energy and cost (MODEL.md §3).</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var scenarioInput = new ScenarioInput();
        var model = new Option<string?>("--model") { Description = "Catalog model id (see 'suanli catalog models')." };
        var accelerator = new Option<string?>("--accelerator") { Description = "Catalog accelerator id (default: the one the model's authors used)." };
        var count = new Option<int?>("--count") { Description = "Accelerators (default: as published)." };
        var common = new CommonOptions();
        var tokens = new Option<double?>("--tokens") { Description = "Training tokens (default: as published)." };
        var ettr = new Option<double?>("--ettr") { Description = "Effective training time ratio 0-1 (default 1: no interruptions; see suanli reliability)." };
        var attention = new Option<bool>("--attention") { Description = "Add Kaplan's attention term 6·L·S·d per token." };
        var compareDense = new Option<bool>("--compare-dense") { Description = "Also train a dense model of the same total parameters on the same tokens, and print the ratios." };
        var hfu = new Option<double?>("--hfu") { Description = "Hardware FLOPs utilisation in (0, 1] (recomputed FLOPs counted), instead of --mfu; converted to MFU with --recompute." };
        var recompute = new Option<Recompute?>("--recompute") { Description = "Activation recomputation: none, selective or full (default: as published with --model alone, else the scenario's, else none)." };
        var straggler = new Option<double?>("--straggler-penalty") { Description = "Mixed fleets, 0-1: 0 splits the work by each chip type's speed, 1 gives every accelerator an equal share and waits for the slowest (default: the scenario's, else 0)." };
        var command = new Command("train", "Training FLOPs, wall-clock time, accelerator-hours, energy, cost and power of a model, against what its authors published.");
        scenarioInput.AddTo(command);
        command.Add(model);
        command.Add(accelerator);
        command.Add(count);
        common.AddTo(command);
        command.Add(tokens);
        command.Add(ettr);
        command.Add(attention);
        command.Add(compareDense);
        command.Add(hfu);
        command.Add(recompute);
        command.Add(straggler);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var values = common.Read(checks);
            var options = new TrainOptions(
                parse.GetValue(accelerator),
                checks.Whole(count, 1, 100_000_000, "a whole number of accelerators"),
                checks.Number(tokens, 1, 1e18, true, "a number of tokens, e.g. 1.5e13"),
                checks.Number(ettr, 0, 1, true, "a fraction"),
                checks.Number(hfu, 0, 1, true, "a fraction"),
                parse.GetValue(recompute),
                checks.Number(straggler, 0, 1, false, "a fraction"),
                parse.GetValue(attention),
                values);
            if (values.Mfu is not null && options.Hfu is not null)
            {
                checks.Error("--hfu", "give --mfu or --hfu, not both", "one of them");
            }

            if (checks.Failed)
            {
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(model) is null && parse.GetValue(scenarioInput.File) is null && parse.GetValue(scenarioInput.Preset) is null)
            {
                checks.Error("--model", "give a model, a scenario file or a preset with a training run",
                    "--model " + string.Join("|", ComputeCatalog.BuiltIn.Models.Keys) + ", or --preset " + string.Join("|", TrainingPresets()));
                return ExitCodes.InvalidInput;
            }

            var plan = parse.GetValue(model) is { } modelId
                ? FromFlags(parse, checks, scenarioInput, modelId, options)
                : FromScenario(parse, context, checks, scenarioInput, options);
            if (plan is null)
            {
                return ExitCodes.InvalidInput;
            }

            var report = TrainReport.Compute(plan, parse.GetValue(compareDense));
            if (!report.Estimate.IsFinite || report.Dense is { IsFinite: false })
            {
                var (field, what) = values.Mfu is { } m ? ("--mfu", Fmt.Text($"MFU {m}"))
                    : options.Hfu is { } h ? ("--hfu", Fmt.Text($"HFU {h}"))
                    : ("compute.training.mfu", Fmt.Text($"MFU {plan.Run.Mfu}"));
                context.Error.WriteLine(Fmt.Text($"{(field.StartsWith("--", StringComparison.Ordinal) ? "command-line" : plan.Origin)}:1:1: {field}: {what} makes the run's time, energy or cost too large for a number (allowed: a utilisation that gives finite figures, e.g. 0.4)"));
                return ExitCodes.InvalidInput;
            }

            return context.Emit(parse.GetValue(common.Json), report.ToJson, report.WriteTables);
        });
        return command;
    }

    public static Command CreateInfer(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "Catalog model id.", Required = true };
        var accelerator = new Option<string>("--accelerator") { Description = "Catalog accelerator id.", Required = true };
        var contextTokens = new Option<int?>("--context") { Description = "Tokens held per sequence in the KV cache, prompt and output (default: the model's training sequence length)." };
        var batch = new Option<int?>("--batch") { Description = "Sequences decoded together per replica (default: as many as fit on the fewest accelerators that hold the weights)." };
        var perReplica = new Option<int?>("--accelerators-per-replica") { Description = "Accelerators holding one copy of the model (default: the fewest that hold the weights and the batch's KV cache)." };
        var memoryUtilisation = new Option<double?>("--memory-utilization") { Description = "Share of accelerator memory for weights and KV cache, 0-1 (default 0.9, vLLM's gpu_memory_utilization default)." };
        var common = new CommonOptions();
        var command = new Command("infer", "Inference: accelerators per replica to hold the weights and KV cache, decode tokens per second per replica and per accelerator, energy and cost per million tokens.");
        command.Add(model);
        command.Add(accelerator);
        command.Add(contextTokens);
        command.Add(batch);
        command.Add(perReplica);
        command.Add(memoryUtilisation);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var values = common.Read(checks);
            var contextValue = checks.Whole(contextTokens, 1, 100_000_000, "tokens per sequence");
            var batchValue = checks.Whole(batch, 1, 100_000_000, "sequences per replica");
            var replicaValue = checks.Whole(perReplica, 1, ServingRun.MaxAcceleratorsPerReplica, "accelerators per replica");
            var utilisation = checks.Number(memoryUtilisation, 0, 1, true, "a share of memory") ?? ComputeDefaults.MemoryUtilisation;
            var catalog = ComputeCatalog.BuiltIn;
            var m = Find(checks, "--model", "model", parse.GetValue(model)!, catalog.Models);
            var a = Find(checks, "--accelerator", "accelerator", parse.GetValue(accelerator)!, catalog.Accelerators);
            if (a is not null && a.PeakFlops(values.Precision) is null)
            {
                checks.Error("--precision", $"{a.Id} has no FP8 throughput", "bf16");
            }

            if (m is not null && m.KvCacheElementsPerToken is null)
            {
                checks.Error("--model", $"{m.Id} lacks the attention figures (kvHeads and headDim, or kvLoraRank and ropeHeadDim) that size its KV cache",
                    string.Join(", ", catalog.Models.Values.Where(x => x.KvCacheElementsPerToken is not null).Select(x => x.Id)));
            }

            if (m is not null && contextValue is null && m.SequenceLength is null)
            {
                checks.Error("--context", $"{m.Id} has no training sequence length to default to", "--context N tokens per sequence");
            }

            if (checks.Failed || m is null || a is null)
            {
                return ExitCodes.InvalidInput;
            }

            var fx = RunFx(catalog, values.FxRmbPerUsd, null);
            var price = FlagsPrice(checks, values, a, fx);
            if (checks.Failed)
            {
                return ExitCodes.InvalidInput;
            }

            var mfu = values.Mfu ?? ComputeDefaults.Mfu(values.Precision);
            var run = new ServingRun
            {
                Model = m,
                Accelerator = a,
                Mfu = mfu,
                Precision = values.Precision,
                ContextTokens = contextValue ?? m.SequenceLength!.Value,
                Batch = batchValue,
                AcceleratorsPerReplica = replicaValue,
                MemoryUtilisation = utilisation,
                PowerFraction = values.PowerFraction,
                HostWattsPerAccelerator = values.HostWatts,
                Pue = values.Pue,
                PricePerAcceleratorHour = price.Price,
            };
            var serving = ServingEngine.Estimate(run);
            if (serving.Misfit != ServingMisfit.None)
            {
                checks.Error(InferReport.MisfitField(serving.Misfit), InferReport.MisfitMessage(serving), InferReport.MisfitAllowed(serving));
                return ExitCodes.InvalidInput;
            }

            if (!serving.IsFinite)
            {
                checks.Error(values.Mfu is null ? "--price-per-hour" : "--mfu", "the figures are too large for a number", "an MFU that gives finite figures, e.g. 0.4");
                return ExitCodes.InvalidInput;
            }

            var estimate = ComputeEngine.Infer(m, a, mfu, values.Precision, values.PowerFraction, values.HostWatts, values.Pue, price.Price);
            var report = new InferReport(serving, estimate, values.Mfu is null, values, price.Note, contextValue is null, batchValue is null, replicaValue is null);
            return context.Emit(parse.GetValue(common.Json), report.ToJson, report.WriteTables);
        });
        return command;
    }

    /// <summary>Presets that have a training run (compute.training), by name.</summary>
    public static IReadOnlyList<string> TrainingPresets() =>
        [.. Presets.Names.Where(n => ScenarioLoader.FromPreset(n).Scenario?.Compute?.Training is not null)];

    private static TrainPlan? FromFlags(ParseResult parse, OptionChecks checks, ScenarioInput input, string modelId, TrainOptions o)
    {
        if (parse.GetValue(input.File) is not null || parse.GetValue(input.Preset) is not null)
        {
            checks.Error("--model", "give either --model or a scenario file, not both", "one of them");
            return null;
        }

        var values = o.Values;
        var catalog = ComputeCatalog.BuiltIn;
        var model = Find(checks, "--model", "model", modelId, catalog.Models);
        if (model is null)
        {
            return null;
        }

        // Without --accelerator the run is the published one: its accelerator, count, precision, utilisation, ETTR.
        var published = o.AcceleratorId is null;
        var id = o.AcceleratorId ?? model.ReportedAccelerator;
        if (id is null || (published && catalog.FindAccelerator(id) is null))
        {
            checks.Error("--accelerator", id is null ? $"{model.Id} has no published accelerator" : $"{model.Id} was trained on {id}, which is not in the catalog", "--accelerator " + string.Join("|", catalog.Accelerators.Keys));
            return null;
        }

        var accelerator = Find(checks, "--accelerator", "accelerator", id, catalog.Accelerators);
        var n = o.Count ?? (published ? model.ReportedAcceleratorCount : null);
        if (n is null)
        {
            checks.Error("--count", $"no accelerator count is published for {model.Id} on {id}", "--count N");
        }

        var d = o.Tokens ?? model.TrainingTokensTrillion * 1e12;
        if (d is null)
        {
            checks.Error("--tokens", $"{model.Id}'s training tokens are not published", "--tokens N, e.g. --tokens 8e12");
        }

        var precision = values.PrecisionGiven ? values.Precision : published && model.ReportedPrecision is { } rp ? rp : Precision.Bf16;
        if (accelerator is not null && accelerator.PeakFlops(precision) is null)
        {
            checks.Error("--precision", $"{accelerator.Id} has no FP8 throughput", "bf16");
        }

        if (o.Attention && (model.Layers is null || model.ModelDim is null || model.SequenceLength is null))
        {
            checks.Error("--attention", $"{model.Id} lacks layers, modelDim or sequenceLength", "no --attention for this model");
        }

        var recompute = o.Recompute ?? (published ? model.ReportedRecompute : null) ?? Recompute.None;
        if (recompute == Recompute.Selective && (model.Layers is null || model.ModelDim is null || model.SequenceLength is null))
        {
            checks.Error("--recompute", $"selective recomputation recomputes the attention core, and {model.Id} lacks layers, modelDim or sequenceLength to count it", "none or full");
        }

        if (checks.Failed || accelerator is null || n is null || d is null)
        {
            return null;
        }

        var factor = ComputeEngine.HardwareFlopsPerModelFlop(model, recompute, o.Attention);
        var check = PublishedCheck.For(model, catalog);
        var (mfu, mfuNote) = values.Mfu is { } given ? (given, "given")
            : o.Hfu is { } h ? (h / factor, Fmt.Text($"from --hfu {Fmt.Pct(h, 1)} ÷ {Fmt.N(factor, 3)} hardware FLOPs per model FLOP ({PublishedCheck.RecomputeWords(recompute)})"))
            : published && check.PublishedMfu is { } pm && (model.ReportedPrecision ?? Precision.Bf16) == precision
                ? (pm, model.ReportedUtilisationBasis == UtilisationBasis.Hfu
                    ? Fmt.Text($"as published: HFU {Fmt.Pct(model.ReportedMfu!.Value, 1)} with {PublishedCheck.RecomputeWords(model.ReportedRecompute ?? Recompute.None)} = MFU {Fmt.Pct(pm, 1)}")
                    : "as published")
            : (ComputeDefaults.Mfu(precision), ComputeDefaults.MfuNote(precision));
        var fx = RunFx(catalog, values.FxRmbPerUsd, null);
        var price = FlagsPrice(checks, values, accelerator, fx);
        if (checks.Failed)
        {
            return null;
        }

        var run = new TrainingRun
        {
            Model = model,
            Tokens = d.Value,
            Fleet = [new FleetMember(accelerator, n.Value)],
            Mfu = mfu,
            Precision = precision,
            Ettr = o.Ettr ?? (published && o.Count is null ? model.ReportedEttr : null) ?? 1,
            PowerFraction = values.PowerFraction,
            HostWattsPerAccelerator = values.HostWatts,
            Pue = values.Pue,
            IncludeAttention = o.Attention,
            Recompute = recompute,
            StragglerPenalty = o.StragglerPenalty ?? 0,
            Pricing = price.Price is { } p ? new Dictionary<string, CostBasis> { [accelerator.Id] = new(p, price.Note) } : null,
        };
        return new TrainPlan(run, price.Note, mfuNote, [], fx, PublishedFx(catalog, values.FxRmbPerUsd, null, model), "command-line");
    }

    private static TrainPlan? FromScenario(ParseResult parse, CliContext context, OptionChecks checks, ScenarioInput input, TrainOptions o)
    {
        if (o.AcceleratorId is not null || o.Count is not null)
        {
            checks.Error(o.AcceleratorId is not null ? "--accelerator" : "--count", "with a scenario the fleet is compute.training.fleet", "--set compute.training.fleet[0].count=N, or --model");
            return null;
        }

        var scenario = input.Load(parse, context);
        if (scenario is null)
        {
            return null;
        }

        if (scenario.Compute?.Training is not { } spec)
        {
            context.Error.WriteLine(new Diagnostic(Severity.Error, Scenarios.Binding.DiagnosticCodes.MissingSection, scenario.Origin, 1, 1, "compute.training",
                "'suanli train' needs a 'compute.training:' section and the scenario has none",
                "a 'compute.training:' section (docs/scenario-reference.md), or a preset that has one: " + string.Join(", ", TrainingPresets().Select(p => "'suanli train --preset " + p + "'"))).ToString());
            return null;
        }

        var values = o.Values;
        var catalog = scenario.Compute.Catalog;
        if (o.Tokens is not null && spec.Stages is not null)
        {
            checks.Error("--tokens", "the scenario's run has stages, each with its own tokens", "--set compute.training.stages[i].tokens=N");
        }

        var precision = values.PrecisionGiven ? values.Precision : spec.Precision;
        if (values.PrecisionGiven && spec.Fleet.FirstOrDefault(f => f.Accelerator.PeakFlops(precision) is null) is { } noFp8)
        {
            checks.Error("--precision", $"{noFp8.Accelerator.Id} in the fleet has no FP8 throughput", "bf16");
        }

        var recompute = o.Recompute ?? spec.Recompute;
        if (o.Recompute == Recompute.Selective && (spec.Model.Layers is null || spec.Model.ModelDim is null || spec.Model.SequenceLength is null))
        {
            checks.Error("--recompute", $"selective recomputation recomputes the attention core, and {spec.Model.Id} lacks layers, modelDim or sequenceLength to count it", "none or full");
        }

        var fx = RunFx(catalog, values.FxRmbPerUsd, scenario.Compute);
        if (checks.Failed)
        {
            return null;
        }

        var attention = o.Attention || spec.IncludeAttention;
        var defaulted = false;

        // A scenario's MFU is of the peak at its own precision: run at another, the default for that precision applies.
        double MfuOf(double scenarioMfu, Precision scenarioPrecision, Recompute r, int? sequence)
        {
            if (values.Mfu is { } given)
            {
                return given;
            }

            if (o.Hfu is { } h)
            {
                return h / ComputeEngine.HardwareFlopsPerModelFlop(sequence is { } s ? spec.Model with { SequenceLength = s } : spec.Model, r, attention);
            }

            if (values.PrecisionGiven && values.Precision != scenarioPrecision)
            {
                defaulted = true;
                return ComputeDefaults.Mfu(values.Precision);
            }

            return scenarioMfu;
        }

        // Command-line --mfu/--hfu, --precision and --recompute replace every stage's own value (docs/compute.md).
        var stages = spec.Stages?.Select(s => s with
        {
            Precision = values.PrecisionGiven ? values.Precision : s.Precision,
            Recompute = o.Recompute ?? s.Recompute,
            Mfu = MfuOf(s.Mfu, s.Precision, o.Recompute ?? s.Recompute, s.SequenceLength),
        }).ToList();
        var baseMfu = MfuOf(spec.Mfu, spec.Precision, recompute, null);
        var (pricing, notes, owners) = ScenarioPricing(checks, scenario, spec, values, fx);
        if (checks.Failed)
        {
            return null;
        }

        var run = new TrainingRun
        {
            Model = spec.Model,
            Tokens = o.Tokens ?? spec.Tokens,
            Fleet = spec.Fleet,
            Mfu = baseMfu,
            Precision = precision,
            Ettr = o.Ettr ?? spec.Ettr,
            PowerFraction = values.PowerFractionGiven ? values.PowerFraction : spec.PowerFraction,
            HostWattsPerAccelerator = values.HostWattsGiven ? values.HostWatts : spec.HostWattsPerAccelerator,
            Pue = values.PueGiven ? values.Pue : spec.Pue,
            IncludeAttention = attention,
            Recompute = recompute,
            StragglerPenalty = o.StragglerPenalty ?? spec.StragglerPenalty,
            Stages = stages,
            Pricing = pricing.Count > 0 ? pricing : null,
        };
        var mfuNote = values.Mfu is not null ? "given"
            : o.Hfu is { } hh ? Fmt.Text($"from --hfu {Fmt.Pct(hh, 1)} ({PublishedCheck.RecomputeWords(recompute)})")
            : defaulted ? Fmt.Text($"the scenario's MFU is of its own precision's peak; --precision {values.Precision.ToString().ToLowerInvariant()} takes the {ComputeDefaults.MfuNote(values.Precision)}")
            : "scenario";
        return new TrainPlan(run, string.Join("; ", notes.Distinct()), mfuNote, owners, fx, PublishedFx(catalog, values.FxRmbPerUsd, scenario.Compute, spec.Model), scenario.Origin);
    }

    private static (Dictionary<string, CostBasis> Pricing, List<string> Notes, List<(string, OwnerCostBreakdown)> Owners) ScenarioPricing(OptionChecks checks, Scenario scenario,
        TrainingSpec spec, CommonValues values, FxUsed fx)
    {
        var pricing = new Dictionary<string, CostBasis>();
        var notes = new List<string>();
        var owners = new List<(string, OwnerCostBreakdown)>();
        var currency = scenario.Currency;
        Money InScenarioCurrency(Money m) => currency is { } c ? fx.Rate.Convert(m, c) : m;
        string Converted(Money from, Money to) => from.Currency == to.Currency ? string.Empty
            : Fmt.Text($" = {Fmt.N(from.Amount, 2)} {from.Currency} at {Fmt.N(fx.Rate.RmbPerUsd, 4)} RMB/USD ({fx.Basis})");

        if (values.PricePerHour is not null && values.Currency is null && currency is null)
        {
            checks.Error("--currency", "--price-per-hour needs its currency and the scenario states none", "--currency RMB or --currency USD");
            return (pricing, notes, owners);
        }

        foreach (var member in spec.Fleet)
        {
            CostBasis? basis;
            if (values.PricePerHour is { } p)
            {
                var given = new Money(p, values.Currency ?? currency!.Value);
                var price = InScenarioCurrency(given);
                basis = new CostBasis(price, "--price-per-hour" + (values.Currency is null ? Fmt.Text($" in the scenario's currency, {currency}") : Converted(given, price)));
            }
            else
            {
                basis = spec.CostBasis switch
                {
                    CostBasisKind.PricePerHour => new CostBasis(new Money(spec.PricePerAcceleratorHour!.Value, currency!.Value), "compute.training.pricePerAcceleratorHour"),
                    CostBasisKind.MarketRental => member.Accelerator.RentalPricePerHour is { } rental
                        ? new CostBasis(InScenarioCurrency(rental), "catalog market rental" + Converted(rental, InScenarioCurrency(rental)))
                        : null,
                    _ => Owner(scenario, spec, member.Accelerator, owners),
                };
            }

            if (basis is null)
            {
                notes.Add($"{member.Accelerator.Id} has no price");
            }
            else
            {
                pricing[member.Accelerator.Id] = basis;
                notes.Add(spec.Fleet.Count == 1 || spec.CostBasis == CostBasisKind.PricePerHour || values.PricePerHour is not null
                    ? $"{Fmt.N(basis.PricePerAcceleratorHour.Amount, 2)} {basis.PricePerAcceleratorHour.Currency} per accelerator-hour ({basis.Basis})"
                    : $"{member.Accelerator.Id}: {Fmt.N(basis.PricePerAcceleratorHour.Amount, 2)} {basis.PricePerAcceleratorHour.Currency}/h ({basis.Basis})");
            }
        }

        return (pricing, notes, owners);
    }

    private static CostBasis Owner(Scenario scenario, TrainingSpec spec, Accelerator accelerator, List<(string, OwnerCostBreakdown)> owners)
    {
        var rentBasis = spec.CostBasis switch
        {
            CostBasisKind.SiteAccountingBreakEven => RentBasis.AccountingBreakEven,
            CostBasisKind.SiteEconomicBreakEven => RentBasis.EconomicBreakEven,
            _ => RentBasis.MarketRent,
        };
        var cost = OwnerCost.PerAcceleratorHour(scenario.Site!, accelerator, rentBasis, spec.ServerCapexPerAccelerator!.Value, spec.ServerLifeYears, spec.PowerFraction, spec.HostWattsPerAccelerator);
        owners.Add((accelerator.Id, cost));
        return new CostBasis(new Money(cost.Total, cost.Currency), Fmt.Text(
            $"owner's cost: rent {Fmt.N(cost.RentPerKwMonth, 1)} x {Fmt.N(cost.KwPerAccelerator, 2)} kW = {Fmt.N(cost.FacilityPerHour, 2)}/h + power {Fmt.N(cost.PowerPerHour, 2)}/h + server {Fmt.N(cost.ServerPerHour, 2)}/h (capital recovery at {Fmt.Pct(cost.DiscountRate, 1)} over {Fmt.N(cost.ServerLifeYears, 1)} years; straight line {Fmt.N(cost.ServerPerHourStraightLine, 2)}/h, total {Fmt.N(cost.TotalStraightLine, 2)}/h)"));
    }

    /// <summary>The price of a command-line run: --price-per-hour in --currency (else the currency of the catalog price it replaces), or the catalog price converted to --currency.</summary>
    private static (Money? Price, string Note) FlagsPrice(OptionChecks checks, CommonValues values, Accelerator accelerator, FxUsed fx)
    {
        var rental = accelerator.RentalPricePerHour;
        if (values.PricePerHour is { } p)
        {
            if (values.Currency is { } c)
            {
                return (new Money(p, c), "--price-per-hour");
            }

            if (rental is { } r)
            {
                return (new Money(p, r.Currency), Fmt.Text($"--price-per-hour in {r.Currency}, the currency of {accelerator.Id}'s catalog price it replaces (--currency to change)"));
            }

            checks.Error("--currency", $"--price-per-hour needs its currency: there is no scenario, and {accelerator.Id} has no catalog price to take one from", "--currency RMB or --currency USD");
            return (null, string.Empty);
        }

        if (rental is { } price)
        {
            if (values.Currency is { } to && to != price.Currency)
            {
                var converted = fx.Rate.Convert(price, to);
                return (converted, Fmt.Text($"catalog market rental price {Fmt.N(price.Amount, 2)} {price.Currency} at {Fmt.N(fx.Rate.RmbPerUsd, 4)} RMB/USD ({fx.Basis})"));
            }

            return (price, "catalog market rental price");
        }

        return (null, $"no published rental price for {accelerator.Id}: give --price-per-hour and --currency");
    }

    /// <summary>The rate for the run's own prices: --fx-rmb-per-usd, else compute.fxRmbPerUsd, else the catalog's average for compute.priceYear, else its latest year.</summary>
    public static FxUsed RunFx(ComputeCatalog catalog, double? option, ComputeScenario? compute)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (option is { } o)
        {
            return new FxUsed(new ExchangeRate(o, null), "--fx-rmb-per-usd", null);
        }

        if (compute?.FxRmbPerUsd is { } s)
        {
            return new FxUsed(new ExchangeRate(s, null), "compute.fxRmbPerUsd", null);
        }

        if (compute?.PriceYear is { } year && catalog.ExchangeRateFor(year) is { } rate)
        {
            return new FxUsed(rate, Fmt.Text($"{year} annual average, compute.priceYear"), catalog.ExchangeRateSource(year));
        }

        var latest = catalog.LatestExchangeRate;
        return new FxUsed(latest, Fmt.Text($"{latest.Year} annual average, the catalog's latest; set compute.priceYear or --fx-rmb-per-usd"), catalog.ExchangeRateSource(latest.Year!.Value));
    }

    /// <summary>The rate for the authors' published cost: a stated rate, else the catalog's average for the year of their prices.</summary>
    private static FxUsed PublishedFx(ComputeCatalog catalog, double? option, ComputeScenario? compute, ModelSpec model)
    {
        if (option is not null || compute?.FxRmbPerUsd is not null || model.ReportedCostYear is not { } year || catalog.ExchangeRateFor(year) is not { } rate)
        {
            return RunFx(catalog, option, compute);
        }

        return new FxUsed(rate, Fmt.Text($"{year} annual average, the year of the published prices"), catalog.ExchangeRateSource(year));
    }

    private static T? Find<T>(OptionChecks checks, string option, string kind, string id, IReadOnlyDictionary<string, T> known)
        where T : class
    {
        if (known.TryGetValue(id, out var value))
        {
            return value;
        }

        checks.Unknown(option, kind, id, known.Keys);
        return null;
    }

    private sealed record TrainOptions(string? AcceleratorId, int? Count, double? Tokens, double? Ettr, double? Hfu, Recompute? Recompute, double? StragglerPenalty, bool Attention,
        CommonValues Values);
}

/// <summary>Options <c>train</c> and <c>infer</c> share.</summary>
internal sealed class CommonOptions
{
    public Option<double?> Mfu { get; } = new("--mfu") { Description = "Model FLOPs utilisation in (0, 1] of the dense peak at --precision (default per precision: bf16 0.40, fp8 0.17, from published runs; see docs/compute.md)." };

    public Option<double?> PricePerHour { get; } = new("--price-per-hour") { Description = "Price per accelerator-hour, in --currency (else the scenario's currency, else the currency of the catalog price it replaces)." };

    public Option<Currency?> Currency { get; } = new("--currency") { Description = "Currency of --price-per-hour; without a price, the currency to convert the catalog price into." };

    public Option<double?> FxRmbPerUsd { get; } = new("--fx-rmb-per-usd") { Description = "Renminbi per US dollar for conversions (default: the scenario's, else the catalog's annual average)." };

    public Option<Precision> Precision { get; } = new("--precision") { Description = "bf16 or fp8: whose peak the MFU refers to (default: as published with --model alone, else the scenario's, else bf16).", DefaultValueFactory = _ => Core.Compute.Precision.Bf16 };

    public Option<double?> Pue { get; } = new("--pue") { Description = "Facility PUE (default 1.25)." };

    public Option<double?> PowerFraction { get; } = new("--power-fraction") { Description = "Average accelerator draw as a share of TDP (default 1)." };

    public Option<double?> HostWatts { get; } = new("--host-watts") { Description = "Host, network and storage watts per accelerator (default 500)." };

    public Option<bool> Json { get; } = new("--json") { Description = "Write one JSON object on stdout instead of tables." };

    public void AddTo(Command command)
    {
        command.Add(Mfu);
        command.Add(PricePerHour);
        command.Add(Currency);
        command.Add(FxRmbPerUsd);
        command.Add(Precision);
        command.Add(Pue);
        command.Add(PowerFraction);
        command.Add(HostWatts);
        command.Add(Json);
    }

    public CommonValues Read(OptionChecks checks) => new(
        checks.Number(Mfu, 0, 1, true, "a fraction"),
        checks.Number(PricePerHour, 0, 100_000, true, "a price per accelerator-hour"),
        checks.Parse.GetValue(Currency),
        checks.Number(FxRmbPerUsd, 0, 1000, true, "renminbi per US dollar, e.g. 7.2"),
        checks.Parse.GetValue(Precision),
        checks.Parse.GetResult(Precision) is { Implicit: false },
        checks.Number(Pue, 1, 3, false, "a PUE") ?? ComputeDefaults.Pue,
        checks.Parse.GetValue(Pue) is not null,
        checks.Number(PowerFraction, 0, 1.5, true, "a share of TDP") ?? ComputeDefaults.PowerFraction,
        checks.Parse.GetValue(PowerFraction) is not null,
        checks.Number(HostWatts, 0, 10_000, false, "watts") ?? ComputeDefaults.HostWatts,
        checks.Parse.GetValue(HostWatts) is not null);
}

/// <summary>The values of <see cref="CommonOptions"/>, defaults applied.</summary>
internal sealed record CommonValues(double? Mfu, double? PricePerHour, Currency? Currency, double? FxRmbPerUsd, Precision Precision, bool PrecisionGiven, double Pue, bool PueGiven,
    double PowerFraction, bool PowerFractionGiven, double HostWatts, bool HostWattsGiven);

/// <summary>Documented defaults of the compute commands, with their reasoning (docs/compute.md).</summary>
internal static class ComputeDefaults
{
    /// <summary>A new AI hall: China hub nodes must reach ≤ 1.25, US new builds ≤ 1.3.</summary>
    public const double Pue = 1.25;

    /// <summary>Accelerators at TDP, as Meta's Llama 3.1 model card accounts them.</summary>
    public const double PowerFraction = 1;

    /// <summary>DERIVED: a 100 k-H100 cluster draws ~150 MW [R43c] = 1,500 W per GPU; ÷ PUE 1.25 = 1,200 W IT; − 700 W TDP = 500 W.</summary>
    public const double HostWatts = 500;

    /// <summary>vLLM's default <c>gpu_memory_utilization</c>: the rest is left for activations and the runtime.</summary>
    public const double MemoryUtilisation = 0.9;

    /// <summary>Llama 3 405B: BF16 MFU 38–43 % on 8,192–16,384 H100 (Llama 3 paper, Table 4).</summary>
    public const double Bf16Mfu = 0.40;

    /// <summary>
    /// DeepSeek-V3, the one large FP8 run with published hours: 6ND over its 2.664 M pre-training H800-hours is 17.3 % of
    /// the FP8 peak (report, Table 1; the catalog check recomputes it); NVIDIA's DeepSeek-V3 benchmark on 1,024 H100 in
    /// FP8 did 338 TFLOP/s per GPU = 17.1 % (Megatron-Bridge performance summary, NeMo 25.09).
    /// </summary>
    public const double Fp8Mfu = 0.17;

    /// <summary>The default MFU for a precision, relative to that precision's dense peak.</summary>
    public static double Mfu(Precision precision) => precision == Core.Compute.Precision.Fp8 ? Fp8Mfu : Bf16Mfu;

    /// <summary>Where the default MFU comes from, in words.</summary>
    public static string MfuNote(Precision precision) => precision == Core.Compute.Precision.Fp8
        ? Fmt.Text($"default for FP8, {Fmt.Pct(Fp8Mfu, 0)} of the FP8 peak: DeepSeek-V3's published pre-training hours imply {Fmt.Pct(PublishedCheck.For(ComputeCatalog.BuiltIn.FindModel("deepseek-v3")!, ComputeCatalog.BuiltIn).ImpliedUtilisationOfReportedPeak ?? 0, 1)} (an MoE on H800); NVIDIA's dense Llama 3.1 405B FP8 benchmark reaches 37% on 1,024 H100; set --mfu")
        : Fmt.Text($"default for BF16, {Fmt.Pct(Bf16Mfu, 0)} of the BF16 peak: Llama 3 405B ran at 38-43% on 8K-16K H100 (Llama 3 paper, Table 4); set --mfu");
}
