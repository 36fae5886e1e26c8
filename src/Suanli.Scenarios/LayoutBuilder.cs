using Suanli.Core;
using Suanli.Core.Economics;
using Suanli.Core.Layout;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;
using static Suanli.Scenarios.ScenarioBuilder;

namespace Suanli.Scenarios;

/// <summary>Builds <see cref="LayoutInputs"/> from the <c>layout</c> section and the reference <c>site</c>.</summary>
internal static class LayoutBuilder
{
    public static LayoutInputs? Build(LayoutDto l, SiteEconomics? site, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        // A check is located at its --set when one of the inputs it involves was set on the command line (Blame).
        void Error(string code, string path, MessageText message, MessageText allowed, params string[] involved) =>
            binder.Report(diagnostics, code, path, message, allowed, involved);

        // The old per-layout plant inputs made a campus of one hall differ from one standalone site of the same size;
        // they are refused with the keys that replace them rather than ignored.
        foreach (var (section, plantPue, plantShare) in new[] { ("campus", l.Campus?.DesignPue, l.Campus?.PueFixedShare), ("distributed", l.Distributed?.DesignPue, l.Distributed?.PueFixedShare) })
        {
            if (plantPue is { } pue)
            {
                var path = F($"layout.{section}.designPue");
                Error(DiagnosticCodes.UnknownKey, path, Messages.Of("diag2.layout.designPueRemoved", ("value", binder.Typed(path, pue))),
                    Messages.Of("diag2.layout.designPueRemoved.allowed"));
            }

            if (plantShare is { } share)
            {
                var path = F($"layout.{section}.pueFixedShare");
                Error(DiagnosticCodes.UnknownKey, path, Messages.Of("diag2.layout.fixedShareRemoved", ("value", binder.Typed(path, share))),
                    Messages.Of("diag2.layout.fixedShareRemoved.allowed"));
            }
        }

        if (site is null)
        {
            binder.Report(diagnostics, DiagnosticCodes.MissingSection, "site", Messages.Of("diag2.layout.noSite"), Messages.Of("diag2.layout.noSite.allowed"));
            return null;
        }

        var units = l.Units!.Value;
        var d = l.Distributed!;
        if (d.Sites is { } list && list.Count != units)
        {
            Error(DiagnosticCodes.Inconsistent, "layout.distributed.sites", Messages.Of("diag2.layout.sitesCount", ("count", F($"{list.Count}")), ("units", F($"{units}"))),
                Messages.Of("diag2.layout.sitesCount.allowed", ("units", F($"{units}"))), "layout.units");
        }

        var shared = l.SharedComponents!.ToHashSet();
        if (shared.Count != l.SharedComponents!.Count)
        {
            Error(DiagnosticCodes.Inconsistent, "layout.sharedComponents", Messages.Of("diag2.layout.sharedTwice"), Messages.Of("diag2.layout.sharedTwice.allowed"));
        }

        if (site.Phases.Count > 1)
        {
            Error(DiagnosticCodes.Inconsistent, "site.phases", Messages.Of("diag2.layout.onePhase"), Messages.Of("diag2.layout.onePhase.allowed"));
        }

        if (units > 1 && d.InterSiteDistanceKm == 0)
        {
            Error(DiagnosticCodes.Inconsistent, "layout.distributed.interSiteDistanceKm", Messages.Of("diag2.layout.zeroDistance", ("units", F($"{units}"))),
                Messages.Of("diag2.layout.zeroDistance.allowed"), "layout.units");
        }

        var inputs = new LayoutInputs
        {
            BaseSite = site,
            TotalItMw = l.TotalItMw!.Value,
            Units = units,
            ScaleExponent = l.ScaleExponent!.Value,
            StaffExponent = l.StaffExponent!.Value,
            PueOverheadExponent = l.PueOverheadExponent!.Value,
            SharedComponents = shared,
            Campus = new LayoutGrid(l.Campus!.GridEmissionKgPerKwh!.Value, l.Campus.ElectricityPricePerKwh),
            Distributed = new LayoutGrid(d.GridEmissionKgPerKwh!.Value, d.ElectricityPricePerKwh),
            DistributedSites = d.Sites?.Select(s => new SiteGrid(s.ElectricityPricePerKwh!.Value, s.GridEmissionKgPerKwh!.Value)).ToList(),
            InterSiteDistanceKm = d.InterSiteDistanceKm!.Value,
            Topology = d.Topology!.Value,
            NetworkGbpsPerLink = d.NetworkGbpsPerLink!.Value,
            NetworkCostPerKmGbpsYear = d.NetworkCostPerKmGbpsYear!.Value,
        };

        // The size curve extrapolates: keep every plant's design PUE inside the range site.designPue itself allows.
        foreach (var (plant, plantMw, involved) in new[]
        {
            ("diag2.layout.plant.campus", inputs.TotalItMw, new[] { "layout.totalItMw" }),
            ("diag2.layout.plant.site", inputs.UnitMw, ["layout.totalItMw", "layout.units"]),
        })
        {
            var pue = inputs.DesignPueAt(plantMw);
            if (!(pue <= MaxDesignPue))
            {
                Error(DiagnosticCodes.Implausible, "layout.pueOverheadExponent",
                    Messages.Of("diag2.layout.plantPue", ("plant", Messages.Of(plant)), ("mw", G6(plantMw)), ("pue", NumberFormat.Plain(pue, "G4")),
                        ("design", NumberFormat.Plain(site.DesignPue, "G4")), ("capacity", G6(site.ItCapacityMw))),
                    Messages.Of("diag2.layout.plantPue.allowed", ("max", F($"{MaxDesignPue}"))),
                    [.. involved, "site.designPue", "site.itCapacityMw"]);
            }
        }

        return inputs;
    }

    /// <summary>The highest design PUE site.designPue accepts; a plant scaled from it is held to the same bound.</summary>
    private const double MaxDesignPue = 3;
}
