using System.CommandLine;
using Suanli.Analysis.Compute;
using Suanli.Cli.Output;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Reports;
using Suanli.Reports.Json;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli train</c> and <c>suanli infer</c>: compute, time, energy and cost (MODEL.md §3). Parses options; the compute analysis decides the rest.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var w = context.Words;
        var scenarioInput = new ScenarioInput();
        var model = new Option<string?>("--model") { Description = w["compute.help.model"] };
        var accelerator = new Option<string?>("--accelerator") { Description = w["compute.help.trainAccelerator"] };
        var count = new Option<int?>("--count") { Description = w["compute.help.count"] }.Range(1, 100_000_000, CliMessages.Of("diag2.option.accelerators"));
        var common = new CommonOptions(w);
        var tokens = new Option<double?>("--tokens") { Description = w["compute.help.tokens"] };
        var ettr = new Option<double?>("--ettr") { Description = w["compute.help.ettr"] };
        var attention = new Option<bool>("--attention") { Description = w["compute.help.attention"] };
        var compareDense = new Option<bool>("--compare-dense") { Description = w["compute.help.compareDense"] };
        var hfu = new Option<double?>("--hfu") { Description = w["compute.help.hfu"] };
        var recompute = new Option<Recompute?>("--recompute") { Description = w["compute.help.recompute"] };
        var straggler = new Option<double?>("--straggler-penalty") { Description = w["compute.help.straggler"] };
        var inputs = new Option<bool>("--inputs") { Description = w["compute.help.inputs"] };
        var wide = new Option<bool>("--wide") { Description = w["compute.help.wide"] };
        var command = new Command("train", w["compute.help.train"]);
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
        command.Add(inputs);
        command.Add(wide);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var options = common.Read(checks);
            var request = new TrainRequest
            {
                ModelId = parse.GetValue(model),
                AcceleratorId = parse.GetValue(accelerator),
                Count = checks.Whole(count),
                Tokens = checks.Number(tokens, 1, 1e18, true, CliMessages.Of("diag2.option.tokens")),
                Ettr = checks.Number(ettr, 0, 1, true, CliMessages.Of("diag2.option.fraction")),
                Hfu = checks.Number(hfu, ComputeRanges.MfuMin, 1, false, ComputeRanges.UtilisationReasonKey, ComputeRanges.UtilisationReason),
                Recompute = parse.GetValue(recompute),
                StragglerPenalty = checks.Number(straggler, 0, 1, false, CliMessages.Of("diag2.option.fraction")),
                Attention = parse.GetValue(attention),
                CompareDense = parse.GetValue(compareDense),
                Options = options,
            };
            if (options.Mfu is not null && request.Hfu is not null)
            {
                ComputeErrors.Write(context, RequestError.Option("--hfu", "mfuAndHfu"));
                return ExitCodes.InvalidInput;
            }

            if (checks.Failed)
            {
                return ExitCodes.InvalidInput;
            }

            var fromScenario = parse.GetValue(scenarioInput.File) is not null || parse.GetValue(scenarioInput.Preset) is not null;
            if (request.ModelId is not null && fromScenario)
            {
                ComputeErrors.Write(context, RequestError.Option("--model", "modelAndScenario"));
                return ExitCodes.InvalidInput;
            }

            if (fromScenario)
            {
                if (scenarioInput.Load(parse, context) is not { } scenario)
                {
                    return ExitCodes.InvalidInput;
                }

                request = request with { Scenario = scenario };
            }

            var outcome = TrainAnalysis.Evaluate(request, null, context.Cancellation);
            if (outcome.Result is not { } result)
            {
                ComputeErrors.Write(context, [.. outcome.Errors]);
                return ExitCodes.InvalidInput;
            }

            var words = context.Words;
            return context.Emit(parse.GetValue(common.Json), () => ReportJson.Serialize(TrainJsonWriter.ToJson(result, words)),
                console => TrainView.Write(console, result, words, new ViewOptions(parse.GetValue(inputs), parse.GetValue(wide))));
        });
        return command;
    }

    public static Command CreateInfer(CliContext context)
    {
        var w = context.Words;
        var model = new Option<string>("--model") { Description = w["compute.help.inferModel"], Required = true };
        var accelerator = new Option<string>("--accelerator") { Description = w["compute.help.inferAccelerator"], Required = true };
        var contextTokens = new Option<int?>("--context") { Description = w["compute.help.context"] }.Range(1, 100_000_000, CliMessages.Of("diag2.option.contextTokens"));
        var batch = new Option<int?>("--batch") { Description = w["compute.help.batch"] }.Range(1, 100_000_000, CliMessages.Of("diag2.option.batch"));
        var perReplica = new Option<int?>("--accelerators-per-replica") { Description = w["compute.help.perReplica"] }
            .Range(1, ServingRun.MaxAcceleratorsPerReplica, CliMessages.Of("diag2.option.perReplica"));
        var memoryUtilisation = new Option<double?>("--memory-utilization") { Description = w["compute.help.memoryUtilization"] };
        var inputs = new Option<bool>("--inputs") { Description = w["compute.help.inputs"] };
        var common = new CommonOptions(w);

        // infer has no scenario and no published run to take a precision from: its default is bf16, and the help says so.
        common.Precision.Description = w["compute.help.inferPrecision"];
        var command = new Command("infer", w["compute.help.infer"]);
        command.Add(model);
        command.Add(accelerator);
        command.Add(contextTokens);
        command.Add(batch);
        command.Add(perReplica);
        command.Add(memoryUtilisation);
        common.AddTo(command);
        command.Add(inputs);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var request = new InferRequest
            {
                ModelId = parse.GetValue(model)!,
                AcceleratorId = parse.GetValue(accelerator)!,
                ContextTokens = checks.Whole(contextTokens),
                Batch = checks.Whole(batch),
                AcceleratorsPerReplica = checks.Whole(perReplica),
                MemoryUtilisation = checks.Number(memoryUtilisation, 0, 1, true, CliMessages.Of("diag2.option.memoryShare")),
                Options = common.Read(checks),
            };
            if (checks.Failed)
            {
                return ExitCodes.InvalidInput;
            }

            var outcome = InferAnalysis.Evaluate(request, null, context.Cancellation);
            if (outcome.Result is not { } result)
            {
                ComputeErrors.Write(context, [.. outcome.Errors]);
                return ExitCodes.InvalidInput;
            }

            var words = context.Words;
            return context.Emit(parse.GetValue(common.Json), () => ReportJson.Serialize(InferJsonWriter.ToJson(result, words)),
                console => InferView.Write(console, result, words, new ViewOptions(parse.GetValue(inputs))));
        });
        return command;
    }
}

