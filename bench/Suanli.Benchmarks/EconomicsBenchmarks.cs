using BenchmarkDotNet.Attributes;
using Suanli.Core.Economics;
using Suanli.Scenarios;

namespace Suanli.Benchmarks;

/// <summary>The economics engine on the cn-2025-essay preset (20-year horizon, 264 monthly steps).</summary>
[MemoryDiagnoser]
public class EconomicsBenchmarks
{
    private SiteEconomics site = null!;
    private CashFlowPlan plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        site = ScenarioLoader.FromPreset("cn-2025-essay").Scenario!.Site!;
        plan = CashFlowPlan.Build(site);
    }

    /// <summary>One evaluation: every monthly cash flow of the 20-year horizon from the inputs, and the NPV.</summary>
    [Benchmark(Baseline = true)]
    public double SingleEvaluation() => CashFlowPlan.Build(site).Npv(site.RentPerKwMonth);

    /// <summary>NPV at another rent on flows already laid out: what the break-even root finder repeats.</summary>
    [Benchmark]
    public double NpvAtRent() => plan.Npv(site.RentPerKwMonth);

    /// <summary>Everything <c>suanli econ</c> computes: flows, NPV, IRR, paybacks, both break-evens, yearly table.</summary>
    [Benchmark]
    public EconomicsResult FullAnalysis() => EconomicsEngine.Analyze(site);

    /// <summary>100,000 evaluations with a different vacancy each, one after another.</summary>
    [Benchmark(OperationsPerInvoke = 1)]
    public double HundredThousandEvaluations()
    {
        var sum = 0.0;
        for (var i = 0; i < 100_000; i++)
        {
            var s = site with { Vacancy = 0.05 + 0.5 * (i % 1000) / 1000.0 };
            sum += CashFlowPlan.Build(s).Npv(s.RentPerKwMonth);
        }

        return sum;
    }
}
