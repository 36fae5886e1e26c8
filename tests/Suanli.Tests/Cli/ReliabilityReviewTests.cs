using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace Suanli.Tests.Cli;

/// <summary>The first-order ETTR outside the range where it means anything (review of issue 8, point 8).</summary>
public class ReliabilityReviewTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        return JsonDocument.Parse(stdout).RootElement;
    }

    private static string Interval(double minutes) => "training.checkpoint.intervalMinutes=" + minutes.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Where_the_first_order_holds_it_is_shown()
    {
        // llama3-405b-16k: M = 54 × 1,440 / 419 = 185.5847 min, C = 0.05 min, R = 3 + 7 = 10 min; at τ = 30 min
        // 1 - 0.05/30 - (15 + 10)/185.5847 = 0.863624.
        var json = Json("reliability", "--preset", "llama3-405b-16k", "--set", Interval(30), "--json");
        Assert.Equal(0.863624, json.GetProperty("ettrFirstOrder").GetDouble(), 1e-6);
        Assert.Equal(0.863624, json.GetProperty("metrics").GetProperty("ettrFirstOrder").GetProperty("value").GetDouble(), 1e-6);
        Assert.DoesNotContain(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "reliability.firstOrderDoesNotHold");
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(1e-300)]
    public void Outside_zero_to_one_the_first_order_is_null_with_a_note_and_dalys_ettr_stands(double minutes)
    {
        // Review of issue 8: at 0.01 min the table said "ETTR, first order -405.39 %" (1 - 0.05/0.01 - (0.005 + 10)/185.5847
        // = -4.0539) and at 1e-300 the JSON held "ettrFirstOrder": -5E+298.
        var json = Json("reliability", "--preset", "llama3-405b-16k", "--set", Interval(minutes), "--json");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ettrFirstOrder").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("metrics").GetProperty("ettrFirstOrder").GetProperty("value").ValueKind);
        var note = Assert.Single(json.GetProperty("notes").EnumerateArray(), n => n.GetProperty("code").GetString() == "reliability.firstOrderDoesNotHold");
        Assert.Equal(minutes, note.GetProperty("args").GetProperty("intervalMinutes").GetDouble());
        var ettr = json.GetProperty("ettrClosedForm").GetDouble();
        Assert.InRange(ettr, 0, 1);
        Assert.Equal(ettr, note.GetProperty("args").GetProperty("ettr").GetDouble());

        var (_, tables, _) = CliRunner.Run("reliability", "--preset", "llama3-405b-16k", "--set", Interval(minutes));
        Assert.DoesNotContain("405.39", tables, StringComparison.Ordinal);
        Assert.Contains("falls outside [0, 1], so it is not shown", CliRunner.Flat(tables), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-Hant", "一階近似不成立")]
    [InlineData("zh-Hans", "一阶近似不成立")]
    public void The_note_is_in_the_readers_language(string language, string expected)
    {
        var (code, tables, _) = CliRunner.Run("reliability", "--preset", "llama3-405b-16k", "--set", Interval(0.01), "--lang", language);
        Assert.Equal(0, code);
        Assert.Contains(expected, CliRunner.Flat(tables), StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_order_is_never_outside_zero_to_one_in_the_json()
    {
        // Any interval (1e-300 to 1e5 minutes, the schema's bound) and checkpoint time: the key is null or a ratio, never negative or absurd.
        Gen.Select(Gen.Double[-300, 5], Gen.Double[-3, 2]).Sample((logInterval, logCheckpoint) =>
        {
            var json = Json("reliability", "--preset", "llama3-405b-16k", "--set", Interval(Math.Pow(10, logInterval)),
                "--set", "training.checkpoint.blockingMinutes=" + Math.Pow(10, logCheckpoint).ToString("R", CultureInfo.InvariantCulture), "--json");
            var value = json.GetProperty("ettrFirstOrder");
            var noted = json.GetProperty("notes").EnumerateArray().Any(n => n.GetProperty("code").GetString() == "reliability.firstOrderDoesNotHold");
            return value.ValueKind == JsonValueKind.Null ? noted : !noted && value.GetDouble() is >= 0 and <= 1;
        }, iter: 40);
    }
}
