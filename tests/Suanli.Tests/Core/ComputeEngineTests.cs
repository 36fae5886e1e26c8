using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Core.Economics;
using Suanli.Scenarios;

namespace Suanli.Tests.Core;

public class ComputeEngineTests
{
    private static readonly ComputeCatalog Catalog = ComputeCatalog.BuiltIn;

    private static Accelerator H100 => Catalog.FindAccelerator("h100-sxm")!;

    private static ModelSpec OneBillion() => new()
    {
        Id = "one-b",
        Name = "1 B",
        Architecture = ModelArchitecture.Dense,
        TotalParamsBillion = 1,
        ActiveParamsBillion = 1,
        Layers = 10,
        ModelDim = 2000,
        SequenceLength = 1000,
    };

    private static TrainingRun Run(params FleetMember[] fleet) => new()
    {
        Model = OneBillion(),
        Tokens = 1e12,
        Fleet = fleet,
        Mfu = 0.5,
        HostWattsPerAccelerator = 500,
        Pue = 1.25,
    };

    [Fact]
    public void A_hand_computed_training_run()
    {
        // 6 × 1e9 × 1e12 = 6e21 FLOP; 1,000 H100 × 989.4e12 × 0.5 = 4.947e17 FLOP/s → 12,128.563 s = 0.140377 days;
        // 3,369.045 accelerator-hours; (700 + 500 W) × 1.25 × 1,000 = 1.5 MW → 5.0536 MWh; × USD 2.35 = USD 7,917.26.
        var e = ComputeEngine.Train(Run(new FleetMember(H100, 1000)));
        Assert.Equal(6e21, e.TrainingFlops, 1e6);
        Assert.Equal(4.947e17, e.DeliveredFlopsPerSecond, 1e3);
        Assert.Equal(12_128.563, e.WallClockSeconds, 1e-3);
        Assert.Equal(0.140377, e.WallClockDays, 1e-6);
        Assert.Equal(3_369.045, e.AcceleratorHours, 1e-3);
        Assert.Equal(1.5, e.PowerMw, 1e-12);
        Assert.Equal(5.0536, e.EnergyMwh, 1e-4);
        Assert.Equal(7_917.26, e.Cost!.Value.Amount, 1e-2);
        Assert.Equal(Currency.USD, e.Cost!.Value.Currency);
        Assert.Equal(75_000, e.BrainEquivalentRatio, 1e-6);
        Assert.True(e.IsFinite);
    }

    [Fact]
    public void Tflops_are_ten_to_the_twelve_flops()
    {
        Assert.Equal(989.4e12, H100.PeakFlops(Precision.Bf16));
        Assert.Equal(1978.9e12, H100.PeakFlops(Precision.Fp8));
        Assert.Null(Catalog.FindAccelerator("a100-sxm")!.PeakFlops(Precision.Fp8));
    }

    [Fact]
    public void Fp8_at_the_default_fp8_mfu_does_not_halve_a_run()
    {
        // Llama 3.1 405B on 16,384 H800: 6 × 405e9 × 15.6e12 = 3.7908e25 FLOP. At BF16 and 40 %: 67.665 days. At FP8
        // the old default applied 40 % to the FP8 peak: 33.83 days; at the FP8 default of 17 % of the 1,978.9 TFLOPS peak
        // (DeepSeek-V3's published hours imply 17.3 %): 79.60 days.
        var model = Catalog.FindModel("llama3-405b")!;
        var h800 = Catalog.FindAccelerator("h800")!;
        TrainingRun At(Precision p, double mfu) => new() { Model = model, Tokens = 15.6e12, Fleet = [new FleetMember(h800, 16384)], Mfu = mfu, Precision = p };
        Assert.Equal(67.665, ComputeEngine.Train(At(Precision.Bf16, 0.40)).WallClockDays, 1e-3);
        var fp8 = ComputeEngine.Train(At(Precision.Fp8, 0.17));
        Assert.Equal(79.602, fp8.WallClockDays, 1e-3);
        Assert.Equal(0.34, fp8.UtilisationOfBf16Peak, 1e-3);                 // 17 % of 1,978.9 = 34 % of 989.4
    }

