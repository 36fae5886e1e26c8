using CsCheck;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios;

namespace Suanli.Tests.Core;

/// <summary>Invariants of the compute engines over random runs (CsCheck).</summary>
public class ComputePropertyTests
{
    private const long Iterations = 300;

    private static readonly ComputeCatalog Catalog = ComputeCatalog.BuiltIn;

    private static readonly Accelerator[] Fp8Chips = [.. Catalog.Accelerators.Values.Where(a => a.PeakFp8Tflops is not null)];

    private static readonly Accelerator[] Chips = [.. Catalog.Accelerators.Values];

    private static readonly Gen<ModelSpec> Models = Gen.Select(Gen.Double[0.1, 2000], Gen.Int[1, 200], Gen.Int[256, 32768], Gen.Int[512, 262_144])
        .Select((b, layers, dim, seq) => new ModelSpec
        {
            Id = "m",
            Name = "m",
            Architecture = ModelArchitecture.Dense,
            TotalParamsBillion = b,
            ActiveParamsBillion = b,
            Layers = layers,
            ModelDim = dim,
            SequenceLength = seq,
        });

    private static readonly Gen<FleetMember> Members = Gen.Select(Gen.Int[0, Chips.Length - 1], Gen.Int[1, 50_000], Gen.Double[0.05, 1])
        .Select((i, n, availability) => new FleetMember(Chips[i], n, availability));

    private static readonly Gen<TrainingRun> Runs = Gen.Select(Models, Members.Array[1, 3], Gen.Double[1e9, 2e13], Gen.Double[0.01, 0.9], Gen.Double[0.3, 1], Gen.Double[0, 1], Gen.Bool)
        .Select((m, fleet, tokens, mfu, ettr, straggler, attention) => new TrainingRun
        {
            Model = m,
            Fleet = fleet,
            Tokens = tokens,
            Mfu = mfu,
            Ettr = ettr,
            StragglerPenalty = straggler,
            IncludeAttention = attention,
        });

    [Fact]
    public void More_accelerators_never_lengthen_a_run() =>
        Gen.Select(Runs, Gen.Int[0, 2], Gen.Int[1, 10_000]).Sample((run, which, extra) =>
        {
            var i = which % run.Fleet.Count;
            var bigger = run with { Fleet = [.. run.Fleet.Select((m, k) => k == i ? m with { Count = m.Count + extra } : m)] };
            Assert.True(ComputeEngine.Train(bigger).WallClockSeconds <= ComputeEngine.Train(run).WallClockSeconds * (1 + 1e-12));
        }, iter: Iterations);

    [Fact]
    public void Fp8_at_the_same_mfu_runs_in_the_ratio_of_the_peaks() =>
        Gen.Select(Runs, Gen.Int[0, Fp8Chips.Length - 1]).Sample((run, c) =>
        {
            var chip = Fp8Chips[c];
            var one = run with { Fleet = [new FleetMember(chip, run.Fleet[0].Count, run.Fleet[0].Availability)] };
            var bf16 = ComputeEngine.Train(one with { Precision = Precision.Bf16 });
            var fp8 = ComputeEngine.Train(one with { Precision = Precision.Fp8 });
            Assert.Equal(bf16.WallClockSeconds * chip.PeakBf16Tflops / chip.PeakFp8Tflops!.Value, fp8.WallClockSeconds, bf16.WallClockSeconds * 1e-12);
            Assert.Equal(fp8.EffectiveMfu * chip.PeakFp8Tflops!.Value / chip.PeakBf16Tflops, fp8.UtilisationOfBf16Peak, 1e-12);
        }, iter: Iterations);

    [Fact]
    public void Without_recomputation_hfu_is_mfu_and_full_recomputation_adds_a_third() =>
        Runs.Sample(run =>
        {
            var none = ComputeEngine.Train(run);
            var full = ComputeEngine.Train(run with { Recompute = Recompute.Full });
            var selective = ComputeEngine.Train(run with { Recompute = Recompute.Selective });
            Assert.Equal(none.EffectiveMfu, none.Hfu, 1e-12);
            Assert.Equal(none.TrainingFlops, none.HardwareFlops, none.TrainingFlops * 1e-12);
            Assert.Equal(full.EffectiveMfu * 4 / 3, full.Hfu, 1e-12);
            Assert.Equal(none.WallClockSeconds, full.WallClockSeconds);          // MFU fixes the time; recomputation only adds hardware FLOPs
            Assert.InRange(selective.HardwareFlops, none.HardwareFlops, full.HardwareFlops * (1 + 1e-12) + AttentionCore(run));
        }, iter: Iterations);

    [Fact]
    public void One_stage_is_the_run_itself_and_splitting_a_stage_changes_nothing() =>
        Gen.Select(Runs, Gen.Double[0.01, 0.99]).Sample((run, share) =>
        {
            var plain = ComputeEngine.Train(run);
            var one = ComputeEngine.Train(run with { Stages = [new TrainingStage("all", run.Tokens, run.Mfu, run.Precision, run.Recompute, null)] });
            var two = ComputeEngine.Train(run with
            {
                Stages =
                [
                    new TrainingStage("a", run.Tokens * share, run.Mfu, run.Precision, run.Recompute, null),
                    new TrainingStage("b", run.Tokens * (1 - share), run.Mfu, run.Precision, run.Recompute, null),
                ],
            });
            foreach (var e in new[] { one, two })
            {
                Assert.Equal(plain.WallClockSeconds, e.WallClockSeconds, plain.WallClockSeconds * 1e-12);
                Assert.Equal(plain.TrainingFlops, e.TrainingFlops, plain.TrainingFlops * 1e-12);
                Assert.Equal(plain.AcceleratorHours, e.AcceleratorHours, plain.AcceleratorHours * 1e-12);
                Assert.Equal(plain.EnergyMwh, e.EnergyMwh, plain.EnergyMwh * 1e-12);
                Assert.Equal(plain.EffectiveMfu, e.EffectiveMfu, 1e-12);
            }
        }, iter: Iterations);

