using System.Text.RegularExpressions;
using Suanli.Core;
using Suanli.Reports;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Essay;
using Suanli.Tests.Scenarios;

namespace Suanli.Tests.Reports;

/// <summary>
/// The checks across fields of the scenario builders (site, land, terminal value, layout, training, compute, the essay's
/// catalog) are keyed messages like the common diagnostics: English as before, and in Traditional and Simplified Chinese.
/// </summary>
public class CheckMessagesTests
{
    private const string Layout = "cn-200mw-campus-vs-5-sites";
    private const string Training = "llama3-405b-16k";

    private static readonly string Phases = ScenarioText.Valid + "\n  phases:\n    - {itMw: 4, startMonth: 3}\n    - {itMw: 5, startMonth: 1000}";

    // A scenario with its own accelerator and model, which the compute checks vary by replacing a piece of text.
    private const string Compute = """
        name: own
        currency: USD
        compute:
          accelerators:
            - {id: my-chip, name: My chip, vendor: Me, peakBf16Tflops: 500, memoryGb: 96, memoryBandwidthTbps: 2, tdpWatts: 500, scaleUpBandwidthGBps: 400, exportControl: none}
          models:
            - {id: my-model, name: My model, architecture: dense, totalParamsBillion: 10, activeParamsBillion: 10, trainingTokensTrillion: 1}
          training:
            model: my-model
            fleet: [{accelerator: my-chip, count: 100}]
            mfu: 0.4
            costBasis: pricePerHour
            pricePerAcceleratorHour: 1.5
        """;

