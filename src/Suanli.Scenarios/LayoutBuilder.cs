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
        void Error(string path, string message, string allowed) => binder.Report(diagnostics, DiagnosticCodes.Inconsistent, path, message, allowed);

        if (site is null)
        {
            binder.Report(diagnostics, DiagnosticCodes.MissingSection, "site", "a layout scales a reference site, and the scenario has no site section", "a site section (the reference site, at site.itCapacityMw)");
            return null;
        }

        var units = l.Units!.Value;
        var d = l.Distributed!;
        if (d.Sites is { } list && list.Count != units)
        {
            Error("layout.distributed.sites", F($"{list.Count} sites listed for {units} units"), F($"exactly {units} items, or none"));
        }

        var shared = l.SharedComponents!.ToHashSet();
        if (shared.Count != l.SharedComponents!.Count)
        {
            Error("layout.sharedComponents", "a component is listed twice", "each of land, building, electrical, mechanical, fitOut, softCosts at most once");
        }

        if (site.Phases.Count > 1)
        {
            Error("site.phases", "the reference site of a layout is built in one phase", "no site.phases (each hall or site opens at once)");
        }

        if (units > 1 && d.InterSiteDistanceKm == 0)
        {
            Error("layout.distributed.interSiteDistanceKm", "distributed sites cannot be 0 km apart", "a distance above 0 km");
        }

        return new LayoutInputs
        {
            BaseSite = site,
            TotalItMw = l.TotalItMw!.Value,
            Units = units,
            ScaleExponent = l.ScaleExponent!.Value,
            StaffExponent = l.StaffExponent!.Value,
            SharedComponents = shared,
            Campus = new LayoutPlant(l.Campus!.DesignPue!.Value, l.Campus.PueFixedShare!.Value, l.Campus.GridEmissionKgPerKwh!.Value, l.Campus.ElectricityPricePerKwh),
            Distributed = new LayoutPlant(d.DesignPue!.Value, d.PueFixedShare!.Value, d.GridEmissionKgPerKwh!.Value, d.ElectricityPricePerKwh),
            DistributedSites = d.Sites?.Select(s => new SiteGrid(s.ElectricityPricePerKwh!.Value, s.GridEmissionKgPerKwh!.Value)).ToList(),
            InterSiteDistanceKm = d.InterSiteDistanceKm!.Value,
            Topology = d.Topology!.Value,
            NetworkGbpsPerLink = d.NetworkGbpsPerLink!.Value,
            NetworkCostPerKmGbpsYear = d.NetworkCostPerKmGbpsYear!.Value,
        };
    }
}
