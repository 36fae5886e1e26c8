using System.CommandLine;
using Suanli.Cli.Output;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios;
using Suanli.Scenarios.Schema;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli train</c> and <c>suanli infer</c>: compute, time, energy and cost (MODEL.md §3).</summary>
internal static class TrainCommand
{
    /// <summary>MFU used when neither the flag nor the model's publication gives one.</summary>
    public const double DefaultMfu = 0.40;

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
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var values = common.Read(checks);
            var countValue = checks.Whole(count, 1, 100_000_000, "a whole number of accelerators");
            var tokensValue = checks.Number(tokens, 1, 1e18, true, "a number of tokens, e.g. 1.5e13");
            var ettrValue = checks.Number(ettr, 0, 1, true, "a fraction");
            if (checks.Failed)
            {
                return ExitCodes.InvalidInput;
            }

            var run = parse.GetValue(model) is { } modelId
                ? FromFlags(parse, checks, scenarioInput, modelId, parse.GetValue(accelerator), countValue, tokensValue, ettrValue, values, parse.GetValue(attention))
                : FromScenario(parse, context, checks, scenarioInput, parse.GetValue(accelerator), countValue, tokensValue, ettrValue, values, parse.GetValue(attention));
            if (run is null)
            {
                return ExitCodes.InvalidInput;
            }