    [Fact]
    public void Ettr_stretches_the_wall_clock()
    {
        var full = ComputeEngine.Train(Run(new FleetMember(H100, 1000)));
        var ninety = ComputeEngine.Train(Run(new FleetMember(H100, 1000)) with { Ettr = 0.9 });
        Assert.Equal(13_476.181, ninety.WallClockSeconds, 1e-3);              // 12,128.563 / 0.9
        Assert.Equal(full.TrainingFlops, ninety.TrainingFlops);
    }

    [Fact]
    public void A_mixed_fleet_sums_delivered_flops_with_availability()
    {
        // 1,000 H100 at 0.5 × 989.4e12 = 4.947e17, 2,000 Ascend 910B at 0.5 × 280e12 × availability 0.5 = 1.4e17:
        // 6.347e17 FLOP/s → 9,453.285 s; power (1,000 × 1,200 W + 2,000 × 900 W) × 1.25 = 3.75 MW.
        var ascend = Catalog.FindAccelerator("ascend-910b")!;
        var e = ComputeEngine.Train(Run(new FleetMember(H100, 1000), new FleetMember(ascend, 2000, 0.5)));
        Assert.Equal(6.347e17, e.DeliveredFlopsPerSecond, 1e3);
        Assert.Equal(9_453.285, e.WallClockSeconds, 1e-3);
        Assert.Equal(7_877.738, e.AcceleratorHours, 1e-3);                  // 3,000 × 9,453.285 / 3,600
        Assert.Equal(3.75e6, e.PowerWatts, 1e-6);
        Assert.Null(e.Cost);                                                  // the 910B has no published price
        Assert.NotNull(e.Fleet[0].Cost);
    }

    [Fact]
    public void The_straggler_penalty_moves_a_mixed_fleet_towards_the_slowest_chip()
    {
        // Per chip: H100 4.947e14, 910B 0.7e14 FLOP/s. Penalty 1: all 3,000 chips at 0.7e14 = 2.1e17 → 28,571.429 s;
        // penalty 0.5: (6.347e17 + 2.1e17) / 2 = 4.2235e17 → 14,206.227 s.
        var ascend = Catalog.FindAccelerator("ascend-910b")!;
        var run = Run(new FleetMember(H100, 1000), new FleetMember(ascend, 2000, 0.5));
        Assert.Equal(28_571.429, ComputeEngine.Train(run with { StragglerPenalty = 1 }).WallClockSeconds, 1e-3);
        Assert.Equal(14_206.227, ComputeEngine.Train(run with { StragglerPenalty = 0.5 }).WallClockSeconds, 1e-3);
        var finding = Assert.Single(ComputeEngine.Train(run).Findings);
        Assert.Equal(ComputeFindingCode.MixedVendorSynchronousJob, finding.Code);
        Assert.Equal(2, finding.Arguments[0]);
    }

    [Fact]
    public void Full_recomputation_makes_eight_n_d_hardware_flops()
    {
        // 1 B × 1e12 tokens: model 6e21, hardware 8e21; HFU = 0.5 × 8/6 = 0.6667; the time is set by the model FLOPs.
        var plain = ComputeEngine.Train(Run(new FleetMember(H100, 1000)));
        var full = ComputeEngine.Train(Run(new FleetMember(H100, 1000)) with { Recompute = Recompute.Full });
        Assert.Equal(8e21, full.HardwareFlops, 1e6);
        Assert.Equal(0.666667, full.Hfu, 1e-6);
        Assert.Equal(0.5, full.EffectiveMfu, 1e-12);
        Assert.Equal(plain.WallClockSeconds, full.WallClockSeconds, 1e-9);
        Assert.Equal(0.5, plain.Hfu, 1e-12);
    }

