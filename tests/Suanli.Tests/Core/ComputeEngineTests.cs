using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Core.Economics;
using Suanli.Scenarios;

namespace Suanli.Tests.Core;

public class ComputeEngineTests
{
    private static readonly ComputeCatalog Catalog = ComputeCatalog.BuiltIn;

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
        // 6 × 1e9 × 1e12 = 6e21 FLOP; 1,000 H100 × 989.4e12 × 0.5 = 4.947e17 FLOP/s → 12,128.56 s.
        var h100 = Catalog.FindAccelerator("h100-sxm")!;
        var e = ComputeEngine.Train(Run(new FleetMember(h100, 1000)));
        Assert.Equal(6e21, e.TrainingFlops, 1e6);
        Assert.Equal(4.947e17, e.DeliveredFlopsPerSecond, 1e3);
        var seconds = 6e21 / 4.947e17;
        Assert.Equal(seconds, e.WallClockSeconds, 1e-6);
        Assert.Equal(seconds / 86_400, e.WallClockDays, 1e-12);              // seconds → days
        Assert.Equal(1000 * seconds / 3600, e.AcceleratorHours, 1e-6);       // accelerators × hours
        Assert.Equal(1000 * 1200 * 1.25, e.PowerWatts, 1e-9);                // (700 W + 500 W) × PUE
        Assert.Equal(1.5, e.PowerMw, 1e-12);                                 // W → MW
        Assert.Equal(1.5 * seconds / 3600, e.EnergyMwh, 1e-9);               // MW × h
        Assert.Equal(2.35 * 1000 * seconds / 3600, e.Cost!.Value.Amount, 1e-6);
        Assert.Equal(Currency.USD, e.Cost!.Value.Currency);
        Assert.Equal(1.5e6 / 20, e.BrainEquivalentRatio, 1e-6);
    }

    [Fact]
    public void Tflops_are_ten_to_the_twelve_flops()
    {
        Assert.Equal(989.4e12, Catalog.FindAccelerator("h100-sxm")!.PeakFlops(Precision.Bf16));
        Assert.Equal(1978.9e12, Catalog.FindAccelerator("h100-sxm")!.PeakFlops(Precision.Fp8));
        Assert.Null(Catalog.FindAccelerator("a100-sxm")!.PeakFlops(Precision.Fp8));
    }

    [Fact]
    public void Ettr_stretches_the_wall_clock()
    {
        var h100 = Catalog.FindAccelerator("h100-sxm")!;
        var full = ComputeEngine.Train(Run(new FleetMember(h100, 1000)));
        var ninety = ComputeEngine.Train(Run(new FleetMember(h100, 1000)) with { Ettr = 0.9 });
        Assert.Equal(full.WallClockSeconds / 0.9, ninety.WallClockSeconds, 1e-6);
    }

    [Fact]
    public void A_mixed_fleet_sums_delivered_flops_with_availability()
    {
        var h100 = Catalog.FindAccelerator("h100-sxm")!;
        var ascend = Catalog.FindAccelerator("ascend-910b")!;
        var e = ComputeEngine.Train(Run(new FleetMember(h100, 1000), new FleetMember(ascend, 2000, 0.5)));
        var delivered = 0.5 * (1000 * 989.4e12 + 2000 * 280e12 * 0.5);
        Assert.Equal(delivered, e.DeliveredFlopsPerSecond, 1e3);
        Assert.Equal(6e21 / delivered, e.WallClockSeconds, 1e-6);
        Assert.Equal(3000 * e.WallClockSeconds / 3600, e.AcceleratorHours, 1e-6);
        Assert.Equal((1000 * 1200 + 2000 * 900) * 1.25, e.PowerWatts, 1e-6);
        Assert.Null(e.Cost);                                                  // the 910B has no published price
        Assert.NotNull(e.Fleet[0].Cost);
    }

    [Fact]
    public void The_attention_term_follows_kaplan()
    {
        // 6 × L × S × d = 6 × 10 × 1,000 × 2,000 = 1.2e8 FLOP per token.
        Assert.Equal(1.2e8, ComputeEngine.AttentionFlopsPerToken(OneBillion(), training: true));
        Assert.Equal(4e7, ComputeEngine.AttentionFlopsPerToken(OneBillion(), training: false));
        var h100 = Catalog.FindAccelerator("h100-sxm")!;
        var e = ComputeEngine.Train(Run(new FleetMember(h100, 10)) with { IncludeAttention = true });
        Assert.Equal(1.2e8 * 1e12, e.AttentionTermFlops, 1e6);
    }

    [Fact]
    public void A_hand_computed_inference()
    {
        var model = Catalog.FindModel("llama3-405b")!;
        var h100 = Catalog.FindAccelerator("h100-sxm")!;
        var i = ComputeEngine.Infer(model, h100, 0.4, pricePerHour: new Money(2, Currency.USD));
        Assert.Equal(8.1e11, i.FlopsPerToken, 1e-3);
        var tps = 989.4e12 * 0.4 / 8.1e11;
        Assert.Equal(tps, i.TokensPerSecondPerAccelerator, 1e-9);
        Assert.Equal(1500 * (1e6 / tps) / 3.6e6, i.EnergyKwhPerMillionTokens, 1e-12);
        Assert.Equal(2 * (1e6 / tps) / 3600, i.CostPerMillionTokens!.Value.Amount, 1e-12);
        Assert.Equal(3.35e12 / (405e9 * 2), i.BandwidthBoundTokensPerSecondAtBatch1, 1e-9);
    }

    [Fact]
    public void A_moe_needs_its_active_parameters_only()
    {
        var v3 = Catalog.FindModel("deepseek-v3")!;
        var h800 = Catalog.FindAccelerator("h800")!;
        var run = new TrainingRun { Model = v3, Tokens = 14.8e12, Fleet = [new FleetMember(h800, 2048)], Mfu = 0.35 };
        var moe = ComputeEngine.Train(run);
        var dense = ComputeEngine.Train(run with { Model = v3 with { ActiveParamsBillion = v3.TotalParamsBillion } });
        Assert.Equal(671.0 / 37, dense.TrainingFlops / moe.TrainingFlops, 1e-9);
        Assert.Equal(3.2856e24, moe.TrainingFlops, 1e20);
    }

    [Fact]
    public void The_essays_cluster_is_ten_million_brains()
    {
        // A 100,000-H100 cluster at the defaults draws 150 MW, SemiAnalysis's figure (from which the host watts are derived).
        var h100 = Catalog.FindAccelerator("h100-sxm")!;
        var e = ComputeEngine.Train(Run(new FleetMember(h100, 100_000)));
        Assert.Equal(150, e.PowerMw, 1e-9);
        Assert.Equal(7.5e6, e.BrainEquivalentRatio, 1e-3);
        Assert.Equal(200e6 / BrainComparison.BrainWatts, 1e7);
    }

    [Fact]
    public void Owner_cost_adds_rent_power_and_server_capex()
    {
        var site = TestSites.TwoYear();                                    // rent 100/kW-month, PUE 1.2, 0.5/kWh, power passed through
        var h100 = Catalog.FindAccelerator("h100-sxm")!;
        var cost = OwnerCost.PerAcceleratorHour(site, h100, RentBasis.MarketRent, 50_000, 5, 1, 500);
        Assert.Equal(1.2, cost.KwPerAccelerator, 1e-12);
        Assert.Equal(100 * 1.2 / 730, cost.FacilityPerHour, 1e-12);
        Assert.Equal(1.2 * 1.2 * 0.5, cost.PowerPerHour, 1e-12);
        Assert.Equal(50_000 / (5 * 8760.0), cost.ServerPerHour, 1e-12);
        var breakEven = OwnerCost.PerAcceleratorHour(site, h100, RentBasis.AccountingBreakEven, 50_000, 5, 1, 500);
        Assert.Equal(20, breakEven.RentPerKwMonth, 1e-9);
        var included = OwnerCost.PerAcceleratorHour(site with { PowerPricing = PowerPricing.Included }, h100, RentBasis.MarketRent, 0, 5, 1, 500);
        Assert.Equal(0, included.PowerPerHour);
    }
}
