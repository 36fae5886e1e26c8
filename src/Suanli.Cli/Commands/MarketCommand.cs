using System.CommandLine;
using Suanli.Analysis.Market;
using Suanli.Cli.Output;
using Suanli.Reports.Json;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli market</c>: the country-level picture (MODEL.md §6; this slice: investment per country, claim C3).</summary>
internal static class MarketCommand
{
    public static Command Create(CliContext context)
    {
        var words = context.Words;
        var input = new ScenarioInput();
        var year = new Option<int?>("--year") { Description = words["market.help.year"] }
            .Range(2000, 2100, CliMessages.Resource("market.error.year"));
        var json = new Option<bool>("--json") { Description = words["market.help.json"] };
        var inputs = new Option<bool>("--inputs") { Description = words["market.help.inputs"] };
        var wide = new Option<bool>("--wide") { Description = words["market.help.wide"] };
        var command = new Command("market", words["market.help.command"]);
        input.AddTo(command);
        command.Add(year);
        command.Add(json);
        command.Add(inputs);
        command.Add(wide);
        command.SetAction(parse =>
        {
            var checks = new OptionChecks(parse, context);
            var chosen = checks.Whole(year);
            if (checks.Failed)
            {
                return ExitCodes.InvalidInput;
            }

            if (input.LoadSection(parse, context, "market", "market", s => s.Market) is not var (scenario, market))
            {
                return ExitCodes.InvalidInput;
            }

            if (Scenarios.MarketChecks.Check(scenario, chosen ?? market.Year, chosen is not null) is { } refused)
            {
                context.Report(refused);
                return ExitCodes.InvalidInput;
            }

            var result = MarketAnalysis.Evaluate(scenario, new MarketOptions(chosen), null, context.Cancellation);
            return context.Emit(parse.GetValue(json), () => ReportJson.Serialize(MarketJsonWriter.ToJson(result, words)),
                console => MarketView.Write(console, result, words, new ViewOptions(parse.GetValue(inputs), parse.GetValue(wide))));
        });
        return command;
    }
}
