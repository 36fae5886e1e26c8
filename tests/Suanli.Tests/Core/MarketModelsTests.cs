using CsCheck;
using Suanli.Core.Compute;
using Suanli.Core.Market;
using Suanli.Scenarios;

namespace Suanli.Tests.Core;

/// <summary>Issue 11's second slice: GPU-server payback, the compute of a chip mix and the illustrative projection, by hand.</summary>
public class MarketModelsTests
{
    private static readonly GpuServerCosts Costs = new(CapexPerAccelerator: 30_000, LifeYears: 5, Utilisation: 0.7, FacilityPerHour: 0.20, PowerPerHour: 0.10,
        MaintenancePerHour: 0, DiscountRate: 0.08);

    [Fact]
    public void A_gpu_server_pays_back_by_hand()
    {
        // Price 2.00 × 0.7 = 1.40 an hour; cash cost 0.30; margin 1.10 × 8,760 = 9,636 a year; 30,000 ÷ 9,636 = 3.1133 years.
        var p = GpuServerModel.At(Costs, 2.00);
        Assert.Equal(1.40, p.RevenuePerHour, 12);
        Assert.Equal(1.10, p.MarginPerHour, 12);
        Assert.Equal(9636, p.NetPerYear, 9);
        Assert.Equal(3.113325, p.PaybackYears!.Value, 6);

        // CRF(8 %, 5) = 0.08 ÷ (1 − 1.08⁻⁵) = 0.2504565; NPV = −30,000 + 9,636 ÷ 0.2504565 = 8,473.75.
        Assert.Equal(8473.754, p.Npv, 3);

        // IRR: CRF(r, 5) = 9,636 ÷ 30,000 = 0.3212 at r = 18.196 % (solved by bisection by hand).
        Assert.Equal(0.181962, p.Irr!.Value, 6);
    }

    [Fact]
    public void Break_even_prices_by_hand()
    {
        // With no return: (0.30 + 30,000 ÷ 43,800) ÷ 0.7 = 1.407045. At 8 %: (0.30 + 30,000 × 0.2504565 ÷ 8,760) ÷ 0.7 = 1.653897.
        Assert.Equal(1.407045, GpuServerModel.BreakEvenPriceNoReturn(Costs), 6);
        Assert.Equal(1.653897, GpuServerModel.BreakEvenPrice(Costs), 6);

        // At the break-even price the NPV is zero and the IRR is the discount rate.
        var at = GpuServerModel.At(Costs, GpuServerModel.BreakEvenPrice(Costs));
        Assert.Equal(0, at.Npv, 6);
        Assert.Equal(0.08, at.Irr!.Value, 9);
        Assert.Equal(0, GpuServerModel.At(Costs, GpuServerModel.BreakEvenPriceNoReturn(Costs)).Irr!.Value, 9);
    }

    [Fact]
    public void A_price_below_the_cash_cost_never_pays_back_and_has_no_irr()
    {
        // 0.50 × 0.7 = 0.35 − 0.30 = 0.05 an hour: 438 a year takes 68 years, beyond the 5-year life; the IRR is negative.
        var thin = GpuServerModel.At(Costs, 0.50);
        Assert.Null(thin.PaybackYears);
        Assert.True(thin.Irr < 0);

        // 0.40 × 0.7 = 0.28 < 0.30: a loss every hour, no IRR.
        var loss = GpuServerModel.At(Costs, 0.40);
        Assert.Null(loss.PaybackYears);
        Assert.Null(loss.Irr);
        Assert.True(loss.Npv < -30_000);
    }

    [Fact]
    public void Payback_falls_as_the_price_rises_and_never_exceeds_the_life()
    {
        Gen.Select(Gen.Double[0.01, 20], Gen.Double[0.01, 20], Gen.Double[0.05, 1]).Sample((a, b, u) =>
        {
            var costs = Costs with { Utilisation = u };
            var (low, high) = a < b ? (a, b) : (b, a);
            var pl = GpuServerModel.At(costs, low);
            var ph = GpuServerModel.At(costs, high);
            Assert.True(ph.Npv >= pl.Npv);
            Assert.True(pl.PaybackYears is null || pl.PaybackYears <= costs.LifeYears);
            Assert.True(pl.PaybackYears is null || ph.PaybackYears <= pl.PaybackYears + 1e-12);
        });
    }