    [Fact]
    public void Selective_recomputation_adds_the_attention_core_forward()
    {
        // Attention core forward 2 × L × S × d = 2 × 10 × 1,000 × 2,000 = 4e7 FLOP per token → hardware 6e21 + 4e19.
        var selective = ComputeEngine.Train(Run(new FleetMember(H100, 1000)) with { Recompute = Recompute.Selective });
        Assert.Equal(6.04e21, selective.HardwareFlops, 1e6);
        Assert.Equal(0.503333, selective.Hfu, 1e-6);
    }

    [Fact]
    public void Stages_sum_and_each_keeps_its_own_mfu_and_precision()
    {
        // Stage 1: 1e12 tokens at BF16 50 % = 12,128.563 s. Stage 2: 1e11 tokens at FP8 25 % of 1,978.9e12:
        // 6e20 / (1,000 × 4.94725e14) = 1,212.795 s. Total 13,341.358 s.
        var run = Run(new FleetMember(H100, 1000)) with
        {
            Stages =
            [
                new TrainingStage("main", 1e12, 0.5, Precision.Bf16, Recompute.None, null),
                new TrainingStage("long", 1e11, 0.25, Precision.Fp8, Recompute.Full, 4000),
            ],
        };
        var e = ComputeEngine.Train(run);
        Assert.Equal(2, e.Stages.Count);
        Assert.Equal(12_128.563, e.Stages[0].WallClockSeconds, 1e-3);
        Assert.Equal(1_212.795, e.Stages[1].WallClockSeconds, 1e-3);
        Assert.Equal(13_341.358, e.WallClockSeconds, 1e-3);
        Assert.Equal(6.6e21, e.TrainingFlops, 1e6);
        Assert.Equal(6e21 + 8e20, e.HardwareFlops, 1e6);                       // the second stage recomputes: 8 × 1e9 × 1e11
        Assert.Equal(e.Stages.Sum(s => s.Cost!.Value.Amount), e.Cost!.Value.Amount, 1e-6);
    }

    [Fact]
    public void An_absurdly_small_mfu_gives_no_cost_and_says_it_is_not_finite()
    {
        var e = ComputeEngine.Train(Run(new FleetMember(H100, 1000)) with { Mfu = 1e-300 });
        Assert.False(e.IsFinite);
        Assert.Null(e.Cost);
    }

    [Fact]
    public void The_attention_term_follows_kaplan()
    {
        // 6 × L × S × d = 6 × 10 × 1,000 × 2,000 = 1.2e8 FLOP per token.
        Assert.Equal(1.2e8, ComputeEngine.AttentionFlopsPerToken(OneBillion(), training: true));
        Assert.Equal(4e7, ComputeEngine.AttentionFlopsPerToken(OneBillion(), training: false));
        var e = ComputeEngine.Train(Run(new FleetMember(H100, 10)) with { IncludeAttention = true });
        Assert.Equal(1.2e20, e.AttentionTermFlops, 1e6);
    }

    [Fact]
    public void A_hand_computed_inference_per_accelerator()
    {
        // Llama 3.1 405B on H100 at 40 %: 8.1e11 FLOP per token, 989.4e12 × 0.4 / 8.1e11 = 488.593 tokens/s;
        // 1,500 W → 0.852790 kWh per million tokens; USD 2/h → USD 1.137053; bandwidth 3.35e12 / 8.1e11 B = 4.135802 tokens/s.
        var model = Catalog.FindModel("llama3-405b")!;
        var i = ComputeEngine.Infer(model, H100, 0.4, pricePerHour: new Money(2, Currency.USD));
        Assert.Equal(8.1e11, i.FlopsPerToken, 1e-3);
        Assert.Equal(488.593, i.TokensPerSecondPerAccelerator, 1e-3);
        Assert.Equal(0.852790, i.EnergyKwhPerMillionTokens, 1e-6);
        Assert.Equal(1.137053, i.CostPerMillionTokens!.Value.Amount, 1e-6);
        Assert.Equal(4.135802, i.BandwidthBoundTokensPerSecondAtBatch1, 1e-6);
    }

