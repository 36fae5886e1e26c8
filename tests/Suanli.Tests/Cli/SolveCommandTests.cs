using System.Globalization;
using System.Text.Json;

namespace Suanli.Tests.Cli;

/// <summary><c>suanli solve</c> (issue 12, goal seeking): on any model, checked against the model's own answers, and its refusals.</summary>
public class SolveCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    private static double Metric(JsonElement json, string key) => json.GetProperty("metrics").GetProperty(key).GetProperty("value").GetDouble();

    [Fact]
    public void The_rent_for_npv_zero_is_the_economics_engines_own_break_even()
    {
        // Two routes to one figure: the engine solves its economic break-even rent itself; solve varies the rent through --set.
        var solved = Json("solve", "--preset", "cn-2025-essay", "--target", "npv=0", "--vary", "site.rentPerKwMonth");
        var engine = Metric(Json("econ", "--preset", "cn-2025-essay"), "economicBreakEvenRentPerKwMonth");
        Assert.Equal(engine, solved.GetProperty("value").GetDouble(), engine * 1e-9);
        Assert.Equal("econ", solved.GetProperty("model").GetString());
        Assert.Equal("site.rentPerKwMonth", solved.GetProperty("path").GetString());
        Assert.Equal("npv", solved.GetProperty("metric").GetString());
        Assert.Equal(0, solved.GetProperty("target").GetDouble());
        Assert.Equal(300, solved.GetProperty("startValue").GetDouble());
    }

    [Fact]
    public void The_value_found_gives_the_target_when_the_model_is_run_with_it()
    {
        var solved = Json("solve", "--preset", "cn-2025-essay", "--target", "irr=0.10", "--vary", "site.rentPerKwMonth");
        var rent = solved.GetProperty("value").GetDouble();
        Assert.Equal(0.10, solved.GetProperty("achieved").GetDouble(), 1e-8);
        var econ = Json("econ", "--preset", "cn-2025-essay", "--set", "site.rentPerKwMonth=" + rent.ToString("R", CultureInfo.InvariantCulture));
        Assert.Equal(0.10, Metric(econ, "irr"), 1e-8);

        // Another model: the MFU at which Llama 3 405B trains in 60 days.
        var train = Json("solve", "--preset", "llama3-405b-h100", "--target", "wallClockDays=60", "--vary", "compute.training.mfu");
        Assert.Equal("train", train.GetProperty("model").GetString());
        var mfu = train.GetProperty("value").GetDouble();
        Assert.Equal(60, Metric(Json("train", "--preset", "llama3-405b-h100", "--set", "compute.training.mfu=" + mfu.ToString("R", CultureInfo.InvariantCulture)), "wallClockDays"), 1e-6);
    }

    [Fact]
    public void Every_model_on_the_seam_can_be_solved()
    {
        // layout: the rent for an 8 % IRR on the campus, checked by running layout with it.
        var layout = Json("solve", "--preset", "cn-200mw-campus-vs-5-sites", "--target", "campus.irr=0.08", "--vary", "site.rentPerKwMonth");
        Assert.Equal("layout", layout.GetProperty("model").GetString());
        var rent = layout.GetProperty("value").GetDouble().ToString("R", CultureInfo.InvariantCulture);
        Assert.Equal(0.08, Metric(Json("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "site.rentPerKwMonth=" + rent), "campus.irr"), 1e-8);

        // reliability: a target the model cannot reach over the input's whole range is refused with the range it covers.
        var (code, stdout, stderr) = CliRunner.Run("solve", "--preset", "cn-two-sites-1000km", "--target", "mttiHours=10", "--vary", "training.sites.distanceKm",
            "--model", "reliability");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("--target: no value of training.sites.distanceKm from 0 to 20000 brings mttiHours to 10: over that range it runs from", CliRunner.Flat(stderr),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_number_input_is_scanned_and_gives_the_nearest_whole_number()
    {
        var solved = Json("solve", "--preset", "llama3-405b-h100", "--target", "wallClockDays=60", "--vary", "compute.training.fleet[0].count",
            "--lower", "10000", "--upper", "30000");
        Assert.True(solved.GetProperty("isInteger").GetBoolean());
        var count = solved.GetProperty("value").GetDouble();
        Assert.Equal(Math.Round(count), count);
        var days = Metric(Json("train", "--preset", "llama3-405b-h100", "--set", "compute.training.fleet[0].count=" + count.ToString(CultureInfo.InvariantCulture)), "wallClockDays");
        var fewer = Metric(Json("train", "--preset", "llama3-405b-h100", "--set", "compute.training.fleet[0].count=" + (count - 1).ToString(CultureInfo.InvariantCulture)), "wallClockDays");
        var more = Metric(Json("train", "--preset", "llama3-405b-h100", "--set", "compute.training.fleet[0].count=" + (count + 1).ToString(CultureInfo.InvariantCulture)), "wallClockDays");
        Assert.True(Math.Abs(days - 60) <= Math.Abs(fewer - 60) && Math.Abs(days - 60) <= Math.Abs(more - 60));
    }

    [Theory]
    [InlineData(new[] { "--target", "irr=0.1", "--vary", "site.noSuchThing" }, "--vary: site.noSuchThing is not an input of the scenario schema")]
    [InlineData(new[] { "--target", "irr=0.1", "--vary", "site.powerPricing" }, "--vary: site.powerPricing is not a number")]
    [InlineData(new[] { "--target", "noSuchMetric=1", "--vary", "site.rentPerKwMonth" }, "--target: no model of the scenario has a metric named noSuchMetric")]
    [InlineData(new[] { "--target", "irr=5", "--vary", "site.rentPerKwMonth" }, "--target: no value of site.rentPerKwMonth from 0 to 1e+6 brings irr to 5")]
    [InlineData(new[] { "--target", "irr", "--vary", "site.rentPerKwMonth" }, "--target: 'irr' is not METRIC=VALUE")]
    [InlineData(new[] { "--target", "irr=NaN", "--vary", "site.rentPerKwMonth" }, "--target: 'irr=NaN' is not METRIC=VALUE")]
    [InlineData(new[] { "--target", "irr=0.1", "--vary", "site.rentPerKwMonth", "--set", "site.rentPerKwMonth=400" }, "--vary: site.rentPerKwMonth is also given with --set")]
    [InlineData(new[] { "--target", "irr=0.1", "--vary", "site.rentPerKwMonth", "--lower", "500", "--upper", "400" }, "--lower: the range searched, 500 to 400, is empty")]
    [InlineData(new[] { "--target", "irr=0.1", "--vary", "site.rentPerKwMonth", "--model", "train" }, "--model: the scenario has no section for the model train")]
    [InlineData(new[] { "--target", "irr=0.1", "--vary", "site.horizonYears", "--lower", "1", "--upper", "1e9" }, "--upper: 1e+9 is outside the range site.horizonYears allows")]
    public void Bad_requests_are_exit_2_naming_the_option(string[] args, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run(["solve", "--preset", "cn-2025-essay", .. args]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, CliRunner.Flat(stderr), StringComparison.Ordinal);
        Assert.Contains("(allowed: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_the_same_bytes_for_the_same_request()
    {
        var (_, a, _) = CliRunner.Run("solve", "--preset", "cn-2025-essay", "--target", "irr=0.08", "--vary", "site.vacancy", "--json");
        var (_, b, _) = CliRunner.Run("solve", "--preset", "cn-2025-essay", "--target", "irr=0.08", "--vary", "site.vacancy", "--json");
        Assert.Equal(a, b);
    }
}
