using System.Text.Json;
using System.Text.RegularExpressions;
using Suanli.Cli;
using Suanli.Analysis.Results;
using Suanli.Cli.Commands;
using Suanli.Cli.Output;

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
        var (code, output, _) = CliRunner.Run("reliability", "--preset", "cn-two-sites-1000km", "--sweep", "distance");
        Assert.Equal(0, code);
        var stdout = CliRunner.Flat(output);
        Assert.Contains("adds up term by term", stdout, StringComparison.Ordinal);
        Assert.Contains("decays exponentially", stdout, StringComparison.Ordinal);
        Assert.Contains("is a straight line in the distance", stdout, StringComparison.Ordinal);
        Assert.Contains("time-outs", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--trials", "reliability", "--preset", "llama3-405b-16k", "--trials", "-5")]
    [InlineData("--trials", "reliability", "--preset", "llama3-405b-16k", "--trials", "10000001")]
    [InlineData("--threads", "reliability", "--preset", "llama3-405b-16k", "--threads", "0")]
    [InlineData("--sweep", "reliability", "--preset", "llama3-405b-16k", "--sweep", "planets")]
    [InlineData("--max-events", "reliability", "--preset", "llama3-405b-16k", "--trials", "10", "--max-events", "0")]
    [InlineData("--optimize-interval", "reliability", "--preset", "llama3-405b-16k", "--optimize-interval")]
    [InlineData("--optimize-interval", "reliability", "--preset", "llama3-405b-16k", "--optimize-interval", "--trials", "10", "--set", "training.checkpoint.blockingMinutes=0")]
    [InlineData("training", "reliability", "--preset", "cn-2025-essay")]
    [InlineData("site", "econ", "--preset", "llama3-405b-16k")]
    [InlineData("training.sites.distanceKm", "reliability", "--preset", "llama3-405b-16k", "--set", "training.sites.distanceKm=-1")]
    [InlineData("training.reliability.components[2].per", "reliability", "--preset", "llama3-405b-16k", "--set", "training.reliability.components[2].per=job")]
    [InlineData("training.reliability.components[2].mtbfHours", "reliability", "--preset", "llama3-405b-16k", "--set", "training.reliability.components[2].mtbfHours=4e-7", "--trials", "1")]
    [InlineData("training.reliability.components[0].mtbfHours", "reliability", "--preset", "llama3-405b-16k", "--set", "training.reliability.components[0].mtbfHours=1e-6", "--trials", "10")]
    [InlineData("training.reliability.components[0].mtbfHours", "reliability", "--preset", "llama3-405b-16k", "--set", "training.reliability.components[0].distribution=weibull",
        "--set", "training.reliability.components[0].weibullShape=0.7", "--set", "training.reliability.components[0].mtbfHours=0.01", "--trials", "10")]
    [InlineData("--trials", "reliability", "--preset", "llama3-405b-16k", "--trials", "10000000")]
    [InlineData("--trials", "reliability", "--preset", "llama3-405b-16k", "--trials", "10", "--max-events", "4000")]
    public void Bad_input_is_exit_2_naming_the_field(string field, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.Contains("warning:", StringComparison.Ordinal));
        Assert.Matches("^[^\\s:]+:\\d+:\\d+: " + Regex.Escape(field) + ": .+ \\(allowed: .+\\)$", line);
    }

    [Fact]
    public void The_overflowing_case_is_refused_before_it_runs_not_printed_negative()
    {
        // The old code ran 6.6e12 events into a 32-bit counter and printed interruptionsMean −1,054,981,657 with exit 0.
        var (code, _, stderr) = CliRunner.Run("reliability", "--preset", "llama3-405b-16k", "--set", "training.reliability.components[2].mtbfHours=4e-7", "--trials", "1", "--json");
        Assert.Equal(2, code);
        Assert.Contains("'softwareBug' gives about 6.64E+12 failure events per trial", stderr, StringComparison.Ordinal);
        Assert.Contains("--max-events", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_events_raises_the_budget()
    {
        // 10 trials of ~419 failures plus one each = ~4,200 events: refused at 4,000, run at 5,000.
        Assert.Equal(2, CliRunner.Run("reliability", "--preset", "llama3-405b-16k", "--trials", "10", "--max-events", "4000").ExitCode);
        Assert.Equal(10, Json("reliability", "--preset", "llama3-405b-16k", "--trials", "10", "--max-events", "5000", "--json").GetProperty("simulated").GetProperty("trials").GetInt32());
    }

    [Fact]
    public void A_sweep_with_free_checkpoints_at_a_vanishing_interval_is_finite()
    {
        // Was "internal error" (ETTR = τ/0 = ∞ is not JSON). With C = 0 and τ → 0 only the restarts are lost.
        var json = Json("reliability", "--preset", "cn-two-sites-1000km", "--sweep", "sites", "--json",
            "--set", "training.checkpoint.blockingMinutes=0", "--set", "training.checkpoint.intervalMinutes=1e-300");
        foreach (var row in json.GetProperty("sweep").EnumerateArray())
        {
            Assert.InRange(row.GetProperty("ettr").GetDouble(), 0.9, 1);
        }
    }

    [Fact]
    public void Json_is_byte_identical_for_the_same_inputs_and_seed()
    {
        // The old JSON carried simulated.seconds, a wall-clock timing; it is now on stderr under --verbose.
        string[] args = ["reliability", "--preset", "cn-two-sites-1000km", "--trials", "300", "--seed", "9", "--json"];
        var a = CliRunner.Run(args);
        var b = CliRunner.Run([.. args, "--verbose"]);
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        Assert.False(JsonDocument.Parse(a.Out).RootElement.GetProperty("simulated").TryGetProperty("seconds", out _));
        Assert.Matches(@"suanli: simulating: 300 trials in \d+\.\d\d s, [\d,]+ failure events", b.Error);
    }

    [Fact]
    public void A_job_resized_far_from_its_calibration_is_warned_about_in_json_words_and_stderr()
    {
        var (code, stdout, stderr) = CliRunner.Run("reliability", "--preset", "llama3-405b-16k", "--set", "training.job.accelerators=8", "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(stdout).RootElement;
        var w = Assert.Single(json.GetProperty("warnings").EnumerateArray());
        Assert.Equal("jobOutsideCalibration", w.GetProperty("code").GetString());
        Assert.Equal(16_384, w.GetProperty("calibrationJobAccelerators").GetInt32());
        Assert.Contains("2,048.0x smaller", w.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(6334.6, json.GetProperty("mttiHours").GetDouble(), 0.5);
        Assert.Matches(@"^--set\[1\]:1:\d+: warning: training\.job\.accelerators: 8 accelerators is 2,048x below", stderr);
        Assert.Empty(Json("reliability", "--preset", "llama3-405b-16k", "--json").GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void The_calibration_is_in_the_json()
    {
        var c = Json("reliability", "--preset", "opt-175b-992", "--json").GetProperty("calibration");
        Assert.Equal(992, c.GetProperty("jobAccelerators").GetInt32());
        Assert.Equal(105, c.GetProperty("publishedInterruptions").GetDouble());
        Assert.Equal(105, c.GetProperty("modelInterruptions").GetDouble(), 0.01);
    }

    [Fact]
    public void Progress_lines_appear_on_a_redirected_stderr_for_long_runs_only()
    {
        using var err = new StringWriter();
        var context = new CliContext(TextWriter.Null, err);
        var display = new ProgressDisplay(context, s => s, state => $"suanli: {state.Step}: {state.Done * 100 / state.Total}% ({state.Done:#,0} of {state.Total} trials, 0 s",
            TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));
        var result = display.Run(p =>
        {
            for (var i = 1; i <= 10; i++)
            {
                Thread.Sleep(60);
                p.Report(new AnalysisProgress("simulating", i * 10, 100));
            }

            return 42;
        });
        Assert.Equal(42, result);
        var lines = err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 3, err.ToString());
        Assert.All(lines, l => Assert.Matches(@"^suanli: simulating: \d+% \([\d,]+ of 100 trials, \d+ s", l));
        Assert.Equal("simulating", Assert.Single(display.Timings).Step);

        using var quiet = new StringWriter();
        new ProgressDisplay(new CliContext(TextWriter.Null, quiet), s => s, _ => "x", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)).Run(_ => 0);
        Assert.Equal(string.Empty, quiet.ToString());
    }

    [Fact]
    public void Control_characters_in_an_echoed_value_are_escaped()
    {
        Assert.Equal("pla\\u000Anets\\u001B", ReliabilityCommand.Printable("pla\nnets\u001b"));
    }
}