            var report = TrainReport.Compute(run.Value.Run, run.Value.CostNote, run.Value.MfuNote, parse.GetValue(compareDense));
            return context.Emit(parse.GetValue(common.Json), report.ToJson, report.WriteTables);
        });
        return command;
    }

    public static Command CreateInfer(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "Catalog model id.", Required = true };
        var accelerator = new Option<string>("--accelerator") { Description = "Catalog accelerator id.", Required = true };
        var common = new CommonOptions();
        var command = new Command("infer", "Inference: FLOP per token, tokens per second per accelerator, energy and cost per million tokens.");
        command.Add(model);
        command.Add(accelerator);
        common.AddTo(command);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var values = common.Read(checks);
            var catalog = ComputeCatalog.BuiltIn;
            var m = Find(checks, "--model", "model", parse.GetValue(model)!, catalog.Models);
            var a = Find(checks, "--accelerator", "accelerator", parse.GetValue(accelerator)!, catalog.Accelerators);
            if (a is not null && a.PeakFlops(values.Precision) is null)
            {
                checks.Error("--precision", $"{a.Id} has no FP8 throughput", "bf16");
            }

            if (checks.Failed || m is null || a is null)
            {
                return ExitCodes.InvalidInput;
            }

            var price = Price(values, a);
            var mfu = values.Mfu ?? DefaultMfu;
            var estimate = ComputeEngine.Infer(m, a, mfu, values.Precision, values.PowerFraction, values.HostWatts, values.Pue, price.Price);
            var report = new InferReport(m, a, mfu, values.Mfu is null, values, estimate, price.Note);
            return context.Emit(parse.GetValue(common.Json), report.ToJson, report.WriteTables);
        });
        return command;
    }

    private static (TrainingRun Run, string CostNote, string MfuNote)? FromFlags(ParseResult parse, OptionChecks checks, ScenarioInput input, string modelId, string? acceleratorId,
        int? count, double? tokens, double? ettr, CommonValues values, bool attention)
    {
        if (parse.GetValue(input.File) is not null || parse.GetValue(input.Preset) is not null)
        {
            checks.Error("--model", "give either --model or a scenario file, not both", "one of them");
            return null;
        }

        var catalog = ComputeCatalog.BuiltIn;
        var model = Find(checks, "--model", "model", modelId, catalog.Models);
        if (model is null)
        {
            return null;
        }

        var id = acceleratorId ?? model.ReportedAccelerator;
        if (id is null || (acceleratorId is null && catalog.FindAccelerator(id) is null))
        {
            checks.Error("--accelerator", id is null ? $"{model.Id} has no published accelerator" : $"{model.Id} was trained on {id}, which is not in the catalog", "--accelerator " + string.Join("|", catalog.Accelerators.Keys));
            return null;
        }

        var accelerator = Find(checks, "--accelerator", "accelerator", id, catalog.Accelerators);
        var n = count ?? (acceleratorId is null ? model.ReportedAcceleratorCount : null);
        if (n is null)
        {
            checks.Error("--count", $"no accelerator count is published for {model.Id} on {id}", "--count N");
        }

        var d = tokens ?? model.TrainingTokensTrillion * 1e12;
        if (d is null)
        {
            checks.Error("--tokens", $"{model.Id}'s training tokens are not published", "--tokens N, e.g. --tokens 8e12");
        }

        if (accelerator is not null && accelerator.PeakFlops(values.Precision) is null)
        {
            checks.Error("--precision", $"{accelerator.Id} has no FP8 throughput", "bf16");
        }

        if (attention && (model.Layers is null || model.ModelDim is null || model.SequenceLength is null))
        {
            checks.Error("--attention", $"{model.Id} lacks layers, modelDim or sequenceLength", "no --attention for this model");
        }

        if (checks.Failed || accelerator is null || n is null || d is null)
        {
            return null;
        }

        var (mfu, mfuNote) = values.Mfu is { } given ? (given, "given")
            : acceleratorId is null && model.ReportedMfu is { } published ? (published, "as published")
            : (DefaultMfu, Fmt.Text($"default {Fmt.Pct(DefaultMfu, 0)}: published large runs reach 38-55% (training reference 4.2); set --mfu"));
        var price = Price(values, accelerator);
        var run = new TrainingRun
        {
            Model = model,
            Tokens = d.Value,
            Fleet = [new FleetMember(accelerator, n.Value)],
            Mfu = mfu,
            Precision = values.Precision,
            Ettr = ettr ?? (acceleratorId is null && count is null ? model.ReportedEttr : null) ?? 1,
            PowerFraction = values.PowerFraction,
            HostWattsPerAccelerator = values.HostWatts,
            Pue = values.Pue,
            IncludeAttention = attention,
            Pricing = price.Price is { } p ? new Dictionary<string, CostBasis> { [accelerator.Id] = new(p, price.Note) } : null,
        };
        return (run, price.Note, mfuNote);
    }

    private static (TrainingRun Run, string CostNote, string MfuNote)? FromScenario(ParseResult parse, CliContext context, OptionChecks checks, ScenarioInput input, string? acceleratorId,
        int? count, double? tokens, double? ettr, CommonValues values, bool attention)
    {
        if (acceleratorId is not null || count is not null)
        {
            checks.Error(acceleratorId is not null ? "--accelerator" : "--count", "with a scenario the fleet is compute.training.fleet", "--set compute.training.fleet[0].count=N, or --model");
            return null;
        }

        if (input.LoadSection(parse, context, "compute.training", "train", s => s.Compute?.Training) is not var (scenario, spec))
        {
            return null;
        }

        var pricing = new Dictionary<string, CostBasis>();
        var notes = new List<string>();
        foreach (var member in spec.Fleet)
        {
            var basis = spec.CostBasis switch
            {
                _ when values.PricePerHour is not null => Price(values, member.Accelerator) is { Price: { } p } given ? new CostBasis(p, "--price-per-hour") : null,
                CostBasisKind.PricePerHour => new CostBasis(new Money(spec.PricePerAcceleratorHour!.Value, scenario.Currency!.Value), "compute.training.pricePerAcceleratorHour"),
                CostBasisKind.MarketRental => member.Accelerator.RentalPricePerHour is { } rental ? new CostBasis(rental, "catalog market rental") : null,
                _ => Owner(scenario, spec, member.Accelerator),
            };
            if (basis is null)
            {
                notes.Add($"{member.Accelerator.Id} has no price");
            }
            else
            {
                pricing[member.Accelerator.Id] = basis;
                notes.Add(spec.Fleet.Count == 1 || spec.CostBasis == CostBasisKind.PricePerHour
                    ? $"{Fmt.N(basis.PricePerAcceleratorHour.Amount, 2)} {basis.PricePerAcceleratorHour.Currency} per accelerator-hour ({basis.Basis})"
                    : $"{member.Accelerator.Id}: {Fmt.N(basis.PricePerAcceleratorHour.Amount, 2)} {basis.PricePerAcceleratorHour.Currency}/h ({basis.Basis})");
            }
        }

        var run = new TrainingRun
        {
            Model = spec.Model,
            Tokens = tokens ?? spec.Tokens,
            Fleet = spec.Fleet,
            Mfu = values.Mfu ?? spec.Mfu,
            Precision = values.PrecisionGiven ? values.Precision : spec.Precision,
            Ettr = ettr ?? spec.Ettr,
            PowerFraction = values.PowerFractionGiven ? values.PowerFraction : spec.PowerFraction,
            HostWattsPerAccelerator = values.HostWattsGiven ? values.HostWatts : spec.HostWattsPerAccelerator,
            Pue = values.PueGiven ? values.Pue : spec.Pue,
            IncludeAttention = attention || spec.IncludeAttention,
            Pricing = pricing.Count > 0 ? pricing : null,
        };
        return (run, string.Join("; ", notes.Distinct()), values.Mfu is null ? "scenario" : "given");
    }

    private static CostBasis Owner(Scenario scenario, TrainingSpec spec, Accelerator accelerator)
    {
        var rentBasis = spec.CostBasis switch
        {
            CostBasisKind.SiteAccountingBreakEven => RentBasis.AccountingBreakEven,
            CostBasisKind.SiteEconomicBreakEven => RentBasis.EconomicBreakEven,
            _ => RentBasis.MarketRent,
        };
        var cost = OwnerCost.PerAcceleratorHour(scenario.Site!, accelerator, rentBasis, spec.ServerCapexPerAccelerator!.Value, spec.ServerLifeYears, spec.PowerFraction, spec.HostWattsPerAccelerator);
        return new CostBasis(new Money(cost.Total, cost.Currency), Fmt.Text(
            $"owner's cost: rent {Fmt.N(cost.RentPerKwMonth, 1)} x {Fmt.N(cost.KwPerAccelerator, 2)} kW = {Fmt.N(cost.FacilityPerHour, 2)}/h + power {Fmt.N(cost.PowerPerHour, 2)}/h + server {Fmt.N(cost.ServerPerHour, 2)}/h"));
    }

    private static (Money? Price, string Note) Price(CommonValues values, Accelerator accelerator) =>
        values.PricePerHour is { } p ? (new Money(p, values.Currency), "--price-per-hour")
        : accelerator.RentalPricePerHour is { } rental ? (rental, "catalog market rental price")
        : (null, $"no published rental price for {accelerator.Id}: give --price-per-hour");

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
}

