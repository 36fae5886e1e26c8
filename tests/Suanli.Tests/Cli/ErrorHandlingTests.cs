using System.Text;
using Suanli.Cli;

namespace Suanli.Tests.Cli;

public class ErrorHandlingTests
{
    private const string DiagnosticLine = @"^[^\s:]+:\d+:\d+: [^:]+: .+ \(allowed: .+\)$";

    private static void AssertInvalidInput((int ExitCode, string Out, string Error) run)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);                     // never a partly written output
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);   // never a stack trace
        foreach (var line in run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Matches(DiagnosticLine, line.TrimEnd('\r'));
            Assert.DoesNotContain(line.TrimEnd('\r'), char.IsControl);
        }
    }

    [Fact]
    public void A_bad_set_value_is_exit_2_with_a_located_message()
    {
        var run = CliRunner.Run("econ", "--preset", "cn-2025-essay", "--set", "site.vacancy=1.5", "--json");
        AssertInvalidInput(run);
        Assert.StartsWith("--set[1]:1:14: site.vacancy: 1.5 is outside [0, 1]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_is_exit_2_with_file_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("suanli-");
        try
        {
            var path = Path.Combine(dir.FullName, "bad.yaml");
            File.WriteAllText(path, Suanli.Tests.Scenarios.ScenarioText.WithLine(Suanli.Tests.Scenarios.ScenarioText.DesignPueLine, "  designPue: 0.8"));
            var run = CliRunner.Run("econ", path);
            AssertInvalidInput(run);
            Assert.StartsWith($"{path}:{Suanli.Tests.Scenarios.ScenarioText.DesignPueLine}:14: site.designPue:", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // Each case names the field at fault, so that the test fails if the option or check it is about disappears.
    [Theory]
    [InlineData("command-line:1:1: usage: give a scenario file or --preset NAME", "econ")]
    [InlineData("command-line:1:1: usage: give either a scenario file or --preset, not both", "econ", "a.yaml", "--preset", "us-2025")]
    [InlineData("command-line:1:1: --preset: unknown preset 'nope'", "econ", "--preset", "nope")]
    [InlineData("/no/such/file.yaml:1:1: (scenario): cannot read the scenario: no such file", "econ", "/no/such/file.yaml")]
    [InlineData("command-line:1:1: usage: unknown option '--bogus' (allowed: the options of 'suanli econ': --preset, --set,", "econ", "a.yaml", "--preset", "us-2025", "--bogus")]
    [InlineData("command-line:1:1: usage: 'frobnicate' is not one of the choices (allowed: one of: econ, layout, reliability, multisite, market, cloud, train, infer, catalog", "frobnicate")]
    [InlineData("command-line:1:1: name: unknown preset 'nope'", "presets", "show", "nope")]
    [InlineData("command-line:1:1: --sweep: unknown sweep 'foo' (allowed: sites, distance)", "reliability", "--preset", "llama3-405b-16k", "--sweep", "foo")]
    [InlineData("command-line:1:1: --sweep: unknown sweep '7' (allowed: sites, distance)", "reliability", "--preset", "llama3-405b-16k", "--sweep", "7")]
    [InlineData("command-line:1:1: --precision: 'fp4' is not one of the choices (allowed: one of: bf16, fp8)", "train", "--model", "llama3-405b", "--precision", "fp4")]
    [InlineData("command-line:1:1: --currency: 'EUR' is not one of the choices (allowed: one of: RMB, USD)", "train", "--model", "llama3-405b", "--currency", "EUR")]
    [InlineData("command-line:1:1: --trials: expected a whole number, got '2.5'", "reliability", "--preset", "llama3-405b-16k", "--trials", "2.5")]
    [InlineData("command-line:1:1: --seed: -1 is outside [0, 18446744073709551615]", "reliability", "--preset", "llama3-405b-16k", "--seed", "-1")]
    [InlineData("command-line:1:1: --count: 1e12 is outside [1, 100000000] (allowed: a whole number of accelerators from 1 to 100,000,000", "train", "--model", "llama3-405b", "--count", "1e12")]
    [InlineData("command-line:1:1: --mfu: 'NaN' is not a finite number", "train", "--model", "llama3-405b", "--mfu", "NaN")]
    [InlineData("command-line:1:1: --mfu: 'Infinity' is not a finite number", "train", "--model", "llama3-405b", "--mfu", "Infinity")]
    [InlineData("command-line:1:1: --tokens: expected a number, got '١٥'", "train", "--model", "llama3-405b", "--tokens", "١٥")]
    [InlineData("command-line:1:1: --occupancy: '80%' is a percentage", "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "80%")]
    [InlineData("command-line:1:1: --occupancy: expected a number, got '0,8' (decimals take a point", "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--occupancy", "0,8")]
    [InlineData("command-line:1:1: --sweep: 'x' is not something to sweep (allowed: occupancy)", "layout", "--preset", "cn-200mw-campus-vs-5-sites", "--sweep", "x")]
    public void Usage_errors_are_exit_2_naming_the_field_without_output(string expected, params string[] args)
    {
        var run = CliRunner.Run(args);
        AssertInvalidInput(run);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_never_leaks_a_dotnet_type_name_or_spans_lines()
    {
        var run = CliRunner.Run("reliability", "--preset", "llama3-405b-16k", "--sweep", "foo");
        AssertInvalidInput(run);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Suanli.Core", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_help_hint_names_the_whole_command()
    {
        var run = CliRunner.Run("presets", "show");
        AssertInvalidInput(run);
        Assert.Contains("(allowed: see 'suanli presets show --help')", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_in_any_echoed_value_are_escaped()
    {
        var escape = "\u001b[2J\u001b]0;pwned\u0007";
        foreach (var args in new[]
        {
            new[] { "econ", "--preset", "cn-2025-essay", "--set", "site.vacancy=0.1\n" + escape },
            ["econ", "--preset", "nope\n" + escape],
            ["econ", "/tmp/no\n" + escape + ".yaml"],
            ["train", "--model", "x\n" + escape],
            ["train", "--model", "llama3-405b", "--mfu", "0.5\n" + escape],
            ["reliability", "--preset", "llama3-405b-16k", "--sweep", "sites\n" + escape],
        })
        {
            var run = CliRunner.Run(args);
            AssertInvalidInput(run);
            Assert.Contains("\\u001B[2J", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Response_files_are_not_expanded()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "--preset\ncn-2025-essay\n");
            var run = CliRunner.Run("econ", "@" + path);
            AssertInvalidInput(run);
            Assert.StartsWith($"@{path}:1:1: (scenario): cannot read the scenario: no such file", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_full_stdout_is_an_io_error_in_one_line_not_a_bug()
    {
        // suanli econ --preset cn-2025-essay > /dev/full
        using var stderr = new StringWriter();
        var code = CliApp.Run(["econ", "--preset", "cn-2025-essay", "--json"], new CliContext(new FailingWriter(28, "No space left on device"), stderr));
        Assert.Equal(1, code);
        Assert.Equal("suanli: error: cannot write to standard output: No space left on device", stderr.ToString().TrimEnd());
    }

    [Fact]
    public void A_full_stderr_is_exit_1_not_an_abort()
    {
        // suanli econ nope.yaml 2> /dev/full — the error handler itself used to throw (exit 134).
        using var stdout = new StringWriter();
        var code = CliApp.Run(["econ", "nope.yaml"], new CliContext(stdout, new FailingWriter(28, "No space left on device")));
        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public void A_closed_pipe_on_stdout_ends_quietly()
    {
        // suanli econ --preset cn-2025-essay | head -1
        using var stderr = new StringWriter();
        var code = CliApp.Run(["econ", "--preset", "cn-2025-essay"], new CliContext(new FailingWriter(32, "Broken pipe", afterChars: 100), stderr));
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr.ToString());
    }

    [Fact]
    public void Help_is_exit_0()
    {
        var (code, stdout, _) = CliRunner.Run("econ", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--set", stdout, StringComparison.Ordinal);
    }

    /// <summary>A stream that fails as a full disk (errno 28) or a closed pipe (errno 32) does, after some characters.</summary>
    private sealed class FailingWriter(int errno, string message, int afterChars = 0) : TextWriter
    {
        private int written;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (++written > afterChars)
            {
                throw new IOException(message, errno);
            }
        }
    }
}