/// <summary>Options <c>train</c> and <c>infer</c> share, with their help in the reader's language.</summary>
internal sealed class CommonOptions(Words words)
{
    public Option<double?> Mfu { get; } = new("--mfu") { Description = words["compute.help.mfu"] };

    public Option<double?> PricePerHour { get; } = new("--price-per-hour") { Description = words["compute.help.pricePerHour"] };

    public Option<Currency?> Currency { get; } = new("--currency") { Description = words["compute.help.currency"] };

    public Option<double?> FxRmbPerUsd { get; } = new("--fx-rmb-per-usd") { Description = words["compute.help.fx"] };

    // The choices shown as the help text and the resources write them (bf16|fp8), not as the enum's names (Bf16|Fp8).
    public Option<Precision?> Precision { get; } = new("--precision") { Description = words["compute.help.precision"], HelpName = "bf16|fp8" };

    public Option<double?> Pue { get; } = new("--pue") { Description = words["compute.help.pue"] };

    public Option<double?> PowerFraction { get; } = new("--power-fraction") { Description = words["compute.help.powerFraction"] };

    public Option<double?> HostWatts { get; } = new("--host-watts") { Description = words["compute.help.hostWatts"] };

    public Option<bool> Json { get; } = new("--json") { Description = words["compute.help.json"] };

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

    /// <summary>The options as given (null where not given); range checks report through <paramref name="checks"/>.</summary>
    public ComputeOptions Read(OptionChecks checks) => new()
    {
        Mfu = checks.Number(Mfu, ComputeRanges.MfuMin, 1, false, ComputeRanges.UtilisationReasonKey, ComputeRanges.UtilisationReason),
        PricePerHour = checks.Number(PricePerHour, 0, 100_000, true, CliMessages.Of("diag2.option.price")),
        Currency = checks.Parse.GetValue(Currency),
        FxRmbPerUsd = checks.Number(FxRmbPerUsd, ComputeRanges.FxMin, ComputeRanges.FxMax, false, ComputeRanges.FxReasonKey, ComputeRanges.FxReason),
        Precision = checks.Parse.GetValue(Precision),
        Pue = checks.Number(Pue, 1, 3, false, CliMessages.Of("diag2.option.pue")),
        PowerFraction = checks.Number(PowerFraction, 0, 1.5, true, CliMessages.Of("diag2.option.tdpShare")),
        HostWatts = checks.Number(HostWatts, 0, 10_000, false, CliMessages.Of("diag2.option.watts")),
    };
}

/// <summary>Refusals of the compute analysis as one-line diagnostics, in the reader's language.</summary>
internal static class ComputeErrors
{
    public static void Write(CliContext context, params RequestError[] errors)
    {
        var words = context.Words;
        foreach (var e in errors)
        {
            var args = e.Args.ToDictionary(kv => kv.Key, kv => kv.Value.Value, StringComparer.Ordinal);
            var message = words.Strings.Format("compute.error." + e.Code, args);
            var allowed = words.Strings.Format("compute.error." + e.Code + ".allowed", args);
            context.Report(new Diagnostic(Severity.Error, e.MissingSection ? DiagnosticCodes.MissingSection : DiagnosticCodes.Usage, e.Origin, e.Line, e.Column, e.Field,
                message, allowed));
        }
    }
}