/// <summary>Options <c>train</c> and <c>infer</c> share.</summary>
internal sealed class CommonOptions
{
    public Option<double?> Mfu { get; } = new("--mfu") { Description = "Model FLOPs utilisation in (0, 1] relative to the peak at --precision." };

    public Option<double?> PricePerHour { get; } = new("--price-per-hour") { Description = "Price per accelerator-hour (default: the catalog's market rental price)." };

    public Option<Currency> Currency { get; } = new("--currency") { Description = "Currency of --price-per-hour.", DefaultValueFactory = _ => Core.Currency.USD };

    public Option<Precision> Precision { get; } = new("--precision") { Description = "bf16 or fp8: whose peak the MFU refers to.", DefaultValueFactory = _ => Core.Compute.Precision.Bf16 };

    public Option<double?> Pue { get; } = new("--pue") { Description = "Facility PUE (default 1.25)." };

    public Option<double?> PowerFraction { get; } = new("--power-fraction") { Description = "Average accelerator draw as a share of TDP (default 1)." };

    public Option<double?> HostWatts { get; } = new("--host-watts") { Description = "Host, network and storage watts per accelerator (default 500)." };

    public Option<bool> Json { get; } = new("--json") { Description = "Write one JSON object on stdout instead of tables." };

    public void AddTo(Command command)
    {
        command.Add(Mfu);
        command.Add(PricePerHour);
        command.Add(Currency);
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
internal sealed record CommonValues(double? Mfu, double? PricePerHour, Currency Currency, Precision Precision, bool PrecisionGiven, double Pue, bool PueGiven, double PowerFraction, bool PowerFractionGiven,
    double HostWatts, bool HostWattsGiven);

/// <summary>Documented defaults of the compute commands, with their reasoning (docs/compute.md).</summary>
internal static class ComputeDefaults
{
    /// <summary>A new AI hall: China hub nodes must reach ≤ 1.25, US new builds ≤ 1.3.</summary>
    public const double Pue = 1.25;

    /// <summary>Accelerators at TDP, as Meta's Llama 3.1 model card accounts them.</summary>
    public const double PowerFraction = 1;

    /// <summary>DERIVED: a 100 k-H100 cluster draws ~150 MW [R43c] = 1,500 W per GPU; ÷ PUE 1.25 = 1,200 W IT; − 700 W TDP = 500 W.</summary>
    public const double HostWatts = 500;
}