    [Fact]
    public void The_straggler_penalty_never_shortens_a_run_and_leaves_one_chip_type_alone() =>
        Gen.Select(Runs, Gen.Double[0, 1]).Sample((run, more) =>
        {
            var harsher = run with { StragglerPenalty = run.StragglerPenalty + ((1 - run.StragglerPenalty) * more) };
            Assert.True(ComputeEngine.Train(harsher).WallClockSeconds >= ComputeEngine.Train(run).WallClockSeconds * (1 - 1e-12));
            var single = run with { Fleet = [run.Fleet[0]] };
            Assert.Equal(ComputeEngine.Train(single with { StragglerPenalty = 0 }).WallClockSeconds, ComputeEngine.Train(single with { StragglerPenalty = 1 }).WallClockSeconds,
                ComputeEngine.Train(single).WallClockSeconds * 1e-12);
        }, iter: Iterations);

    [Fact]
    public void Ettr_divides_the_wall_clock_and_nothing_else() =>
        Gen.Select(Runs, Gen.Double[0.1, 1]).Sample((run, ettr) =>
        {
            var a = ComputeEngine.Train(run with { Ettr = 1 });
            var b = ComputeEngine.Train(run with { Ettr = ettr });
            Assert.Equal(a.WallClockSeconds / ettr, b.WallClockSeconds, b.WallClockSeconds * 1e-12);
            Assert.Equal(a.TrainingFlops, b.TrainingFlops);
            Assert.Equal(a.DeliveredFlopsPerSecond, b.DeliveredFlopsPerSecond, a.DeliveredFlopsPerSecond * 1e-12);
        }, iter: Iterations);

    [Fact]
    public void The_capital_recovery_annuity_is_never_below_straight_line_and_equals_it_at_zero_rate() =>
        Gen.Select(Gen.Double[0, 0.5], Gen.Double[0.5, 20]).Sample((rate, years) =>
        {
            var crf = OwnerCost.CapitalRecoveryFactor(rate, years);
            Assert.True(crf >= (1 / years) * (1 - 1e-12));
            Assert.True(crf >= rate * (1 - 1e-12));                          // at least the interest on the capital
            Assert.Equal(1 / years, OwnerCost.CapitalRecoveryFactor(0, years), 1e-15);
            // The annuity's present value at the rate repays the capital: Σ crf / (1 + r)^t over the life = 1 (whole years).
            var whole = Math.Max(1, Math.Round(years));
            var pv = Enumerable.Range(1, (int)whole).Sum(t => OwnerCost.CapitalRecoveryFactor(rate, whole) / Math.Pow(1 + rate, t));
            Assert.Equal(1, pv, 1e-9);
        }, iter: Iterations);

    [Fact]
    public void Converting_there_and_back_returns_the_amount() =>
        Gen.Select(Gen.Double[0.01, 1e9], Gen.Double[1, 20], Gen.Bool).Sample((amount, rate, fromUsd) =>
        {
            var fx = new ExchangeRate(rate, null);
            var from = fromUsd ? Currency.USD : Currency.RMB;
            var to = fromUsd ? Currency.RMB : Currency.USD;
            var there = fx.Convert(new Money(amount, from), to);
            Assert.Equal(to, there.Currency);
            Assert.Equal(amount, fx.Convert(there, from).Amount, amount * 1e-12);
            Assert.Equal(fromUsd ? amount * rate : amount / rate, there.Amount, amount * rate * 1e-12);
        }, iter: Iterations);

    [Fact]
    public void A_default_replica_is_the_smallest_that_holds_the_weights_and_its_batch() =>
        Gen.Select(Gen.Int[0, Chips.Length - 1], Gen.Int[1, 131_072], Gen.Bool, Gen.Int[0, 4]).Sample((c, context, fp8, which) =>
        {
            var chip = Chips[c];
            var models = Catalog.Models.Values.Where(m => m.KvCacheElementsPerToken is not null).ToList();
            var model = models[which % models.Count];
            var precision = fp8 && chip.PeakFp8Tflops is not null ? Precision.Fp8 : Precision.Bf16;
            var s = ServingEngine.Estimate(new ServingRun { Model = model, Accelerator = chip, Mfu = 0.4, Precision = precision, ContextTokens = context });
            Assert.Equal(ServingMisfit.None, s.Misfit);
            var usable = s.AcceleratorsPerReplica * s.UsableBytesPerAccelerator;
            Assert.True(s.BytesNeeded <= usable * (1 + 1e-12));
            Assert.True(s.WeightBytes + (s.KvBytesPerToken * context) > (s.AcceleratorsPerReplica - 1) * s.UsableBytesPerAccelerator);
            Assert.True(s.TokensPerSecondPerReplica <= s.ComputeBoundTokensPerSecondPerReplica * (1 + 1e-12));
            Assert.Equal(s.TokensPerSecondPerReplica / s.AcceleratorsPerReplica, s.TokensPerSecondPerAccelerator, 1e-9);
        }, iter: Iterations);

    private static double AttentionCore(TrainingRun run) => ComputeEngine.AttentionFlopsPerToken(run.Model, training: false) * run.Tokens;
}