    [Fact]
    public void Deepseek_v3_on_h20_needs_sixteen_of_them_just_to_hold_its_bf16_weights()
    {
        // Weights 671e9 × 2 B = 1,342 GB; MLA cache 61 × (512 + 64) × 2 B = 70,272 B per token, 287.83 MB per 4K sequence;
        // 96 GB × 0.9 = 86.4 GB usable per H20 → ceil(1,342.29 / 86.4) = 16; (1,382.4 − 1,342) GB / 287.83 MB = 140 sequences.
        // Decode reads all 1,342 GB (140 × 37 B active > 671 B) + 140 × 287.83 MB = 1,382.30 GB per step at 16 × 4 TB/s:
        // 6,481.97 tokens/s per replica = 405.12 per H20, below the compute bound 16 × 148e12 × 0.4 / 7.4e10 = 12,800.
        var run = new ServingRun { Model = Catalog.FindModel("deepseek-v3")!, Accelerator = Catalog.FindAccelerator("h20")!, Mfu = 0.4, ContextTokens = 4096 };
        var s = ServingEngine.Estimate(run);
        Assert.Equal(ServingMisfit.None, s.Misfit);
        Assert.Equal(70_272, s.KvBytesPerToken);
        Assert.Equal(16, s.AcceleratorsPerReplica);
        Assert.Equal(140, s.Batch);
        Assert.Equal(12_800, s.ComputeBoundTokensPerSecondPerReplica, 1e-6);
        Assert.Equal(6_481.97, s.TokensPerSecondPerReplica, 1e-2);
        Assert.Equal(405.12, s.TokensPerSecondPerAccelerator, 1e-2);
        Assert.Equal(DecodeBound.MemoryBandwidth, s.Bound);
    }

    [Fact]
    public void A_replica_too_small_for_the_weights_does_not_fit()
    {
        var run = new ServingRun { Model = Catalog.FindModel("deepseek-v3")!, Accelerator = Catalog.FindAccelerator("h20")!, Mfu = 0.4, ContextTokens = 4096, AcceleratorsPerReplica = 8 };
        Assert.Equal(ServingMisfit.TooFewAccelerators, ServingEngine.Estimate(run).Misfit);          // 8 × 86.4 GB < 1,342 GB at BF16
        Assert.Equal(ServingMisfit.None, ServingEngine.Estimate(run with { Precision = Precision.Fp8 }).Misfit);   // 671 GB fits in 691.2
        Assert.Equal(ServingMisfit.BatchTooLarge, ServingEngine.Estimate(run with { Precision = Precision.Fp8, Batch = 1000 }).Misfit);
    }

    [Fact]
    public void Grouped_query_attention_caches_two_values_per_kv_head_and_layer()
    {
        // Llama 3 405B: 2 × 126 layers × 8 KV heads × 128 = 258,048 values per token; DeepSeek-V3 (MLA): 61 × 576 = 35,136.
        Assert.Equal(258_048, Catalog.FindModel("llama3-405b")!.KvCacheElementsPerToken);
        Assert.Equal(35_136, Catalog.FindModel("deepseek-v3")!.KvCacheElementsPerToken);
    }

    [Fact]
    public void The_essays_cluster_is_ten_million_brains()
    {
        // A 100,000-H100 cluster at the defaults draws 150 MW, SemiAnalysis's figure (from which the host watts are derived).
        var e = ComputeEngine.Train(Run(new FleetMember(H100, 100_000)));
        Assert.Equal(150, e.PowerMw, 1e-9);
        Assert.Equal(7.5e6, e.BrainEquivalentRatio, 1e-3);
    }

