using Suanli.Scenarios;

namespace Suanli.Tests.Cli;

public class DocsTests
{
    [Fact]
    public void The_scenario_reference_is_up_to_date()
    {
        var path = Path.Combine(CliRunner.RepoRoot(), "docs", "scenario-reference.md");
        var expected = ScenarioReference.Markdown();
        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : string.Empty;
        Assert.True(expected == actual, "docs/scenario-reference.md is stale: run  dotnet run --project src/Suanli.Cli -- schema > docs/scenario-reference.md");
    }

    [Fact]
    public void The_scenario_reference_lists_every_path_set_can_reach()
    {
        var reference = ScenarioReference.Markdown();
        foreach (var path in new[]
        {
            "site.rentPerKwMonth", "site.vacancy", "site.electricityPricePerKwh", "site.discountRate",
            "site.itCapacityMw", "site.designPue", "site.incomeTaxRate", "site.capex.<component>.costPerMw", "site.phases[i].itMw",
        })
        {
            Assert.Contains($"`{path}`", reference, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_readme_example_runs()
    {
        var root = CliRunner.RepoRoot();
        var readme = File.ReadAllLines(Path.Combine(root, "README.md"));
        var commands = ReadmeCommands(readme).ToList();
        Assert.True(commands.Count >= 5, "the README should show its commands");
        foreach (var (line, args) in commands)
        {
            var resolved = args.Select(a => File.Exists(Path.Combine(root, a)) ? Path.Combine(root, a) : a).ToArray();
            var (code, stdout, stderr) = CliRunner.Run(resolved);
            Assert.True(code == 0, $"README line '{line}' exited {code}: {stderr}");
            Assert.False(string.IsNullOrWhiteSpace(stdout), $"README line '{line}' printed nothing");
        }
    }

    /// <summary>The suanli invocations in the README's shell blocks (as `suanli …` or `dotnet run --project src/Suanli.Cli -- …`).</summary>
    private static IEnumerable<(string Line, string[] Args)> ReadmeCommands(string[] lines)
    {
        const string dotnetRun = "dotnet run --project src/Suanli.Cli -- ";
        var inShell = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && line is "```sh" or "```bash" or "```shell";
                continue;
            }

            if (!inShell || line.Contains('>', StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line.StartsWith(dotnetRun, StringComparison.Ordinal) ? line[dotnetRun.Length..]
                : line.StartsWith("suanli ", StringComparison.Ordinal) ? line["suanli ".Length..]
                : null;
            if (rest is not null)
            {
                yield return (line, SplitArgs(rest));
            }
        }
    }

    private static string[] SplitArgs(string text)
    {
        var args = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0)
                {
                    args.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            args.Add(current.ToString());
        }

        return [.. args];
    }
}
