using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Suanli.Tests.Cli;

/// <summary><c>suanli sweep</c> (issue 13, first slice): grids agree with single runs, categorical axes, CSV, refusals.</summary>
public class SweepCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    private static double Metric(JsonElement json, string key) => json.GetProperty("metrics").GetProperty(key).GetProperty("value").GetDouble();

    [Fact]
    public void A_rent_by_vacancy_grid_agrees_with_single_runs()
    {
        // 0.05:0.45:3 is 0.05, 0.25, 0.45; 250:450:5 is 250, 300, …, 450: 15 cells, the last axis fastest.
        var grid = Json("sweep", "--preset", "cn-2025-essay", "--vary", "site.rentPerKwMonth=250:450:5", "--vary", "site.vacancy=0.05:0.45:3", "--output", "npv");
        var rows = grid.GetProperty("grid").EnumerateArray().ToList();
        Assert.Equal(15, rows.Count);
        Assert.Equal(["250", "300", "350", "400", "450"], grid.GetProperty("axes")[0].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["0.05", "0.25", "0.45"], grid.GetProperty("axes")[1].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        foreach (var i in new[] { 0, 7, 14 })
        {
            var values = rows[i].GetProperty("values");
            var rent = values.GetProperty("site.rentPerKwMonth").GetString()!;
            var vacancy = values.GetProperty("site.vacancy").GetString()!;
            var single = Metric(Json("econ", "--preset", "cn-2025-essay", "--set", "site.rentPerKwMonth=" + rent, "--set", "site.vacancy=" + vacancy), "npv");
            Assert.Equal(single, rows[i].GetProperty("value").GetDouble(), 6);
        }
    }

    [Fact]
    public void Evenly_spaced_points_are_the_decimals_one_would_write()
    {
        var grid = Json("sweep", "--preset", "cn-2025-essay", "--vary", "site.vacancy=0.05:0.45:9", "--output", "irr");
        Assert.Equal(["0.05", "0.1", "0.15", "0.2", "0.25", "0.3", "0.35", "0.4", "0.45"],
            grid.GetProperty("axes")[0].GetProperty("values").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public void A_categorical_axis_compares_chips_and_says_which_the_model_refuses()
    {
        var grid = Json("sweep", "--preset", "deepseek-v3-h800", "--vary", "compute.training.fleet[0].accelerator=h800,h20,ascend-910c", "--output", "acceleratorHours");
        var rows = grid.GetProperty("grid").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        var h20 = Metric(Json("train", "--preset", "deepseek-v3-h800", "--set", "compute.training.fleet[0].accelerator=h20"), "acceleratorHours");
        Assert.Equal(h20, rows[1].GetProperty("value").GetDouble(), 3);

        // The run is in FP8 and the 910C has none: that cell is refused, said, not dropped.
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("value").ValueKind);
        Assert.Contains("fp8", rows[2].GetProperty("refused").GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_grid_is_written_to_csv_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), $"suanli-sweep-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, _, stderr) = CliRunner.Run("sweep", "--preset", "cn-2025-essay", "--vary", "site.vacancy=0.1:0.3:3", "--output", "irr", "--csv", path);
            Assert.True(code == 0, stderr);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd('\n').Split('\n');
            Assert.Equal("site.vacancy,irr", lines[0]);
            Assert.Equal(4, lines.Length);
            Assert.StartsWith("0.2,", lines[2], StringComparison.Ordinal);
            Assert.True(double.TryParse(lines[2].Split(',')[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _));

            var (bad, stdout, badError) = CliRunner.Run("sweep", "--preset", "cn-2025-essay", "--vary", "site.vacancy=0.1:0.3:3", "--output", "irr", "--csv", "/no/such/dir/x.csv");
            Assert.Equal(2, bad);
            Assert.Empty(stdout);
            Assert.Contains("--csv: cannot write /no/such/dir/x.csv", badError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new[] { "--vary", "site.vacancy" }, "--vary: site.vacancy is not PATH=FROM:TO:STEPS or PATH=a,b,c")]
    [InlineData(new[] { "--vary", "site.vacancy=0.1:0.3:1" }, "--vary: 0.1:0.3:1 is not FROM:TO:STEPS")]
    [InlineData(new[] { "--vary", "site.vacancy=0.1:NaN:3" }, "--vary: 0.1:NaN:3 is not FROM:TO:STEPS")]
    [InlineData(new[] { "--vary", "site.nothing=1:2:3" }, "--vary: site.nothing is not an input of the scenario schema")]
    [InlineData(new[] { "--vary", "site.vacancy=0:0.4:200", "--vary", "site.rentPerKwMonth=100:500:200" }, "--vary: the grid has 40000 cells")]
    [InlineData(new[] { "--vary", "site.vacancy=0:0.4:3", "--vary", "site.vacancy=0:0.4:3" }, "--vary: site.vacancy is varied twice")]
    public void Bad_grids_are_exit_2_naming_the_option(string[] args, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run(["sweep", "--preset", "cn-2025-essay", "--output", "npv", .. args]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, CliRunner.Flat(stderr), StringComparison.Ordinal);
        Assert.Contains("(allowed: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_output_lists_the_metrics()
    {
        var (code, _, stderr) = CliRunner.Run("sweep", "--preset", "cn-2025-essay", "--vary", "site.vacancy=0:0.4:3", "--output", "nope");
        Assert.Equal(2, code);
        Assert.Contains("--output: no model of the scenario has a metric named nope (allowed: ", CliRunner.Flat(stderr), StringComparison.Ordinal);
        Assert.Contains("irr", stderr, StringComparison.Ordinal);
    }
}

/// <summary><c>suanli sensitivity</c> (issue 13, first slice): a one-at-a-time tornado over the model's stated numbers.</summary>
public class SensitivityCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    [Fact]
    public void Bars_are_single_runs_at_each_end_ranked_by_swing()
    {
        var json = Json("sensitivity", "--preset", "cn-2025-essay", "--output", "irr", "--change", "0.1");
        var bars = json.GetProperty("tornado").EnumerateArray().ToList();
        Assert.True(bars.Count > 10);
        var swings = bars.Where(b => b.GetProperty("swing").ValueKind == JsonValueKind.Number).Select(b => b.GetProperty("swing").GetDouble()).ToList();
        Assert.Equal(swings.OrderDescending(), swings);

        // The rent's bar: 300 ± 10 % = 270 and 330, each the IRR econ gives with that rent.
        var rent = bars.Single(b => b.GetProperty("input").GetString() == "site.rentPerKwMonth");
        Assert.Equal(270, rent.GetProperty("lowValue").GetDouble(), 9);
        Assert.Equal(330, rent.GetProperty("highValue").GetDouble(), 9);
        var (_, at330, _) = CliRunner.Run("econ", "--preset", "cn-2025-essay", "--set", "site.rentPerKwMonth=330", "--json");
        Assert.Equal(JsonDocument.Parse(at330).RootElement.GetProperty("irr").GetDouble(), rent.GetProperty("high").GetDouble(), 12);
        Assert.Equal(json.GetProperty("base").GetDouble(), Json("econ", "--preset", "cn-2025-essay").GetProperty("irr").GetDouble(), 12);
    }

    [Fact]
    public void A_bad_change_or_output_is_refused()
    {
        var (code, stdout, stderr) = CliRunner.Run("sensitivity", "--preset", "cn-2025-essay", "--output", "irr", "--change", "1.5");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("--change", stderr, StringComparison.Ordinal);
        var (code2, _, stderr2) = CliRunner.Run("sensitivity", "--preset", "cn-2025-essay", "--output", "nope");
        Assert.Equal(2, code2);
        Assert.Contains("--output: no model of the scenario has a metric named nope", CliRunner.Flat(stderr2), StringComparison.Ordinal);
    }
}

/// <summary>What the review of the sweep and the tornado asked to be refused or said.</summary>
public class SweepReviewTests
{
    private static JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    private static List<string?> Codes(JsonElement json) => [.. json.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("code").GetString())];

    [Theory]
    [InlineData("site.rentPerKwMonth=250:450", "--vary: expected a number, got '250:450'")]
    [InlineData("site.vacancy=-1:2:4", "--vary: -1 is outside [0, 1]")]
    [InlineData("site.powerPricing=included,bogus", "--vary")]
    [InlineData("site.phases[5].itMw=1,2", "--vary: the scenario has no such list item to set")]
    public void A_value_its_path_cannot_take_is_refused_before_the_grid(string vary, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run("sweep", "--preset", "cn-2025-essay", "--output", "npv", "--vary", vary);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains(expected, CliRunner.Flat(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_cell_carries_its_own_currency()
    {
        var grid = Json("sweep", "--preset", "deepseek-v3-h800", "--vary", "currency=USD,RMB", "--output", "cost");
        Assert.Equal(["USD", "RMB"], grid.GetProperty("grid").EnumerateArray().Select(r => r.GetProperty("currency").GetString()));
    }

    [Fact]
    public void A_metric_the_model_never_gives_and_merged_points_are_said()
    {
        Assert.Contains("sweep.undefined", Codes(Json("sweep", "--preset", "cn-2025-essay", "--vary", "site.rentPerKwMonth=300,400", "--output", "equityIrr")));
        var merged = Json("sweep", "--preset", "cn-2025-essay", "--vary", "site.horizonYears=10:12:5", "--output", "npv");
        Assert.Equal(3, merged.GetProperty("grid").GetArrayLength());
        Assert.Contains("sweep.merged", Codes(merged));
    }

    [Fact]
    public void A_layout_tornado_moves_the_site_inputs_too_and_a_change_that_moves_nothing_is_refused()
    {
        var json = Json("sensitivity", "--preset", "us-400mw-campus-vs-4-sites", "--output", "campus.npv");
        Assert.Equal("site.rentPerKwMonth", json.GetProperty("tornado")[0].GetProperty("input").GetString());

        var (code, stdout, stderr) = CliRunner.Run("sensitivity", "--preset", "cn-2025-essay", "--output", "npv", "--change", "1e-300");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("--change: no input moves", CliRunner.Flat(stderr), StringComparison.Ordinal);
    }
}
