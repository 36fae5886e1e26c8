using CsCheck;
using Suanli.Core.Economics;
using Suanli.Core.Layout;
using Suanli.Scenarios;

namespace Suanli.Tests.Core;

/// <summary>Invariants of the layout model on random inputs (CsCheck; a failure prints the seed to replay it).</summary>
public class LayoutPropertyTests
{
    private static readonly LayoutInputs Base = ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites").Scenario!.Layout!;

    /// <summary>Random layouts around the preset: sizes, exponents, reference plant, load, pricing; both layouts on the same grid.</summary>
    private static readonly Gen<LayoutInputs> Layouts = Gen.Select(Gen.Double[0, 1].Array[10], Gen.Int[1, 40], Gen.Bool, (x, units, included) => Base with
    {
        TotalItMw = 1 + (1999 * x[0]),
        Units = units,
        ScaleExponent = 0.5 + (0.5 * x[1]),
        StaffExponent = x[2],
        PueOverheadExponent = 0.5 + (0.5 * x[3]),
        BaseSite = Base.BaseSite with
        {
            ItCapacityMw = 1 + (199 * x[4]),
            Phases = [new DeliveryPhase(1 + (199 * x[4]), 0)],
            DesignPue = 1 + x[5],
            PueFixedShare = x[6],
            LoadFactor = 0.05 + (0.95 * x[7]),
            ElectricityPricePerKwh = 0.05 + x[8],
            PowerPricing = included ? PowerPricing.Included : PowerPricing.PassThrough,
            RentPerKwMonth = 50 + (950 * x[9]),
        },
    });

    [Fact]
    public void A_campus_of_one_hall_equals_one_standalone_site_in_every_figure()
    {
        Gen.Select(Layouts, Gen.Double[0, 1]).Sample((inputs, occupancy) =>
        {
            var c = LayoutEngine.Compare(inputs with { Units = 1 }, occupancy);
            LayoutEngineTests.AssertSameFigures(c.Campus, c.Distributed, 1e-12);
        }, iter: 60);
    }

    [Fact]
    public void More_units_at_the_same_total_never_make_the_campus_worse_on_capex_per_mw()
    {
        Gen.Select(Layouts, Gen.Int[1, 10]).Sample((inputs, more) =>
        {
            var fewer = LayoutEngine.Compare(inputs);
            var split = LayoutEngine.Compare(inputs with { Units = inputs.Units + more });
            var tolerance = 1e-12 * fewer.Distributed.CapexPerMw;
            Assert.True(fewer.Campus.CapexPerMw <= fewer.Distributed.CapexPerMw + tolerance);
            Assert.True(split.Campus.CapexPerMw <= split.Distributed.CapexPerMw + tolerance);
            Assert.Equal(fewer.Campus.CapexPerMw, split.Campus.CapexPerMw, 1e-9 * fewer.Campus.CapexPerMw);
            Assert.True(split.Distributed.CapexPerMw >= fewer.Distributed.CapexPerMw - tolerance, "splitting into more sites lowered their capex per MW");
        }, iter: 40);
    }

    [Fact]
    public void The_campus_pue_never_exceeds_the_distributed_pue_at_equal_occupancy()
    {
        Gen.Select(Layouts, Gen.Double[0.001, 1]).Sample((inputs, occupancy) =>
        {
            var campus = LayoutEngine.PueAt(inputs, LayoutKind.Campus, occupancy)!.Value;
            var distributed = LayoutEngine.PueAt(inputs, LayoutKind.Distributed, occupancy)!.Value;
            Assert.True(campus <= distributed * (1 + 1e-12), $"campus {campus:R} > distributed {distributed:R}");
            Assert.True(campus >= 1);
            Assert.True(inputs.DesignPueAt(inputs.TotalItMw) <= inputs.DesignPueAt(inputs.UnitMw) * (1 + 1e-12));
        }, iter: 500);
    }

    [Fact]
    public void Pue_never_rises_with_occupancy()
    {
        Gen.Select(Layouts, Gen.Double[0.001, 1], Gen.Double[0.001, 1]).Sample((inputs, a, b) =>
        {
            var (low, high) = a < b ? (a, b) : (b, a);
            foreach (var kind in new[] { LayoutKind.Campus, LayoutKind.Distributed })
            {
                var atLow = LayoutEngine.PueAt(inputs, kind, low)!.Value;
                var atHigh = LayoutEngine.PueAt(inputs, kind, high)!.Value;
                Assert.True(atHigh <= atLow * (1 + 1e-12), $"{kind}: PUE {atHigh:R} at {high:R} > {atLow:R} at {low:R}");
            }
        }, iter: 500);
    }
}