    [Fact]
    public void Owner_cost_recovers_server_capex_with_a_return()
    {
        // TwoYear site: rent 100/kW-month, 0.5/kWh, power passed through, discount rate 10 %; the run's PUE 1.2.
        // kW = (700 + 500) / 1,000 = 1.2; facility 100 × 1.2 / 730 = 0.164384; power 1.2 × 1.2 × 0.5 = 0.72;
        // server: 50,000 × CRF(10 %, 5 y) 0.263797 / 8,760 = 1.505693 (straight line 50,000 / 43,800 = 1.141553, 24 % lower).
        var site = TestSites.TwoYear();
        var cost = OwnerCost.PerAcceleratorHour(site, H100, RentBasis.MarketRent, 50_000, 5, 1, 500, 1.2);
        Assert.Equal(1.2, cost.KwPerAccelerator, 1e-12);
        Assert.Equal(0.164384, cost.FacilityPerHour, 1e-6);
        Assert.Equal(0.72, cost.PowerPerHour, 1e-12);
        Assert.Equal(1.505693, cost.ServerPerHour, 1e-6);
        Assert.Equal(1.141553, cost.ServerPerHourStraightLine, 1e-6);
        Assert.Equal(2.390077, cost.Total, 1e-6);
        Assert.Equal(0.263797, OwnerCost.CapitalRecoveryFactor(0.10, 5), 1e-6);
        Assert.Equal(0.2, OwnerCost.CapitalRecoveryFactor(0, 5), 1e-12);
        var breakEven = OwnerCost.PerAcceleratorHour(site, H100, RentBasis.AccountingBreakEven, 50_000, 5, 1, 500, 1.2);
        Assert.Equal(20, breakEven.RentPerKwMonth, 1e-9);
        var included = OwnerCost.PerAcceleratorHour(site with { PowerPricing = PowerPricing.Included }, H100, RentBasis.MarketRent, 0, 5, 1, 500, 1.2);
        Assert.Equal(0, included.PowerPerHour);

        // Power follows the PUE it is given (the run's), not the site's design PUE: at 1.25, 1.2 × 1.25 × 0.5 = 0.75.
        Assert.Equal(0.75, OwnerCost.PerAcceleratorHour(site, H100, RentBasis.MarketRent, 50_000, 5, 1, 500, 1.25).PowerPerHour, 1e-12);
    }

    [Fact]
    public void A_conversion_past_the_largest_number_is_null_not_an_exception()
    {
        // 1e308 USD at 7.2 RMB/USD is 7.2e308, past double.MaxValue (1.8e308): TryConvert says so, Convert throws.
        var rate = new ExchangeRate(7.2, null);
        Assert.Null(rate.TryConvert(new Money(1e308, Currency.USD), Currency.RMB));
        Assert.Equal(1e308 / 7.2, rate.TryConvert(new Money(1e308, Currency.RMB), Currency.USD)!.Value.Amount, 1e294);
        Assert.Throws<ArgumentOutOfRangeException>(() => rate.Convert(new Money(1e308, Currency.USD), Currency.RMB));
    }

    [Fact]
    public void Exchange_rates_convert_both_ways()
    {
        // USD 5.576 M at 7.1957 RMB/USD = RMB 40.1232 M; RMB 47.43 M = USD 6.59143 M.
        var rate = new ExchangeRate(7.1957, 2024);
        Assert.Equal(40_123_223.2, rate.Convert(new Money(5_576_000, Currency.USD), Currency.RMB).Amount, 1e-3);
        Assert.Equal(6_591_436.55, rate.Convert(new Money(47_430_000, Currency.RMB), Currency.USD).Amount, 0.01);
        Assert.Equal(12.8, rate.Convert(new Money(12.8, Currency.RMB), Currency.RMB).Amount);
    }
}
