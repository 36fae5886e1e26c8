using System.CommandLine;
using System.Text.RegularExpressions;
using Suanli.Cli;
using Suanli.Cli.Commands;

namespace Suanli.Tests.Cli;

/// <summary>
/// Errors of the command line as a user meets them: blamed on the --set that caused them, options with their real
/// range, values echoed as typed, the words of option checks translated, absurd capacities refused, a closed stdout said.
/// </summary>
public class CommandLineMessagesTests
{
    private static string OneError(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        return Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    // --- A check across fields points at the --set that broke it, and names that field --------------------------------

    [Theory]
    [InlineData("--set[1]:1:23: compute.training.ettr: ETTR 1e-301 makes the run's time, energy or cost too large for a number (allowed: ",
        "train", "--preset", "deepseek-v3-h800", "--set", "compute.training.ettr=1e-301")]
    [InlineData("--set[2]:1:14: layout.units: each standalone site (4 MW) would have design PUE 3.119, scaled from site.designPue 2.5 at 40 MW (allowed: ",
        "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "site.designPue=2.5", "--set", "layout.units=50")]
    [InlineData("--set[1]:1:20: site.terminalValue: terminalValue: exitMultiple needs terminalEbitdaMultiple (the price as a multiple of the last 12 months' EBITDA) (allowed: ",
        "econ", "--preset", "us-2025", "--set", "site.terminalValue=exitMultiple")]
    [InlineData("--set[1]:1:19: site.horizonYears: the land-use right of 50 years ends before the horizon does (51 years after construction starts) (allowed: ",
        "econ", "--preset", "cn-2025-essay", "--set", "site.horizonYears=49")]
    [InlineData("--set[2]:1:24: site.capex.land.tenure: freehold land has no useful life and is not depreciated, but usefulLifeYears is 50 (allowed: ",
        "econ", "--preset", "cn-2025-essay", "--set", "site.vacancy=0.3", "--set", "site.capex.land.tenure=freehold")]
    public void A_check_across_fields_is_located_at_the_set_that_caused_it(string expectedStart, params string[] args) =>
        Assert.StartsWith(expectedStart, OneError(args), StringComparison.Ordinal);

    [Fact]
    public void Without_a_set_the_same_checks_point_at_the_file()
    {
        // The ETTR written in the file: its own line, not the file's 1:1.
        var dir = Directory.CreateTempSubdirectory("suanli-");
        try
        {
            var path = Path.Combine(dir.FullName, "run.yaml");
            var yaml = Suanli.Scenarios.Presets.Text("deepseek-v3-h800")!;
            var lines = yaml.Split('\n');
            var i = Array.FindIndex(lines, l => l.TrimStart().StartsWith("mfu:", StringComparison.Ordinal));
            var indent = lines[i][..lines[i].IndexOf("mfu:", StringComparison.Ordinal)];
            var list = lines.ToList();
            list.Insert(i + 1, indent + "ettr: 1e-301");
            File.WriteAllText(path, string.Join('\n', list));
            Assert.StartsWith($"{path}:{i + 2}:{indent.Length + 7}: compute.training.ettr: ETTR 1e-301 makes", OneError("train", path), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        // A missing terminal multiple with the method in the file: at the site section, named as the missing key.
        var text = Suanli.Tests.Scenarios.ScenarioText.Valid + "\n  terminalValue: exitMultiple";
        var d = Assert.Single(Suanli.Scenarios.ScenarioLoader.FromText(text, "t.yaml").Diagnostics);
        Assert.Equal(("t.yaml", "site.terminalEbitdaMultiple"), (d.File, d.Path));
    }

    [Fact]
    public void Blame_prefers_a_set_among_the_paths_a_check_involves()
    {
        var inputs = new[]
        {
            new Suanli.Scenarios.Binding.InputValue("site.itCapacityMw", "10", "MW", null, Suanli.Scenarios.Binding.InputOrigin.File, "a.yaml", 4, 17),
            new Suanli.Scenarios.Binding.InputValue("site.phases[1].itMw", "6", "MW", null, Suanli.Scenarios.Binding.InputOrigin.Set, "--set[2]", 1, 21),
            new Suanli.Scenarios.Binding.InputValue("site.discountRate", "0.08", null, null, Suanli.Scenarios.Binding.InputOrigin.Default, "a.yaml", 0, 0),
        };
        Assert.Equal("site.phases[1].itMw", Suanli.Scenarios.Binding.Blame.Find(inputs, ["site.itCapacityMw", "site.phases"])!.Path);
        Assert.Equal("site.itCapacityMw", Suanli.Scenarios.Binding.Blame.Find(inputs, ["site.itCapacityMw", "site.phase"])!.Path);   // no prefix of a name
        Assert.Null(Suanli.Scenarios.Binding.Blame.Find(inputs, ["site.discountRate"]));                                            // a default is written nowhere
        Assert.Null(Suanli.Scenarios.Binding.Blame.SetAmong(inputs, ["site.itCapacityMw"]));
    }

    // --- Whole-number options say their own range ---------------------------------------------------------------------

    [Theory]
    [InlineData("command-line:1:1: --trials: expected a whole number, got 'abc' (allowed: a whole number of trials from 0 to 10,000,000, in digits or an exponent form such as 1e6 (no group separators))",
        "reliability", "--preset", "llama3-405b-16k", "--trials", "abc")]
    [InlineData("command-line:1:1: --trials: 99999999999 is outside [0, 10000000] (allowed: a whole number of trials from 0 to 10,000,000, in digits or an exponent form such as 1e6 (no group separators))",
        "reliability", "--preset", "llama3-405b-16k", "--trials", "99999999999")]
    [InlineData("command-line:1:1: --count: expected a whole number, got '1.5' (allowed: a whole number of accelerators from 1 to 100,000,000, in digits or an exponent form such as 1e6 (no group separators))",
        "train", "--model", "llama3-405b", "--count", "1.5")]
    [InlineData("command-line:1:1: --context: 10000000000 is outside [1, 100000000] (allowed: tokens per sequence from 1 to 100,000,000, in digits or an exponent form such as 1e6 (no group separators))",
        "infer", "--model", "deepseek-v3", "--accelerator", "h20", "--context", "10000000000")]
    [InlineData("command-line:1:1: --threads: 0 is outside [1, 1024] (allowed: a whole number of threads from 1 to 1,024, in digits or an exponent form such as 1e6 (no group separators))",
        "reliability", "--preset", "llama3-405b-16k", "--threads", "0")]
    public void A_whole_number_option_says_its_own_range(string expected, params string[] args) =>
        Assert.Equal(expected, OneError(args));

    [Fact]
    public void Every_whole_number_option_states_its_range_but_the_seed()
    {
        // A new whole-number option without a stated range would say −2,147,483,648 to 2,147,483,647 again.
        var root = CliApp.BuildRoot(new CliContext(TextWriter.Null, TextWriter.Null));
        var missing = new List<string>();
        void Walk(Command command)
        {
            foreach (var option in command.Options)
            {
                var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
                if (type.IsPrimitive && type != typeof(bool) && type != typeof(double) && type != typeof(float) && option.Name != "--seed" && OptionRanges.Of(option) is null)
                {
                    missing.Add($"{command.Name} {option.Name}");
                }
            }

            foreach (var sub in command.Subcommands)
            {
                Walk(sub);
            }
        }

        Walk(root);
        Assert.True(missing.Count == 0, "no range stated: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("zh-Hant", "command-line:1:1: --trials：此處應為整數，實際為「abc」（可接受：0 至 10,000,000 的模擬次數（整數），逐位書寫或寫成 1e6 這類指數形式（不加千分位分隔符））")]
    [InlineData("zh-Hans", "command-line:1:1: --trials：此处应为整数，实际为“abc”（可接受：0 至 10,000,000 的模拟次数（整数），逐位书写或写成 1e6 这类指数形式（不加千分位分隔符））")]
    public void The_range_of_an_option_reads_in_Chinese(string language, string expected) =>
        Assert.Equal(expected, OneError("reliability", "--preset", "llama3-405b-16k", "--trials", "abc", "--lang", language));

    // --- What an option takes, in the chosen language -------------------------------------------------------------------

    [Theory]
    [InlineData("zh-Hant", "command-line:1:1: --mfu：2 超出範圍 [0.001, 1]（可接受：[0.001, 1] 內的利用率：已公開的大型訓練約為峰值的 3%–55%（DeepSeek-V3 的 128K 長上下文擴展約 3%，MegaScale 為 55%）；低於 0.1% 時，算出的訓練時長、耗電與成本已不合常理）", "train", "--model", "llama3-405b", "--mfu", "2")]
    [InlineData("zh-Hans", "command-line:1:1: --fx-rmb-per-usd：0 超出范围 [1, 20]（可接受：[1, 20] 内的有限数值：1980 年以来人民币兑美元大致在 1.5（1980 年）至 8.7（1994 年）之间，超出此范围多为笔误（例如填成美元兑人民币汇率，或漏了小数点））", "train", "--model", "llama3-405b", "--fx-rmb-per-usd", "0")]
    [InlineData("zh-Hant", "command-line:1:1: --count：0 超出範圍 [1, 100000000]（可接受：1 至 100,000,000 的加速卡數量（整數），逐位書寫或寫成 1e6 這類指數形式（不加千分位分隔符））", "train", "--model", "llama3-405b", "--count", "0")]
    [InlineData("zh-Hans", "command-line:1:1: --memory-utilization：1.5 超出范围 (0, 1]（可接受：(0, 1] 内的显存占用比例）", "infer", "--model", "deepseek-v3", "--accelerator", "h20", "--memory-utilization", "1.5")]
    [InlineData("zh-Hant", "command-line:1:1: --occupancy：7 超出範圍 [0, 1]（可接受：[0, 1] 內的比例）", "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "7")]
    public void What_an_option_takes_reads_in_Chinese(string language, string expected, params string[] args) =>
        Assert.Equal(expected, OneError([.. args, "--lang", language]));

    [Fact]
    public void What_an_option_takes_reads_in_English_as_before() =>
        Assert.Equal("command-line:1:1: --tokens: 0.5 is outside (1, 1e+18] (allowed: a number of tokens, e.g. 1.5e13 in (1, 1e+18])", OneError("train", "--model", "llama3-405b", "--tokens", "0.5"));

    // --- Values as the user typed them; ranges in plain notation ---------------------------------------------------------

    [Theory]
    [InlineData("command-line:1:1: --tokens: 1e-9 is outside (1, 1e+18] (allowed: a number of tokens, e.g. 1.5e13 in (1, 1e+18])", "train", "--model", "llama3-405b", "--tokens", "1e-9")]
    [InlineData("command-line:1:1: --tokens: 2.0E19 is outside (1, 1e+18]", "train", "--model", "llama3-405b", "--tokens", "2.0E19")]
    [InlineData("command-line:1:1: --pue: 0.50 is outside [1, 3]", "train", "--model", "llama3-405b", "--pue", "0.50")]
    [InlineData("command-line:1:1: --mfu: 1e-300 is outside [0.001, 1]", "train", "--model", "llama3-405b", "--mfu", "1e-300")]
    [InlineData("command-line:1:1: --ettr: ETTR 1e-301 makes the run's time", "train", "--model", "llama3-405b", "--ettr", "1e-301")]
    [InlineData("--set[1]:1:35: site.capex.fitOut.usefulLifeYears: a useful life of 0.050 years is shorter than one month", "econ", "--preset", "us-2025", "--set", "site.capex.fitOut.usefulLifeYears=0.050")]
    public void A_value_is_echoed_as_typed(string expectedStart, params string[] args)
    {
        var line = OneError(args);
        Assert.StartsWith(expectedStart, line, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d\.?\d*E[+-]\d", line.Replace("2.0E19", string.Empty, StringComparison.Ordinal));
    }

    // --- Capacities below a few racks are refused, with the reason ----------------------------------------------------

    [Theory]
    [InlineData("--set[1]:1:19: site.itCapacityMw: 1e-300 is outside [0.01, 5000] MW (Suanli models a data center from 0.01 MW, 10 kW or a few racks: below that its per-MW costs, staff and PUE describe no real site) (allowed: a finite number in [0.01, 5000] MW)",
        "econ", "--preset", "cn-2025-essay", "--set", "site.itCapacityMw=1e-300")]
    [InlineData("--set[1]:1:18: layout.totalItMw: 1e-300 is outside [0.01, 100000] MW (Suanli models a data center from 0.01 MW, 10 kW or a few racks: below that its per-MW costs, staff and PUE describe no real site) (allowed: a finite number in [0.01, 100000] MW)",
        "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "layout.totalItMw=1e-300")]
    [InlineData("--set[1]:1:19: site.itCapacityMw：0.005 超出範圍 [0.01, 5000] MW（Suanli 以 0.01 MW（10 kW，約數個機櫃）為數據中心規模的下限：低於此值，按 MW 計的成本、人員配置與 PUE 都不再對應任何實際機房）（可接受：[0.01, 5000] MW 內的有限數值）",
        "econ", "--preset", "cn-2025-essay", "--set", "site.itCapacityMw=0.005", "--lang", "zh-Hant")]
    public void A_capacity_below_a_few_racks_is_refused_with_the_reason(string expected, params string[] args) =>
        Assert.Equal(expected, OneError(args));

    [Theory]
    [InlineData("econ", "--preset", "cn-2025-essay", "--set", "site.itCapacityMw=0.01", "--wide")]
    [InlineData("layout", "--preset", "cn-200mw-campus-vs-5-sites", "--set", "layout.totalItMw=0.01", "--wide")]
    [InlineData("reliability", "--preset", "llama3-405b-16k", "--set", "training.reliability.components[0].mtbfHours=1e-300")]
    [InlineData("train", "--model", "llama3-405b", "--ettr", "1e-290")]
    public void No_table_prints_a_figure_of_more_than_twenty_characters(params string[] args)
    {
        // The last two print rates of 1e+304 an hour and times of 1.56e+299: once table cells of 300 digits.
        var (code, stdout, _) = CliRunner.Run(args);
        Assert.Equal(0, code);
        var longest = Regex.Matches(stdout, @"[-+]?[\d,]+(\.\d+)?(e[-+]\d+)?%?").Select(m => m.Value).MaxBy(v => v.Length)!;
        Assert.True(longest.Length <= 20, $"'{longest}' ({longest.Length} characters)");
    }

    // --- A closed standard output ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("en", "suanli: error: standard output is closed or not open for writing, so the results cannot be written (run with stdout open, or redirect it to a file)")]
    [InlineData("zh-Hant", "suanli: 錯誤：標準輸出已關閉或不可寫入，結果無法寫出（請在標準輸出開啟時執行，或將其重新導向至檔案）")]
    public void A_closed_standard_output_is_said_in_one_line(string language, string expected)
    {
        // What .NET throws on Linux when fd 1 is closed (EBADF): "Access to the path is denied".
        using var stderr = new StringWriter();
        var code = CliApp.Run(["econ", "--preset", "cn-2025-essay", "--lang", language], new CliContext(new ClosedWriter(), stderr));
        Assert.Equal(1, code);
        Assert.Equal(expected, stderr.ToString().TrimEnd());
    }

    [Fact]
    public void Another_write_failure_is_said_as_before()
    {
        using var stderr = new StringWriter();
        var code = CliApp.Run(["essay"], new CliContext(new FullDiskWriter(), stderr));
        Assert.Equal(1, code);
        Assert.Equal("suanli: error: cannot write to standard output: No space left on device", stderr.ToString().TrimEnd());
    }

    [Fact]
    public void A_closed_standard_output_of_the_real_process_is_said_in_one_line()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "suanli.dll");
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", "exec dotnet \"$0\" econ --preset cn-2025-essay >&-", dll },
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["SUANLI_LANG"] = "en";
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));
        Assert.Equal(1, process.ExitCode);
        Assert.Equal("suanli: error: standard output is closed or not open for writing, so the results cannot be written (run with stdout open, or redirect it to a file)", stderr.TrimEnd());
    }

    private sealed class ClosedWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new UnauthorizedAccessException("Access to the path is denied.");
    }

    private sealed class FullDiskWriter : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => throw new IOException("No space left on device", 28);
    }
}