    [Fact]
    public void A_falling_price_path_by_hand()
    {
        // Price 2.00 falling 10 % a year at 70 %: margins 1.10, 0.96, 0.834, 0.7206, 0.61854 an hour; × 8,760 = 9,636, 8,409.6,
        // 7,305.84, 6,312.456, 5,418.4104. Cumulative 25,351.44 after year 3: payback 3 + (30,000 − 25,351.44) ÷ 6,312.456 = 3.73641.
        var costs = Costs with { PriceChangePerYear = -0.10 };
        var p = GpuServerModel.At(costs, 2.00);
        Assert.Equal(3.736411, p.PaybackYears!.Value, 6);

        // NPV at 8 %: 9,636 ÷ 1.08 + 8,409.6 ÷ 1.08² + 7,305.84 ÷ 1.08³ + 6,312.456 ÷ 1.08⁴ + 5,418.4104 ÷ 1.08⁵ − 30,000 = 259.23.
        Assert.Equal(259.23, p.Npv, 2);

        // At the path's break-even price the NPV is zero; with no change the path gives the level closed forms.
        Assert.Equal(0, GpuServerModel.At(costs, GpuServerModel.BreakEvenPrice(costs)).Npv, 6);
        Assert.Equal(0.08, GpuServerModel.At(costs, GpuServerModel.BreakEvenPrice(costs)).Irr!.Value, 9);
        var almostLevel = Costs with { PriceChangePerYear = 1e-12 };
        Assert.Equal(GpuServerModel.BreakEvenPrice(Costs), GpuServerModel.BreakEvenPrice(almostLevel), 9);
        Assert.Equal(GpuServerModel.At(Costs, 2.0).Npv, GpuServerModel.At(almostLevel, 2.0).Npv, 6);
    }

    [Fact]
    public void Latent_spaces_loss_threshold_is_reproduced_from_its_inputs()
    {
        // Latent Space (Oct 2024): USD 50 k per H100 "to set up, maintain, and operate" (excluding electricity), 5 years, 100 %
        // allocation, a blended price falling to 50 % over 5 years (0.5^(1/5) − 1 = −12.94 % a year): "<$1.65: Expect loss in
        // investment". Electricity here: 1.2 kW × PUE 1.3 × USD 0.086/kWh = 0.134 an hour (us-2025). The price that only returns
        // the capex: 1.64, within 5 % of 1.65.
        var costs = new GpuServerCosts(50_000, 5, 1, 0, 1.2 * 1.3 * 0.086, 0, 0.10, Math.Pow(0.5, 0.2) - 1);
        Assert.InRange(GpuServerModel.BreakEvenPriceNoReturn(costs), 1.65 * 0.95, 1.65 * 1.05);
    }

    private static Accelerator Chip(string id, double peak, ChinaAccess? access = null) => new()
    {
        Id = id, Name = id, Vendor = "v", PeakBf16Tflops = peak, MemoryGb = 80, MemoryBandwidthTbps = 3, TdpWatts = 700, ScaleUpBandwidthGBps = 900, ExportControl = "-",
        ChinaAccess = access,
    };

    [Fact]
    public void The_compute_of_a_chip_mix_by_hand()
    {
        // 1,000 cards: half of a 100-TFLOPS licensed chip (50 PF), 30 % of a 300-TFLOPS domestic chip (90 PF), 20 % unnamed.
        // 140 PF = 700 chips of 200 TFLOPS; the licensed chip is 50 ÷ 140 = 35.7 % of the compute; at MFU 0.4 a year
        // delivers 140e15 × 0.4 × 31,536,000 s = 1.766016e24 FLOP.
        var mix = ChipComputeModel.Of(
            [new("A", 0.5, Chip("a", 100, ChinaAccess.Licence), ChinaAccess.Licence), new("B", 0.3, Chip("b", 300, ChinaAccess.Domestic), ChinaAccess.Domestic),
             new("C", 0.2, null, null)],
            1000, Chip("ref", 200), 0.4);
        Assert.Equal(140, mix.PeakPflops, 9);
        Assert.Equal(700, mix.ReferenceEquivalents, 9);
        Assert.Equal(0.8, mix.CoveredShare, 12);
        Assert.Equal(50.0 / 140, mix.Vendors[0].ComputeShare, 12);
        Assert.Equal(0, mix.Vendors[2].PeakPflops);
        Assert.Equal(90.0 / 140, mix.WithoutLicensed, 12);
        Assert.Equal(1.766016e24, mix.DeliveredFlopPerYear!.Value, 1e15);
        Assert.Null(ChipComputeModel.Of([new("A", 1, Chip("a", 100), null)], 1000, Chip("ref", 200), null).DeliveredFlopPerYear);
    }

