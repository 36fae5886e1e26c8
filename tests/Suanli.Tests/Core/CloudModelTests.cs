using CsCheck;
using Suanli.Core.Cloud;

namespace Suanli.Tests.Core;

/// <summary>The GPU-cloud business of issue 12 by hand, and its break-evens against each other.</summary>
public class CloudModelTests
{
    private static readonly CloudInputs Bare = new()
    {
        Servers = 1, AcceleratorsPerServer = 8, ServerPrice = 100_000, NetworkCapexPerServer = 0, LifeMonths = 12, ResidualValueFraction = 0,
        KwPerAccelerator = 1, IdleDrawFraction = 0, RentPerKwMonth = 0, ElectricityPricePerKwh = 0, Pue = 1, StaffFte = 0, StaffCostPerFteYear = 0,
        MaintenancePerYear = 0, PricePerHour = 2, PriceChangePerYear = 0, InitialUtilisation = 1, StabilisedUtilisation = 1, RampMonths = 0,
        IncomeTaxRate = 0, DiscountRate = 0,
    };

    [Fact]
    public void A_server_that_only_has_to_earn_its_price_by_hand()
    {
        // 100,000 over 8 accelerators × 8,760 h at a 0 % return: 100,000 ÷ 70,080 = 1.426941 an accelerator-hour.
        var r = CloudModel.Evaluate(Bare);
        Assert.Equal(1.426941, r.BreakEvenPricePerHour!.Value, 6);
        Assert.Equal(1.426941, r.CostStack.Total, 6);

        // At 12 % a year: monthly i = 1.12^(1/12) − 1 = 0.948879 %; 100,000 × i ÷ (1 − 1.12^−1) = 8,856.21 a month ÷ 5,840 h = 1.516474.
        var at12 = Bare with { DiscountRate = 0.12 };
        Assert.Equal(1.516474, CloudModel.CostStack(at12).Total, 6);
        Assert.Equal(1.516474, CloudModel.Evaluate(at12).BreakEvenPricePerHour!.Value, 6);

        // At USD 2 an hour: 2 × 5,840 = 11,680 a month; payback 100,000 ÷ 11,680 = 8.5616 months = 0.71347 years.
        Assert.Equal(0.71347, r.PaybackYears!.Value, 5);
        Assert.Equal(-100_000 + (12 * 11_680), r.Npv, 6);
    }

    [Fact]
    public void Costs_add_up_by_hand()
    {
        // Rent 200 on 8 kW = 1,600 a month; power at 50 % use with a 20 % idle share: 8 × (0.2 + 0.8 × 0.5) = 4.8 kW × 730 × PUE 1.25 ×
        // 0.1 = 438 a month; staff 1 × 60,000 ÷ 12 = 5,000; maintenance 5 % × 100,000 ÷ 12 = 416.67. Sold hours 8 × 730 × 0.5 = 2,920.
        var x = Bare with
        {
            RentPerKwMonth = 200, IdleDrawFraction = 0.2, Pue = 1.25, ElectricityPricePerKwh = 0.1, StaffFte = 1, StaffCostPerFteYear = 60_000,
            MaintenancePerYear = 0.05, StabilisedUtilisation = 0.5, InitialUtilisation = 0.5,
        };
        var s = CloudModel.CostStack(x);
        Assert.Equal(1600 / 2920.0, s.Facility, 12);
        Assert.Equal(438 / 2920.0, s.Power, 12);
        Assert.Equal(5000 / 2920.0, s.Staff, 12);
        Assert.Equal(416.666667 / 2920.0, s.Maintenance, 9);
        Assert.Equal(100_000 / 12.0 / 2920.0, s.Servers, 9);

        // With no ramp, no price change and no tax the NPV solver's break-even price is the cost stack's total.
        Assert.Equal(CloudModel.CostStack(x with { DiscountRate = 0.1 }).Total, CloudModel.Evaluate(x with { DiscountRate = 0.1 }).BreakEvenPricePerHour!.Value, 6);
    }

    [Fact]
    public void Break_evens_are_where_npv_is_zero()
    {
        Gen.Select(Gen.Double[0.5, 6], Gen.Double[0.2, 1], Gen.Double[-0.3, 0.1], Gen.Double[0, 0.3]).Sample((price, use, change, tax) =>
        {
            var x = Bare with
            {
                PricePerHour = price, StabilisedUtilisation = use, InitialUtilisation = use / 2, RampMonths = 6, PriceChangePerYear = change, IncomeTaxRate = tax,
                LifeMonths = 60, RentPerKwMonth = 150, ElectricityPricePerKwh = 0.08, Pue = 1.3, IdleDrawFraction = 0.3, DiscountRate = 0.1,
            };
            var r = CloudModel.Evaluate(x);
            Assert.Equal(0, CloudModel.Evaluate(x with { PricePerHour = r.BreakEvenPricePerHour!.Value }).Npv, 3);
            if (r.BreakEvenUtilisation is { } u && u > 1e-6)
            {
                Assert.Equal(0, CloudModel.Evaluate(x with { StabilisedUtilisation = u }).Npv, 3);
            }
        });
    }
}
