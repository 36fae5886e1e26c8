using System.Text.Json;
using System.Text.RegularExpressions;
using Suanli.Analysis.Results;
using Suanli.Cli;
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
        Assert.Contains("'softwareBug' gives about 6.64e+12 failure events per trial", stderr, StringComparison.Ordinal);
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
    public void Json_carries_the_header_the_options_metrics_and_notes_and_is_byte_identical()
    {
        string[] args = ["reliability", "--preset", "cn-two-sites-1000km", "--trials", "200", "--seed", "4", "--sweep", "distance", "--json", "--set", "training.horizonDays=20"];
        var a = CliRunner.Run(args);
        var b = CliRunner.Run(args);
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        var json = JsonDocument.Parse(a.Out).RootElement;
        Assert.Equal(1, json.GetProperty("schemaVersion").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("suanliVersion").GetString()));
        Assert.Equal("reliability", json.GetProperty("command").GetString());
        Assert.Equal("en", json.GetProperty("language").GetString());
        Assert.Equal("training.horizonDays=20", Assert.Single(json.GetProperty("overrides").EnumerateArray()).GetString());
        var horizon = json.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("path").GetString() == "training.horizonDays");
        Assert.Equal("set", horizon.GetProperty("origin").GetString());
        var options = json.GetProperty("options");
        Assert.Equal(200, options.GetProperty("trials").GetInt32());
        Assert.Equal(4UL, options.GetProperty("seed").GetUInt64());
        Assert.Equal("distance", options.GetProperty("sweep").GetString());
        // 1 main run + 13 distances, each of 200 trials.
        Assert.Equal(14, json.GetProperty("workEstimate").GetProperty("simulations").GetInt32());

        // Metrics repeat the figures under stable names, with units.
        var metrics = json.GetProperty("metrics");
        Assert.Equal(json.GetProperty("lambdaPerDay").GetDouble(), metrics.GetProperty("lambdaPerDay").GetProperty("value").GetDouble());
        Assert.Equal("perDay", metrics.GetProperty("lambdaPerDay").GetProperty("unit").GetString());
        Assert.Equal(json.GetProperty("ettrClosedForm").GetDouble(), metrics.GetProperty("ettr").GetProperty("value").GetDouble());
        Assert.Equal(json.GetProperty("simulated").GetProperty("interruptionsP95").GetDouble(), metrics.GetProperty("interruptionsP95").GetProperty("value").GetDouble());
        Assert.Equal("hours", metrics.GetProperty("mttiHours").GetProperty("unit").GetString());

        // Every sentence of the report is a code with arguments, and the old prose list is the same texts.
        var notes = json.GetProperty("notes").EnumerateArray().ToList();
        Assert.Equal(
            ["reliability.rateAddsUp", "reliability.calibration", "reliability.survivalDecays", "reliability.wanShares", "reliability.sweep.linear.distance",
                "reliability.sweep.farEnd.wan", "reliability.failuresOnly", "reliability.simulationAgrees"],
            notes.Select(n => n.GetProperty("code").GetString()));
        Assert.Equal(json.GetProperty("findings").EnumerateArray().Select(f => f.GetString()), notes.Select(n => n.GetProperty("text").GetString()));
        var wan = notes[3].GetProperty("args");
        Assert.Equal(2, wan.GetProperty("sites").GetDouble());
        Assert.Equal(1000, wan.GetProperty("distanceKm").GetDouble());
        Assert.Equal("faultyGpu", notes[0].GetProperty("args").GetProperty("term").GetString());
    }

    [Fact]
    public void The_thread_count_is_in_the_json_only_when_given_and_on_stderr_with_verbose()
    {
        // The default is the machine's core count, which would make the same inputs and seed print different JSON on
        // different machines; the result does not depend on it.
        var implicitThreads = Json("reliability", "--preset", "opt-175b-992", "--trials", "50", "--json");
        Assert.False(implicitThreads.GetProperty("simulated").TryGetProperty("threads", out _));
        Assert.False(implicitThreads.GetProperty("options").TryGetProperty("threads", out _));
        var given = Json("reliability", "--preset", "opt-175b-992", "--trials", "50", "--threads", "3", "--json");
        Assert.Equal(3, given.GetProperty("simulated").GetProperty("threads").GetInt32());
        Assert.Equal(3, given.GetProperty("options").GetProperty("threads").GetInt32());

        var (_, tables, stderr) = CliRunner.Run("reliability", "--preset", "opt-175b-992", "--trials", "50", "--verbose");
        Assert.DoesNotContain("thread", tables, StringComparison.Ordinal);
        Assert.Matches($@"on {Environment.ProcessorCount} thread\(s\)", stderr);
    }

    [Theory]
    [InlineData("zh-Hant", "平均中斷間隔", "有效訓練時間佔比", "檢查點", "中斷從何而來")]
    [InlineData("zh-Hans", "平均中断间隔", "有效训练时间占比", "检查点", "中断从何而来")]
    public void Tables_in_Chinese_use_the_industry_terms(string language, params string[] expected)
    {
        var (code, stdout, _) = CliRunner.Run("reliability", "--preset", "cn-two-sites-1000km", "--trials", "20", "--sweep", "sites", "--lang", language);
        Assert.Equal(0, code);
        var flat = CliRunner.Flat(stdout);
        foreach (var text in expected)
        {
            Assert.Contains(text, flat, StringComparison.Ordinal);
        }

        foreach (var english in new[] { "Closed forms", "Where the interruptions come from", "Monte Carlo", "What this says", "adds up term by term", "per day" })
        {
            Assert.DoesNotContain(english, stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("zh-Hant", "對任務時間線做蒙地卡羅模擬的次數", "透過模擬搜尋使 ETTR 最高的檢查點間隔")]
    [InlineData("zh-Hans", "对任务时间线做蒙特卡洛模拟的次数", "通过模拟搜索使 ETTR 最高的检查点间隔")]
    [InlineData("en", "Monte Carlo trials of the job timeline", "Print every column of the wide tables")]
    public void Help_is_in_the_chosen_language(string language, params string[] expected)
    {
        var (code, stdout, _) = CliRunner.Run("reliability", "--help", "--lang", language);
        Assert.Equal(0, code);
        foreach (var text in expected)
        {
            Assert.Contains(text, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Json_in_Chinese_keeps_keys_codes_and_numbers_and_translates_the_texts()
    {
        var en = Json("reliability", "--preset", "llama3-405b-16k", "--set", "training.job.accelerators=8", "--json");
        var hans = Json("reliability", "--preset", "llama3-405b-16k", "--set", "training.job.accelerators=8", "--json", "--lang", "zh-Hans");
        Assert.Equal("zh-Hans", hans.GetProperty("language").GetString());
        Assert.Equal(en.EnumerateObject().Select(p => p.Name), hans.EnumerateObject().Select(p => p.Name));
        Assert.Equal(en.GetProperty("mttiHours").GetDouble(), hans.GetProperty("mttiHours").GetDouble());
        Assert.Equal(en.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString()),
            hans.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString()));
        var warning = Assert.Single(hans.GetProperty("warnings").EnumerateArray());
        Assert.Equal("jobOutsideCalibration", warning.GetProperty("code").GetString());
        Assert.Contains("1/2,048.0", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("标定", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("faultyGpu", hans.GetProperty("terms")[0].GetProperty("name").GetString());
        var site = hans.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "siteEvents");
        Assert.Equal("site power/cooling events", site.GetProperty("name").GetString());
        Assert.Equal("站点供电／制冷事故", site.GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hant")]
    [InlineData("zh-Hans")]
    public void Tables_fit_80_columns_and_wide_shows_every_column(string language)
    {
        string[] args = ["reliability", "--preset", "llama3-405b-16k", "--trials", "20", "--sweep", "sites", "--optimize-interval", "--lang", language,
            "--set", "training.wan.linkEventsPerYear=1", "--set", "training.job.accelerators=256"];
        var narrow = RunAt(80, args);
        var tooWide = narrow.Split('\n').Where(l => DisplayWidth(l) > 80).ToList();
        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
        var words = Suanli.Reports.Words.For(Suanli.Reports.Languages.Parse(language)!.Value);
        Assert.DoesNotContain(words["reliability.col.recovery"], narrow, StringComparison.Ordinal);
        var wide = RunAt(80, [.. args, "--wide"]);
        foreach (var key in new[] { "reliability.col.recovery", "reliability.col.mtbf", "reliability.col.units", "reliability.col.links", "reliability.col.siteShare" })
        {
            Assert.Contains(words[key], wide, StringComparison.Ordinal);
        }

        static string RunAt(int width, string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = CliApp.Run(args, new CliContext(stdout, stderr, OutIsTerminal: true) { TerminalWidth = width });
            Assert.True(code == 0, stderr.ToString());
            return System.Text.RegularExpressions.Regex.Replace(stdout.ToString(), @"\x1b\[[0-9;]*m", string.Empty);
        }
    }

    [Fact]
    public async Task Cancelling_a_long_run_returns_within_a_second_with_nothing_on_stdout()
    {
        // ~420 million failure events: half a minute or more on this machine, unless it is cancelled.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var cancel = new CancellationTokenSource();
        var context = new CliContext(stdout, stderr) { Cancellation = cancel.Token };
        var run = Task.Run(() => CliApp.Run(["reliability", "--preset", "llama3-405b-16k", "--trials", "1000000", "--max-events", "10000000000", "--json"], context));
        await Task.Delay(500);
        Assert.False(run.IsCompleted, "the run ended before it was cancelled: " + stderr);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await cancel.CancelAsync();
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(5))));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed.TotalMilliseconds:0} ms to stop");
        Assert.Equal(130, await run);
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.EndsWith("suanli: interrupted" + Environment.NewLine, stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-Hant", "command-line:1:1: --optimize-interval：檢查點間隔的搜尋在模擬上進行，需要指定模擬次數（可接受：加上 --trials N，例如 --trials 2000）",
        "--optimize-interval")]
    [InlineData("en", "presets/opt-175b-992.yaml:1:1: training.wan: a sweep over sites or distance needs the WAN rates and the scenario has no training.wan section (allowed: a training.wan section with linkEventsPerYear, fiberCutsPerKmYear and repairHours)",
        "--sweep", "sites")]
    [InlineData("zh-Hans", "command-line:1:1: --max-events：0 超出范围 [1, 9223372036854775807]（可接受：1 至 9,223,372,036,854,775,807 的模拟事件数（整数），逐位书写或写成 1e6 这类指数形式（不加千分位分隔符））",
        "--max-events", "0")]
    public void Refusals_are_one_line_in_the_chosen_language(string language, string expected, params string[] options)
    {
        var (code, stdout, stderr) = CliRunner.Run(["reliability", "--preset", "opt-175b-992", "--lang", language, .. options]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(expected, stderr.TrimEnd());
    }

    /// <summary>Terminal columns of a line: East Asian wide characters (CJK, full-width punctuation) take two.</summary>
    private static int DisplayWidth(string line) => line.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
        or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);

    [Fact]
    public void Control_characters_in_an_echoed_value_are_escaped()
    {
        Assert.Equal("pla\\u000Anets\\u001B", ReliabilityCommand.Printable("pla\nnets\u001b"));
    }
}
