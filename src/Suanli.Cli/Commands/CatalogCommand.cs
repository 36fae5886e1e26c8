using System.CommandLine;
using Suanli.Analysis.Compute;
using Suanli.Cli.Output;
using Suanli.Reports.Json;

namespace Suanli.Cli.Commands;

/// <summary><c>suanli catalog accelerators|models|exchange-rates</c>.</summary>
internal static class CatalogCommand
{
    public static Command Create(CliContext context)
    {
        var w = context.Words;
        Command Sub(string name, string description, Func<CatalogResult> evaluate)
        {
            var asJson = new Option<bool>("--json") { Description = w["compute.help.catalogJson"] };
            var sources = new Option<bool>("--sources") { Description = w["compute.help.sources"] };
            var wide = new Option<bool>("--wide") { Description = w["compute.help.catalogWide"] };
            var command = new Command(name, description) { asJson, sources, wide };
            command.SetAction(parse =>
            {
                var result = evaluate();
                var words = context.Words;
                return context.Emit(parse.GetValue(asJson), () => ReportJson.Serialize(CatalogJsonWriter.ToJson(result, words)),
                    console => CatalogView.Write(console, result, words, new ViewOptions(parse.GetValue(sources), parse.GetValue(wide))));
            });
            return command;
        }

        return new Command("catalog", w["compute.help.catalog"])
        {
            Sub("accelerators", w["compute.help.catalogAccelerators"], () => CatalogAnalysis.Accelerators()),
            Sub("models", w["compute.help.catalogModels"], () => CatalogAnalysis.Models()),
            Sub("exchange-rates", w["compute.help.catalogRates"], () => CatalogAnalysis.ExchangeRates()),
        };
    }
}
