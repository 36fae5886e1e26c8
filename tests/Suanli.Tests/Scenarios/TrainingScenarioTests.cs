using Suanli.Core;
using Suanli.Core.Reliability;
using Suanli.Scenarios;
using Suanli.Scenarios.Binding;

namespace Suanli.Tests.Scenarios;

public class TrainingScenarioTests
{
    private static LoadResult Preset(params string[] sets) => ScenarioLoader.FromPreset("cn-two-sites-1000km", sets);

    private static Diagnostic SingleError(LoadResult result)
    {
        Assert.Null(result.Scenario);
        return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void The_presets_load_into_the_reliability_model()
    {
        var model = ScenarioLoader.FromPreset("llama3-405b-16k").Scenario!.Training!;
        Assert.Equal(16_384, model.JobAccelerators);
        Assert.Equal(2_048, model.JobNodes);
        Assert.Equal(18, model.Components.Count);
        Assert.Null(model.CheckpointIntervalMinutes);                // auto
        Assert.Equal(419, model.Components.Sum(c => c.PublishedCount ?? 0));
        var two = Preset().Scenario!.Training!;
        Assert.Equal((2, 1000.0, 1), (two.Sites, two.DistanceKm, two.Links));
    }

    [Fact]
    public void The_paths_the_interface_promises_can_be_set()
    {
        var model = Preset("training.job.accelerators=4096", "training.sites.count=3", "training.sites.distanceKm=500",
            "training.checkpoint.intervalMinutes=45", "training.checkpoint.blockingMinutes=2", "training.horizonDays=10").Scenario!.Training!;
        Assert.Equal((4096, 3, 500.0, 45.0, 2.0, 10.0),
            (model.JobAccelerators, model.Sites, model.DistanceKm, model.CheckpointIntervalMinutes!.Value, model.CheckpointBlockingMinutes, model.HorizonDays));
        Assert.Null(Preset("training.checkpoint.intervalMinutes=auto").Scenario!.Training!.CheckpointIntervalMinutes);
    }

    [Fact]
    public void Zero_mtbf_is_an_error()
    {
        var d = SingleError(Preset("training.reliability.components[0].mtbfHours=0"));
        Assert.Equal(DiagnosticCodes.OutOfRange, d.Code);
        Assert.Equal("training.reliability.components[0].mtbfHours", d.Path);
    }

    [Fact]
    public void Negative_distance_is_an_error()
    {
        var d = SingleError(Preset("training.sites.distanceKm=-10"));
        Assert.Equal(DiagnosticCodes.OutOfRange, d.Code);
        Assert.Contains("cannot be negative", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_larger_than_the_cluster_is_an_error()
    {
        var d = SingleError(Preset("training.job.accelerators=100000"));
        Assert.Equal(DiagnosticCodes.Inconsistent, d.Code);
        Assert.Equal("training.job.accelerators", d.Path);
        Assert.Contains("the cluster has 8,448", d.Message, StringComparison.Ordinal);
        Assert.True(d.Line > 0);
    }

    [Fact]
    public void Spares_must_fit_in_the_cluster()
    {
        var d = SingleError(Preset("training.job.spareNodes=100"));
        Assert.Equal("training.job.spareNodes", d.Path);
        Assert.Equal("at most 32 spare nodes", d.Allowed);
    }

    [Fact]
    public void Several_sites_need_a_wan()
    {
        var yaml = Presets.Text("llama3-405b-16k")!;
        var withoutWan = string.Join('\n', yaml.Split('\n').Where(l => !l.StartsWith("  wan:", StringComparison.Ordinal) && !l.StartsWith("    latencyUsPerKm", StringComparison.Ordinal)
            && !l.StartsWith("    linkEventsPerYear", StringComparison.Ordinal) && !l.StartsWith("    fiberCutsPerKmYear", StringComparison.Ordinal)
            && !l.StartsWith("    repairHours", StringComparison.Ordinal) && !l.StartsWith("    diversePaths", StringComparison.Ordinal)
            && !l.StartsWith("    collectiveTimeouts", StringComparison.Ordinal)));
        Assert.True(ScenarioLoader.FromText(withoutWan, "x.yaml").Succeeded);
        var d = SingleError(ScenarioLoader.FromText(withoutWan, "x.yaml", ["training.sites.count=2"]));
        Assert.Contains("no training.wan section", d.Message, StringComparison.Ordinal);
        Assert.Equal(("--set[1]", "training.sites.count"), (d.File, d.Path));           // the --set that made it span sites
        d = SingleError(ScenarioLoader.FromText(withoutWan.Replace("    count: {value: 1,", "    count: {value: 2,", StringComparison.Ordinal), "x.yaml"));
        Assert.Equal(("x.yaml", "training.wan"), (d.File, d.Path));

        var dir = Directory.CreateTempSubdirectory("suanli-");
        try
        {
            var path = Path.Combine(dir.FullName, "no-wan.yaml");
            File.WriteAllText(path, withoutWan);
            var (code, stdout, stderr) = Suanli.Tests.Cli.CliRunner.Run("reliability", path, "--sweep", "distance");
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("training.wan", stderr, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Weibull_shape_needs_a_weibull_distribution()
    {
        var d = SingleError(Preset("training.reliability.components[0].weibullShape=0.7"));
        Assert.Contains("distribution is exponential", d.Message, StringComparison.Ordinal);
        var ok = Preset("training.reliability.components[0].weibullShape=0.7", "training.reliability.components[0].distribution=weibull").Scenario!.Training!;
        Assert.Equal(FailureDistribution.Weibull, ok.Components[0].Distribution);
    }

    [Fact]
    public void An_interval_is_a_positive_number_or_auto()
    {
        Assert.Equal(DiagnosticCodes.WrongType, SingleError(Preset("training.checkpoint.intervalMinutes=soon")).Code);
        Assert.Equal(DiagnosticCodes.OutOfRange, SingleError(Preset("training.checkpoint.intervalMinutes=0")).Code);
        Assert.Contains("or auto", SingleError(Preset("training.checkpoint.intervalMinutes=-1")).Allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void Presets_name_their_calibration()
    {
        var c = ScenarioLoader.FromPreset("llama3-405b-16k").Scenario!.Training!.Calibration!;
        Assert.Equal((16_384, 54.0, 419.0), (c.JobAccelerators, c.Days, c.PublishedInterruptions));
        Assert.Equal(992, ScenarioLoader.FromPreset("opt-175b-992").Scenario!.Training!.Calibration!.JobAccelerators);
        Assert.Equal(384, ScenarioLoader.FromPreset("bloom-176b-384").Scenario!.Training!.Calibration!.JobAccelerators);
        Assert.Null(ScenarioLoader.FromPreset("cn-200mw-campus-vs-5-sites").Scenario!.Training!.Calibration);
    }

    [Fact]
    public void No_preset_counts_a_failure_once_per_job()
    {
        foreach (var name in Presets.Names)
        {
            Assert.DoesNotContain("per: job", Presets.Text(name)!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Per_job_is_refused_with_the_conversion_to_per_node()
    {
        // The Llama 3 preset's software bugs, 49,152 h per node, written as if once per job on its 1,024 nodes here.
        var d = SingleError(Preset("training.reliability.components[2].per=job"));
        Assert.Equal(DiagnosticCodes.UnknownChoice, d.Code);
        Assert.Equal("training.reliability.components[2].per", d.Path);
        Assert.Contains("per: node with mtbfHours", d.Allowed, StringComparison.Ordinal);
        Assert.Contains("49152 x 1,024 = 5.03316e+7", d.Allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void Rates_whose_sum_is_not_finite_are_refused_at_the_mtbf_that_causes_it()
    {
        // 8,192 accelerators / 1e-306 h overflows a double; the JSON used to fail with "internal error".
        var d = SingleError(Preset("training.reliability.components[0].mtbfHours=1e-306"));
        Assert.Equal("training.reliability.components[0].mtbfHours", d.Path);
        Assert.Contains("more than 1e308 times an hour", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resized_job_loads_with_a_warning_at_the_value_that_moved_it()
    {
        var result = ScenarioLoader.FromPreset("llama3-405b-16k", ["training.job.accelerators=1024"]);
        Assert.NotNull(result.Scenario);
        var w = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, w.Severity);
        Assert.Equal("training.job.accelerators", w.Path);
        Assert.StartsWith("--set[", w.File, StringComparison.Ordinal);
        Assert.Contains("16x below", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_recovery_lists_the_choices()
    {
        var d = SingleError(Preset("training.reliability.components[2].recovery=reboot"));
        Assert.Equal("restart, replaceNode, waitForRepair", d.Allowed);
    }
}
