using System.Text.Json;

namespace Suanli.Tests.Cli;

/// <summary><c>suanli multisite</c>: its JSON contract, its answers on the presets, and its refusals.</summary>
public class MultisiteCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Theory]
    [InlineData("llama3-405b-two-sites")]
    [InlineData("deepseek-v3-two-sites")]
    public void Json_carries_every_key_of_the_issue_in_both_modes(string preset)
    {
        var json = Json("multisite", "--preset", preset, "--sweep", "distance");
        string[] keys = ["stepComputeSeconds", "stepCommSeconds", "exposedCommSeconds", "stepEfficiency", "ettr", "effectiveThroughput",
            "maxDistanceKmForTarget", "requiredWanGbpsForTarget"];
        foreach (var key in keys)
        {
            Assert.True(json.TryGetProperty(key, out _), key);
        }

        var modes = json.GetProperty("modes").EnumerateArray().ToList();
        Assert.Equal(["synchronous", "lowCommunication"], modes.Select(m => m.GetProperty("mode").GetString()));
        foreach (var m in modes)
        {
            foreach (var key in keys)
            {
                Assert.True(m.TryGetProperty(key, out _), key);
            }
        }

        Assert.Equal("3200", json.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("path").GetString() == "training.wan.bandwidthGbpsPerSite").GetProperty("value").GetString());
        Assert.NotEmpty(json.GetProperty("sweep").EnumerateArray());
        Assert.Equal("distance", json.GetProperty("sweepBy").GetString());
    }

    [Fact]
    public void Llama_3_over_two_sites_1000_km_needs_more_WAN_than_the_preset_gives_to_keep_95_percent()
    {
        // 405 B FP32 gradients: 1,620 GB per site a step = 12,960 Gbit; at 3,200 Gbps 4.05 s against a 6.13 s step of
        // which half hides communication → exposed ≈ 1.49 s, efficiency ≈ 80 %. 95 % allows 6.134 × (1/0.95 − 1) +
        // 0.5 × 6.134 − 0.498 (in site) − 0.0131 (latency) ≈ 2.878 s for the WAN: 12,960 / 2.878 ≈ 4,502 Gbps.
        var json = Json("multisite", "--preset", "llama3-405b-two-sites");
        Assert.Equal(4.05, json.GetProperty("modes")[0].GetProperty("wanBandwidthSeconds").GetDouble(), 9);
        Assert.InRange(json.GetProperty("stepEfficiency").GetDouble(), 0.80, 0.81);
        Assert.InRange(json.GetProperty("requiredWanGbpsForTarget").GetDouble(), 4480, 4520);

        // Even at 0 km the every-step exchange misses 95 %: bandwidth, not distance, is the limit.
        Assert.Equal(JsonValueKind.Null, json.GetProperty("maxDistanceKmForTarget").ValueKind);

        // Streaming DiLoCo every 100 steps at 4 bits sends 2.025 GB a step and keeps every step whole, but its 1.05×
        // steps to equal loss leave 95 % of one site's throughput (× ETTR ratio).
        var low = json.GetProperty("modes")[1];
        Assert.Equal(2.025, low.GetProperty("wanGigabytesPerStepPerSite").GetDouble(), 9);
        Assert.Equal(1, low.GetProperty("stepEfficiency").GetDouble());
        Assert.InRange(low.GetProperty("effectiveThroughput").GetDouble(), 0.949, 0.951);
    }

    [Fact]
    public void One_site_crosses_no_WAN_and_its_targets_are_null()
    {
        var json = Json("multisite", "--preset", "llama3-405b-two-sites", "--set", "training.sites.count=1");
        Assert.Equal(0, json.GetProperty("modes")[0].GetProperty("wanBandwidthSeconds").GetDouble());
        Assert.Equal(0, json.GetProperty("modes")[0].GetProperty("wanLatencySeconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("maxDistanceKmForTarget").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("requiredWanGbpsForTarget").ValueKind);
        Assert.Equal(1, json.GetProperty("effectiveThroughput").GetDouble(), 12);
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "multisite.oneSite");
    }

    [Fact]
    public void Sweeps_never_improve_with_distance_or_with_less_bandwidth()
    {
        var distance = Json("multisite", "--preset", "llama3-405b-two-sites", "--sweep", "distance").GetProperty("sweep").EnumerateArray().ToList();
        Assert.True(distance.Count >= 10);
        for (var i = 1; i < distance.Count; i++)
        {
            Assert.True(distance[i].GetProperty("distanceKm").GetDouble() > distance[i - 1].GetProperty("distanceKm").GetDouble());
            for (var m = 0; m < 2; m++)
            {
                Assert.True(distance[i].GetProperty("modes")[m].GetProperty("effectiveThroughput").GetDouble()
                    <= distance[i - 1].GetProperty("modes")[m].GetProperty("effectiveThroughput").GetDouble());
            }
        }

        var bandwidth = Json("multisite", "--preset", "deepseek-v3-two-sites", "--sweep", "bandwidth").GetProperty("sweep").EnumerateArray().ToList();
        for (var i = 1; i < bandwidth.Count; i++)
        {
            Assert.True(bandwidth[i].GetProperty("modes")[0].GetProperty("stepEfficiency").GetDouble()
                >= bandwidth[i - 1].GetProperty("modes")[0].GetProperty("stepEfficiency").GetDouble());
        }

        // Sites: 64 replicas per site split over 1, 2, 4, 8, 16 sites only; the others are named as left out.
        var sites = Json("multisite", "--preset", "llama3-405b-two-sites", "--sweep", "sites");
        Assert.Equal([1, 2, 4, 8, 16], sites.GetProperty("sweep").EnumerateArray().Select(r => r.GetProperty("sites").GetInt32()));
        Assert.Contains(sites.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "multisite.sweepSkipped");
    }

    [Fact]
    public void The_JSON_is_byte_identical_across_runs()
    {
        var a = CliRunner.Run("multisite", "--preset", "deepseek-v3-two-sites", "--sweep", "sites", "--json");
        var b = CliRunner.Run("multisite", "--preset", "deepseek-v3-two-sites", "--sweep", "sites", "--json");
        Assert.Equal(a.Out, b.Out);
    }

    [Theory]
    [InlineData("command-line:1:1: --sweep: unknown sweep 'speed' (allowed: distance, bandwidth, sites)", "--sweep", "speed")]
    [InlineData("command-line:1:1: --target-efficiency:", "--target-efficiency", "0")]
    [InlineData("command-line:1:1: --target-efficiency:", "--target-efficiency", "1.5")]
    [InlineData("command-line:1:1: --target-efficiency:", "--target-efficiency", "NaN")]
    public void Bad_options_are_exit_2_naming_the_option(string expected, string option, string value)
    {
        var (code, stdout, stderr) = CliRunner.Run("multisite", "--preset", "llama3-405b-two-sites", option, value);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_without_a_step_section_says_which_section_is_missing()
    {
        var (code, stdout, stderr) = CliRunner.Run("multisite", "--preset", "llama3-405b-16k");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("training.step", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("training.sites.count=3", "do not split evenly over 3 sites")]
    [InlineData("training.step.acceleratorsPerReplica=100", "not a whole number of replicas of 100")]
    [InlineData("training.step.model=gpt5", "gpt5")]
    [InlineData("training.wan.bandwidthGbpsPerSite=0", "training.wan.bandwidthGbpsPerSite")]
    public void Inconsistent_step_inputs_are_refused_with_the_field_and_what_is_allowed(string set, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("multisite", "--preset", "llama3-405b-two-sites", "--set", set);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, CliRunner.Flat(stderr), StringComparison.Ordinal);
        Assert.Contains("(allowed: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pipeline_split_keeps_the_low_communication_section_but_says_it_is_not_evaluated()
    {
        var json = Json("multisite", "--preset", "llama3-405b-two-sites", "--set", "training.step.crossSite=pipeline");
        var low = json.GetProperty("modes")[1];
        Assert.False(low.GetProperty("evaluated").GetBoolean());
        Assert.Equal("multisite.lowCommunicationNeedsDataParallel", low.GetProperty("notEvaluatedReason").GetString());
        Assert.Equal(JsonValueKind.Null, low.GetProperty("stepEfficiency").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("metrics").GetProperty("lowCommunication.stepEfficiency").GetProperty("value").ValueKind);
        var warning = json.GetProperty("notes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == "multisite.lowCommunicationNeedsDataParallel");
        Assert.Equal("warning", warning.GetProperty("level").GetString());

        // 16,777,216 tokens × 16,384 × 2 bytes = 549.8 GB of activations each way across the one boundary per step.
        Assert.Equal(16_777_216.0 * 16384 * 2 / 1e9, json.GetProperty("modes")[0].GetProperty("wanGigabytesPerStepPerSite").GetDouble(), 6);
    }

    [Fact]
    public void A_pipeline_split_sends_activations_and_ignores_no_input_silently()
    {
        // DeepSeek-V3 without its low-communication section, split by pipeline stages: 62.9 M tokens × 7,168 × 2 bytes
        // = 901.9 GB cross the boundary each step, one way from each of the two sites.
        var path = Path.Combine(Path.GetTempPath(), "suanli-pipeline-" + Guid.NewGuid().ToString("N") + ".yaml");
        var yaml = File.ReadAllText(Path.Combine(CliRunner.RepoRoot(), "src", "Suanli.Scenarios", "Presets", "deepseek-v3-two-sites.yaml"));
        // The low-communication section is the preset's last: cut it off.
        var cut = yaml.IndexOf("\n  lowCommunication:", StringComparison.Ordinal);
        Assert.True(cut > 0 && !yaml[(cut + 2)..].Split('\n').Skip(1).Any(l => l.Length > 2 && l[2] != ' '), "lowCommunication is no longer the last section");
        File.WriteAllText(path, yaml[..(cut + 1)]);
        try
        {
            var json = Json("multisite", path, "--set", "training.step.crossSite=pipeline");
            Assert.Equal("multisite.lowCommunication.notDescribed", json.GetProperty("modes")[1].GetProperty("notEvaluatedReason").GetString());
            Assert.Equal(62_914_560.0 * 7168 * 2 / 1e9, json.GetProperty("modes")[0].GetProperty("wanGigabytesPerStepPerSite").GetDouble(), 6);
            Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "multisite.pipelineAcross");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("zh-Hant", "步效率", "每步同步")]
    [InlineData("zh-Hans", "步效率", "低通信")]
    [InlineData("en", "step efficiency", "low-comm")]
    public void Tables_read_in_the_chosen_language(string lang, string word, string mode)
    {
        var (code, stdout, stderr) = CliRunner.Run("multisite", "--preset", "llama3-405b-two-sites", "--sweep", "bandwidth", "--lang", lang);
        Assert.True(code == 0, stderr);
        Assert.Contains(word, stdout, StringComparison.Ordinal);
        Assert.Contains(mode, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_evaluates_the_step_section_as_multisite_does()
    {
        var run = Json("run", "--preset", "llama3-405b-two-sites");
        var section = run.GetProperty("sections").GetProperty("training.step");
        var alone = Json("multisite", "--preset", "llama3-405b-two-sites");
        Assert.Equal(alone.GetProperty("stepEfficiency").GetDouble(), section.GetProperty("stepEfficiency").GetDouble());
        Assert.Equal(alone.GetProperty("requiredWanGbpsForTarget").GetDouble(), section.GetProperty("requiredWanGbpsForTarget").GetDouble());

        // A job that does not split over the sites is refused by run as by multisite, naming the field.
        var (code, stdout, stderr) = CliRunner.Run("run", "--preset", "llama3-405b-two-sites", "--set", "training.sites.count=3");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("--set[1]:1:22: training.sites.count: 128 data-parallel replicas do not split evenly over 3 sites", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Reliability_still_runs_where_the_step_does_not_split()
    {
        // The step's checks depend on the sites, which reliability varies: they belong to the step time only.
        var (code, _, stderr) = CliRunner.Run("reliability", "--preset", "llama3-405b-two-sites", "--set", "training.sites.count=3");
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void A_sweep_runs_at_sites_the_job_splits_over_and_never_at_a_bandwidth_nobody_gave()
    {
        // cn-200mw-campus-vs-5-sites: one site, no WAN bandwidth. Distance and sites sweeps need a bandwidth: refused.
        var (code, stdout, stderr) = CliRunner.Run("multisite", "--preset", "cn-200mw-campus-vs-5-sites", "--sweep", "sites");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("command-line:1:1: --sweep: a sweep over distance or sites needs the WAN bandwidth per site", stderr, StringComparison.Ordinal);

        // Given one, a distance sweep of a one-site job runs at the fewest sites its 125 replicas split over: five.
        var json = Json("multisite", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "training.wan.bandwidthGbpsPerSite=800", "--sweep", "distance");
        Assert.All(json.GetProperty("sweep").EnumerateArray(), r => Assert.Equal(5, r.GetProperty("sites").GetInt32()));
        Assert.All(json.GetProperty("sweep").EnumerateArray(), r => Assert.Equal(800, r.GetProperty("wanGbpsPerSite").GetDouble()));
    }

    [Fact]
    public void On_one_site_low_communication_is_every_step_synchronisation()
    {
        var json = Json("multisite", "--preset", "llama3-405b-two-sites", "--set", "training.sites.count=1");
        Assert.Equal(1, json.GetProperty("modes")[1].GetProperty("effectiveThroughput").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("distanceKm").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("wanGbpsPerSite").ValueKind);
    }

    [Fact]
    public void Missing_the_target_at_0_km_names_the_term_that_misses_it()
    {
        // A second of hop latency per hop, nothing hidden: latency, not bandwidth, misses the target.
        var json = Json("multisite", "--preset", "llama3-405b-two-sites", "--set", "training.wan.hopLatencyUs=1000000", "--set", "training.step.overlap=0");
        var miss = json.GetProperty("notes").EnumerateArray().First(n => n.GetProperty("code").GetString() == "multisite.missesTargetAtZeroKm");
        Assert.Equal("multisite.cause.bandwidth", miss.GetProperty("args").GetProperty("cause").GetProperty("term").GetString());
        var latency = Json("multisite", "--preset", "llama3-405b-two-sites", "--set", "training.wan.hopLatencyUs=1000000", "--set", "training.step.overlap=0",
            "--set", "training.wan.bandwidthGbpsPerSite=100000");
        var cause = latency.GetProperty("notes").EnumerateArray().First(n => n.GetProperty("code").GetString() == "multisite.missesTargetAtZeroKm");
        Assert.Equal("multisite.cause.latency", cause.GetProperty("args").GetProperty("cause").GetProperty("term").GetString());
    }
}