    [Fact]
    public void Catalog_access_classes_agree_with_the_3A090_threshold()
    {
        // TPP = the highest of dense BF16 × 16 and FP8 × 8: H100 max(989.4 × 16, 1,978.9 × 8) = 15,831.2 (≥ 4,800, barred);
        // H20 148 × 16 = 2,368 (under it, and still licensed since Apr 2025).
        var catalog = ComputeCatalog.BuiltIn;
        Assert.Equal(15831.2, catalog.FindAccelerator("h100-sxm")!.TotalProcessingPerformance, 6);
        Assert.Equal(2368, catalog.FindAccelerator("h20")!.TotalProcessingPerformance, 6);
        Assert.Equal(ChinaAccess.Licence, catalog.FindAccelerator("h20")!.ChinaAccess);
        foreach (var a in catalog.Accelerators.Values)
        {
            Assert.NotNull(a.ChinaAccess);
            if (a.ChinaAccess != ChinaAccess.Domestic && a.TotalProcessingPerformance >= ChipComputeModel.TppThreshold3A090a)
            {
                Assert.True(a.ChinaAccess is ChinaAccess.Barred or ChinaAccess.Licence, a.Id);
            }
        }
    }

    [Fact]
    public void The_projection_by_hand()
    {
        // Capacity 1 → 1.1 → 1.21; demand 0.7 → 0.84 → 1.008; vacancy 0.3 → 0.236364 → 0.166942.
        // Rent 300 × (1 + 1 × (0.1 − 0.3)) = 240; 240 × (1 + (0.1 − 0.236364)) = 207.2727; revenue 207.2727 × 0.833058 = 172.6702.
        var rows = ProjectionModel.Project(new ProjectionInputs(2025, 2, 0.3, 300, 0.1, 0.2, 0.1, 1));
        Assert.Equal([2025, 2026, 2027], rows.Select(r => r.Year));
        Assert.Equal(0.236364, rows[1].Vacancy, 6);
        Assert.Equal(240, rows[1].RentPerKwMonth, 9);
        Assert.Equal(0.166942, rows[2].Vacancy, 6);
        Assert.Equal(207.272727, rows[2].RentPerKwMonth, 6);
        Assert.Equal(172.670173, rows[2].RevenuePerBuiltKwMonth, 6);
        Assert.Equal(1.21, rows[2].CapacityIndex, 12);
    }

    [Fact]
    public void Projection_rent_is_held_at_zero_and_vacancy_stays_in_range()
    {
        // λ 5 at 50 % vacancy against v* 10 %: 1 + 5 × (0.1 − 0.5) = −1, so rent is held at 0 and said to be.
        var floored = ProjectionModel.Project(new ProjectionInputs(2025, 1, 0.5, 300, 0, 0, 0.1, 5));
        Assert.Equal(0, floored[1].RentPerKwMonth);
        Assert.True(floored[1].RentFloored);

        Gen.Select(Gen.Double[0, 1], Gen.Double[-0.5, 2], Gen.Double[-0.5, 2], Gen.Double[0, 0.9], Gen.Double[0, 10]).Sample((v0, gc, gd, vs, lambda) =>
        {
            var rows = ProjectionModel.Project(new ProjectionInputs(2025, 20, v0, 300, gc, gd, vs, lambda));
            Assert.All(rows, r => Assert.InRange(r.Vacancy, 0, 1));
            Assert.All(rows, r => Assert.True(r.RentPerKwMonth >= 0 && double.IsFinite(r.RentPerKwMonth)));
        });

        // Equal growth keeps vacancy; vacancy at v* keeps rent.
        var still = ProjectionModel.Project(new ProjectionInputs(2025, 3, 0.1, 300, 0.2, 0.2, 0.1, 2));
        Assert.All(still, r => Assert.Equal(0.1, r.Vacancy, 12));
        Assert.All(still, r => Assert.Equal(300, r.RentPerKwMonth, 9));
    }
}
