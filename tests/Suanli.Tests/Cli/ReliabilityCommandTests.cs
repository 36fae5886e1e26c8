using System.Text.Json;

namespace Suanli.Tests.Cli;

public class ReliabilityCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Json_has_the_closed_form_keys()
    {
        var json = Json("reliability", "--preset", "llama3-405b-16k", "--json");
        foreach (var key in new[] { "lambdaPerHour", "mttiHours", "expectedInterruptions", "pNoInterruption24h", "youngIntervalMinutes", "dalyIntervalMinutes", "ettrClosedForm" })
        {
            Assert.Equal(JsonValueKind.Number, json.GetProperty(key).ValueKind);
        }

        Assert.Equal(419, json.GetProperty("expectedInterruptions").GetDouble(), 0.5);
        Assert.Equal(419, json.GetProperty("publishedInterruptions").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("simulated").ValueKind);
    }

    [Fact]
    public void Trials_add_the_simulated_keys()
    {
        var json = Json("reliability", "--preset", "llama3-405b-16k", "--trials", "200", "--seed", "5", "--json");
        var s = json.GetProperty("simulated");
        foreach (var key in new[] { "trials", "interruptionsMean", "interruptionsP5", "interruptionsP95", "ettrMean", "lostAcceleratorHoursMean" })
        {
            Assert.Equal(JsonValueKind.Number, s.GetProperty(key).ValueKind);
        }

        Assert.Equal(200, s.GetProperty("trials").GetInt32());
        Assert.Equal(5UL, s.GetProperty("seed").GetUInt64());
    }

    [Fact]
    public void The_same_seed_prints_the_same_simulation()
    {
        var a = Json("reliability", "--preset", "cn-two-sites-1000km", "--trials", "300", "--seed", "9", "--threads", "1", "--json").GetProperty("simulated");
        var b = Json("reliability", "--preset", "cn-two-sites-1000km", "--trials", "300", "--seed", "9", "--threads", "2", "--json").GetProperty("simulated");
        Assert.Equal(a.GetProperty("interruptionsMean").GetDouble(), b.GetProperty("interruptionsMean").GetDouble());
        Assert.Equal(a.GetProperty("ettrMean").GetDouble(), b.GetProperty("ettrMean").GetDouble());
    }

    [Theory]
    [InlineData("sites", 8)]
    [InlineData("distance", 13)]
    public void Sweeps_give_rows_with_the_promised_keys(string kind, int rows)
    {
        var sweep = Json("reliability", "--preset", "cn-two-sites-1000km", "--sweep", kind, "--json").GetProperty("sweep");
        Assert.Equal(rows, sweep.GetArrayLength());
        foreach (var key in new[] { "sites", "distanceKm", "lambdaPerHour", "pNoInterruption24h", "ettr" })
        {
            Assert.Equal(JsonValueKind.Number, sweep[0].GetProperty(key).ValueKind);
        }
    }

    [Fact]
    public void The_words_say_rate_adds_and_survival_decays()
    {
        var (code, stdout, _) = CliRunner.Run("reliability", "--preset", "cn-two-sites-1000km", "--sweep", "distance");
        Assert.Equal(0, code);
        Assert.Contains("adds up term by term", stdout, StringComparison.Ordinal);
        Assert.Contains("decays exponentially", stdout, StringComparison.Ordinal);
        Assert.Contains("is a straight line in the distance", stdout, StringComparison.Ordinal);
        Assert.Contains("time-outs", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reliability", "--preset", "llama3-405b-16k", "--trials", "-5")]
    [InlineData("reliability", "--preset", "llama3-405b-16k", "--sweep", "planets")]
    [InlineData("reliability", "--preset", "llama3-405b-16k", "--optimize-interval")]
    [InlineData("reliability", "--preset", "llama3-405b-16k", "--optimize-interval", "--trials", "10", "--set", "training.checkpoint.blockingMinutes=0")]
    [InlineData("reliability", "--preset", "cn-2025-essay")]
    [InlineData("econ", "--preset", "llama3-405b-16k")]
    [InlineData("reliability", "--preset", "llama3-405b-16k", "--set", "training.sites.distanceKm=-1")]
    public void Bad_input_is_exit_2(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Matches(@"^[^\s:]+:\d+:\d+: ", stderr);
    }
}