    /// <summary>The key each input is expected to give, and the diagnostics it gives.</summary>
    public static IEnumerable<(string Key, IReadOnlyList<Diagnostic> Diagnostics)> Corpus()
    {
        static IReadOnlyList<Diagnostic> Text(string yaml, params string[] sets) => ScenarioLoader.FromText(yaml, "t.yaml", sets).Diagnostics;
        static IReadOnlyList<Diagnostic> Preset(string name, params string[] sets) => ScenarioLoader.FromPreset(name, sets).Diagnostics;
        static IReadOnlyList<Diagnostic> Own(string from, string to) => Text(Compute.Replace(from, to, StringComparison.Ordinal));
        var layoutText = Presets.Text(Layout)!;
        var essay = File.ReadAllText(Path.Combine(Suanli.Tests.Cli.CliRunner.RepoRoot(), "src", "Suanli.Scenarios", "Essay", "essay.yaml"));
        static IReadOnlyList<Diagnostic> Essay(string yaml) => EssayCatalog.Parse(yaml, "essay.yaml").Diagnostics;

        // Site: phases, lives, power pricing, plausibility, land, terminal value.
        yield return ("diag2.site.phasesSum", Text(Phases));
        yield return ("diag2.site.firstPhase", Text(Phases));
        yield return ("diag2.site.phaseAfterHorizon", Text(Phases));
        yield return ("diag2.site.lifeUnderMonth", Text(ScenarioText.Valid, "site.capex.fitOut.usefulLifeYears=0.05"));
        yield return ("diag2.site.passThroughPueIncluded", Text(ScenarioText.Valid, "site.powerPricing=included", "site.passThroughPue=1.3"));
        yield return ("diag2.site.powerMarkupIncluded", Text(ScenarioText.Valid, "site.powerPricing=included", "site.powerMarkup=0.1"));
        yield return ("diag2.site.implausibleMoney", Text(ScenarioText.Valid, "site.rentPerKwMonth=50000"));
        yield return ("diag2.land.freeholdLife", Text(ScenarioText.Valid, "site.capex.land.usefulLifeYears=30"));
        yield return ("diag2.land.termNotGrantable", Text(ScenarioText.Valid, "site.capex.land.tenure=landUseRight", "site.capex.land.usefulLifeYears=70"));
        yield return ("diag2.land.termEndsEarly", Text(ScenarioText.Valid, "site.capex.land.tenure=landUseRight", "site.capex.land.usefulLifeYears=10"));
        yield return ("diag2.terminal.needsMultiple", Text(ScenarioText.Valid, "site.terminalValue=exitMultiple"));
        yield return ("diag2.terminal.multipleUnused", Text(ScenarioText.Valid, "site.terminalEbitdaMultiple=8"));
        yield return ("diag2.terminal.needsGrowth", Text(ScenarioText.Valid, "site.terminalValue=growingPerpetuity"));
        yield return ("diag2.terminal.growthUnused", Text(ScenarioText.Valid, "site.terminalGrowthRate=0.02"));
        yield return ("diag2.terminal.growthAboveRate", Text(ScenarioText.Valid, "site.terminalValue=growingPerpetuity", "site.terminalGrowthRate=0.09"));

        // Layout.
        yield return ("diag2.layout.designPueRemoved", Preset(Layout, "layout.campus.designPue=1.2"));
        yield return ("diag2.layout.fixedShareRemoved", Preset(Layout, "layout.distributed.pueFixedShare=0.3"));
        yield return ("diag2.layout.sitesCount", Text(layoutText.Replace("    topology: chain\n",
            "    topology: chain\n    sites:\n      - {electricityPricePerKwh: 0.5, gridEmissionKgPerKwh: 0.5}\n", StringComparison.Ordinal)));
        yield return ("diag2.layout.sharedTwice", Preset(Layout, "layout.sharedComponents=[building, building]"));
        yield return ("diag2.layout.onePhase", Text(layoutText.Replace("layout:\n",
            "  phases:\n    - {itMw: 20, startMonth: 0}\n    - {itMw: 20, startMonth: 12}\nlayout:\n", StringComparison.Ordinal)));
        yield return ("diag2.layout.zeroDistance", Preset(Layout, "layout.distributed.interSiteDistanceKm=0"));
        yield return ("diag2.layout.plantPue", Preset(Layout, "site.designPue=2.5", "layout.units=50"));

        // Training (reliability).
        yield return ("diag2.training.jobExceedsCluster", Preset(Training, "training.cluster.accelerators=8"));
        yield return ("diag2.training.sparesExceed", Preset(Training, "training.job.spareNodes=5000"));
        yield return ("diag2.training.emptySite", Preset(Training, "training.job.accelerators=8", "training.sites.count=9"));
        yield return ("diag2.training.nameTwice", Preset(Training, "training.reliability.components[1].name=faultyGpu"));
        yield return ("diag2.training.perJob", Preset(Training, "training.reliability.components[2].per=job"));
        yield return ("diag2.training.shapeWithExponential", Preset(Training, "training.reliability.components[0].weibullShape=0.7"));
        yield return ("diag2.training.weibullWholeUnits", Preset(Training, "training.reliability.components[0].distribution=weibull",
            "training.reliability.components[0].weibullShape=0.7", "training.reliability.components[0].countPerUnit=0.3"));
        yield return ("diag2.training.rackDomain", Preset(Training, "training.reliability.components[0].domain=rack", "training.reliability.components[0].recovery=restart"));
        yield return ("diag2.training.calibrationRange", Preset(Training, "training.job.accelerators=64", "training.cluster.accelerators=128"));
        yield return ("diag2.training.rateNotFinite", Preset(Training, "training.reliability.components[0].mtbfHours=1e-303"));
        yield return ("diag2.training.rateInfinite", Preset(Training, "training.reliability.components[0].mtbfHours=1e-306"));

        // Compute: the scenario's own catalog entries and its training run.
        yield return ("diag2.compute.rentalPair", Own("exportControl: none}", "exportControl: none, rentalPricePerHour: 2}"));
        yield return ("diag2.compute.activeAboveTotal", Own("architecture: dense, totalParamsBillion: 10, activeParamsBillion: 10", "architecture: mixtureOfExperts, totalParamsBillion: 10, activeParamsBillion: 20"));
        yield return ("diag2.compute.denseActive", Own("activeParamsBillion: 10", "activeParamsBillion: 5"));
        yield return ("diag2.compute.reportedCostTrio", Own("trainingTokensTrillion: 1}", "trainingTokensTrillion: 1, reportedCost: 100}"));
        yield return ("diag2.compute.kvCache", Own("trainingTokensTrillion: 1}", "trainingTokensTrillion: 1, kvHeads: 8}"));
        yield return ("diag2.compute.pretrainingHours", Own("trainingTokensTrillion: 1}", "trainingTokensTrillion: 1, reportedAcceleratorHours: 100, reportedPretrainingAcceleratorHours: 200}"));
        yield return ("diag2.compute.noFxForYear", Text(Compute, "compute.priceYear=2019"));
        yield return ("diag2.compute.unknownModel", Text(Compute, "compute.training.model=gpt5"));
        yield return ("diag2.compute.unknownAccelerator", Text(Compute, "compute.training.fleet[0].accelerator=tpu-v9"));
        yield return ("diag2.compute.noFp8", Text(Compute, "compute.training.precision=fp8"));
        yield return ("diag2.compute.emptyFleet", Own("fleet: [{accelerator: my-chip, count: 100}]", "fleet: []"));
        yield return ("diag2.compute.tokensWithStages", Own("    mfu: 0.4\n", "    mfu: 0.4\n    tokens: 1e12\n    stages: [{name: a, tokens: 1e12}]\n"));
        yield return ("diag2.compute.noTokens", Own(", trainingTokensTrillion: 1}", "}"));
        yield return ("diag2.compute.selectiveShape", Text(Compute, "compute.training.recompute=selective"));
        yield return ("diag2.compute.stageNames", Own("    mfu: 0.4\n", "    mfu: 0.4\n    stages: [{name: a, tokens: 1e12}, {name: a, tokens: 1e12}]\n"));
        yield return ("diag2.compute.priceNeeded", Own("    pricePerAcceleratorHour: 1.5", string.Empty));
        yield return ("diag2.compute.siteNeeded", Text(Compute, "compute.training.costBasis=siteRent"));
        yield return ("diag2.compute.serverCapexNeeded", Text(Compute, "compute.training.costBasis=siteRent"));
        yield return ("diag2.compute.attentionShape", Text(Compute, "compute.training.includeAttention=true"));
        yield return ("diag2.compute.idForm", Own("id: my-chip,", "id: My-Chip,"));
        yield return ("diag2.compute.idTaken", Own("id: my-model,", "id: llama3-405b,"));

        // The essay's claims catalog (a built-in file, checked the same way).
        yield return ("diag2.essay.notAPreset", Essay(essay.Replace("scenario: cn-2025-essay", "scenario: cn-2025-essai", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_check_across_fields_is_a_keyed_message()
    {
        foreach (var (key, diagnostics) in Corpus())
        {
            var d = diagnostics.FirstOrDefault(x => x.MessageText?.Key == key);
            Assert.True(d is not null, $"{key}: not given; got " + string.Join(" | ", diagnostics));
            Assert.NotNull(d.AllowedText);
            Assert.Equal(d.Message, d.MessageText!.English);
        }
    }

    [Fact]
    public void No_builder_writes_a_diagnostic_from_English_text()
    {
        // Diagnostics made with new Diagnostic(…, message, allowed) have English words only; the builders use keys.
        var root = Path.Combine(Suanli.Tests.Cli.CliRunner.RepoRoot(), "src", "Suanli.Scenarios");
        foreach (var file in new[] { "ScenarioBuilder.cs", "LayoutBuilder.cs", "TrainingBuilder.cs", "ComputeBuilder.cs", "ComputeCatalog.cs", Path.Combine("Essay", "EssayCatalog.cs") })
        {
            var text = File.ReadAllText(Path.Combine(root, file));
            Assert.DoesNotContain("new Diagnostic(", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void In_English_the_checks_read_as_before()
    {
        var english = Words.For(Language.En);
        foreach (var d in Corpus().SelectMany(c => c.Diagnostics))
        {
            Assert.Equal(d.ToString(), english.DiagnosticLine(d));
        }

        // The words of earlier versions, byte for byte; a value is echoed as the user wrote it (50000, not 50,000).
        string Line(string key) => Corpus().First(c => c.Key == key).Diagnostics.First(d => d.MessageText?.Key == key).ToString();
        Assert.Equal("t.yaml:32:5: site.phases: the phases add up to 9 MW but itCapacityMw is 10 MW (allowed: phases whose itMw sum to site.itCapacityMw)",
            Line("diag2.site.phasesSum"));
        Assert.Equal("--set[1]:1:20: site.terminalValue: terminalValue: exitMultiple needs terminalEbitdaMultiple (the price as a multiple of the last 12 months' EBITDA) (allowed: a number above 0 and at most 50)",
            Line("diag2.terminal.needsMultiple"));
        Assert.EndsWith("site.rentPerKwMonth: rent per kW-month of 50000 RMB is far outside physical or market sense (allowed: 0 to 21,600 RMB (USD 0 to 3,000 at 7.2 RMB/USD))",
            Line("diag2.site.implausibleMoney"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.ZhHant)]
    [InlineData(Language.ZhHans)]
    public void In_Chinese_the_checks_are_translated_and_located_as_in_English(Language language)
    {
        var words = Words.For(language);
        foreach (var (key, diagnostics) in Corpus())
        {
            var d = diagnostics.First(x => x.MessageText?.Key == key);
            var line = words.DiagnosticLine(d);
            var field = string.IsNullOrEmpty(d.Path) ? "(scenario)" : d.Path;
            Assert.StartsWith($"{d.File}:{d.Line}:{d.Column}: {(d.Severity == Severity.Warning ? "警告：" : string.Empty)}{field}：", line, StringComparison.Ordinal);
            Assert.Contains(line, c => c is >= '\u4E00' and <= '\u9FFF');
            Assert.DoesNotContain(d.Message, line, StringComparison.Ordinal);
            Assert.DoesNotContain("(allowed: ", line, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', line);
        }
    }

    [Fact]
    public void Chinese_reads_as_an_analyst_writes_it()
    {
        string Line(Language language, string key) => Words.For(language).DiagnosticLine(Corpus().First(c => c.Key == key).Diagnostics.First(d => d.MessageText?.Key == key));
        Assert.Equal("t.yaml:32:5: site.phases：各期合計 9 MW，但 itCapacityMw 為 10 MW（可接受：各期 itMw 之和等於 site.itCapacityMw）", Line(Language.ZhHant, "diag2.site.phasesSum"));
        Assert.Equal("--set[1]:1:20: site.terminalValue：terminalValue: exitMultiple 需要 terminalEbitdaMultiple（退出价格为最近 12 个月 EBITDA 的倍数）（可接受：大于 0 且不超过 50 的数）",
            Line(Language.ZhHans, "diag2.terminal.needsMultiple"));
        Assert.Contains("每千瓦·月租金 50000 RMB 遠遠超出物理或市場上合理的範圍", Line(Language.ZhHant, "diag2.site.implausibleMoney"), StringComparison.Ordinal);
        Assert.Contains("每个独立机房（4 MW）的设计 PUE 将为 3.119", Line(Language.ZhHans, "diag2.layout.plantPue"), StringComparison.Ordinal);
        // 64 accelerators is 256x below 16,384: "相差 256 倍", never "是其 256 倍".
        Assert.Contains("64 張加速卡與故障率標定所依據任務（Llama 3 405B pre-training, 54-day snapshot on 16,384 H100）的 16,384 張相差 256 倍（低於標定規模）",
            Line(Language.ZhHant, "diag2.training.calibrationRange"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_diag2_key_of_the_scenario_layer_is_used_or_a_unit_word()
    {
        // A key no code refers to is a message nobody sees: every check key appears in the builders' or the analyses' source.
        // The analysis layer (suanli solve) words its refusals with the same keys.
        var source = string.Concat(new[] { "Suanli.Scenarios", "Suanli.Analysis" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(Suanli.Tests.Cli.CliRunner.RepoRoot(), "src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.EndsWith("Messages.Checks.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var unused = Messages.English.Keys
            .Where(k => k.StartsWith("diag2.", StringComparison.Ordinal) && !k.StartsWith("diag2.range.", StringComparison.Ordinal) && !k.StartsWith("diag2.yaml.", StringComparison.Ordinal))
            .Where(k => !source.Contains('"' + k + '"', StringComparison.Ordinal) && !source.Contains('"' + Regex.Replace(k, @"\.allowed$", string.Empty) + '"', StringComparison.Ordinal))
            .ToList();
        Assert.True(unused.Count == 0, "unused: " + string.Join(", ", unused));
    }
}
