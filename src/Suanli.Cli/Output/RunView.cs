using Spectre.Console;
using Suanli.Analysis.Econ;
using Suanli.Analysis.Results;
using Suanli.Analysis.Run;
using Suanli.Reports;

namespace Suanli.Cli.Output;

/// <summary>The tables of <c>suanli run</c>: each section's own view in turn, and what is not evaluated yet.</summary>
internal static class RunView
{
    public static void Write(IAnsiConsole console, RunResult result, Words words, ViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        View.Header(console, words, result.Header, "cli.run.title",
            ("sections", string.Join(words["list.separator"], result.Sections.Select(s => s.Section))));
        foreach (var f in result.Findings)
        {
            View.Bullet(console, words, words.Finding(f));
        }

        if (result.Findings.Count > 0)
        {
            console.WriteLine();
        }

        foreach (var section in result.Sections.Where(s => s.Result is not null))
        {
            console.Write(new Rule(Markup.Escape(words.Format("cli.run.section", ("section", section.Section), ("command", section.Command)))).LeftJustified());
            console.WriteLine();
            Section(console, section.Result!, words, options);
        }
    }

    /// <summary>
    /// A section's result in its own command's view. A model's view is added here when its analysis joins
    /// <see cref="ModelRunners.BySection"/> (a test runs every preset through <c>run</c>, so a missing one fails).
    /// </summary>
    private static void Section(IAnsiConsole console, IModelResult result, Words words, ViewOptions options)
    {
        switch (result)
        {
            case EconResult econ:
                EconView.Write(console, econ, words, options);
                break;
            case Suanli.Analysis.Layout.LayoutAnalysisResult layout:
                LayoutView.Write(console, layout, words, options);
                break;
            case Suanli.Analysis.Reliability.ReliabilityResult reliability:
                ReliabilityView.Write(console, reliability, words, options);
                break;
            case Suanli.Analysis.Market.MarketResult market:
                MarketView.Write(console, market, words, options);
                break;
            case Suanli.Analysis.Cloud.CloudAnalysisResult cloud:
                CloudView.Write(console, cloud, words, options);
                break;
            case Suanli.Analysis.Multisite.MultisiteResult multisite:
                MultisiteView.Write(console, multisite, words, options);
                break;
            case Suanli.Analysis.Compute.TrainResult train:
                TrainView.Write(console, train, words, options);
                break;
            default:
                throw new NotSupportedException($"No view for {result.GetType().Name}: add it to RunView.Section.");
        }
    }
}
