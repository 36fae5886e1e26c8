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
        // A --set list override is located at its --set, not at the list it replaces in the file.
        void Error(string code, string path, string message, string allowed)
        {
            if (binder.Inputs.TryGetValue(path, out var input) && input.Origin == InputOrigin.Set)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, code, input.File, input.Line, input.Column, path, message, allowed));
            }
            else
            {
                binder.Report(diagnostics, code, path, message, allowed);
            }
        }

        // The old per-layout plant inputs made a campus of one hall differ from one standalone site of the same size;
        // they are refused with the keys that replace them rather than ignored.
        foreach (var (section, plantPue, plantShare) in new[] { ("campus", l.Campus?.DesignPue, l.Campus?.PueFixedShare), ("distributed", l.Distributed?.DesignPue, l.Distributed?.PueFixedShare) })
        {
            if (plantPue is { } pue)
            {
                Error(DiagnosticCodes.UnknownKey, F($"layout.{section}.designPue"),
                    F($"{pue:G6} given, but this key was removed: a plant's design PUE now follows its size, 1 + (site.designPue - 1) x (P / site.itCapacityMw)^(b_pue - 1) with b_pue = layout.pueOverheadExponent"),
                    "no layout.campus.designPue or layout.distributed.designPue; set site.designPue (the reference site's) and layout.pueOverheadExponent");
            }

            if (plantShare is { } share)
            {
                Error(DiagnosticCodes.UnknownKey, F($"layout.{section}.pueFixedShare"),
                    F($"{share:G6} given, but this key was removed: every plant has the reference site's fixed share of overhead, site.pueFixedShare"),
                    "no layout.campus.pueFixedShare or layout.distributed.pueFixedShare; set site.pueFixedShare");
            }
        }

        if (site is null)
        {
            binder.Report(diagnostics, DiagnosticCodes.MissingSection, "site", "a layout scales a reference site, and the scenario has no site section", "a site section (the reference site, at site.itCapacityMw)");
            return null;
        }

        var units = l.Units!.Value;
        var d = l.Distributed!;
        if (d.Sites is { } list && list.Count != units)
        {
            Error(DiagnosticCodes.Inconsistent, "layout.distributed.sites", F($"{list.Count} sites listed for {units} units"), F($"exactly {units} items, or none"));
        }

        var shared = l.SharedComponents!.ToHashSet();
        if (shared.Count != l.SharedComponents!.Count)
        {
            Error(DiagnosticCodes.Inconsistent, "layout.sharedComponents", "a component is listed twice", "each of land, building, electrical, mechanical, fitOut, softCosts at most once");
        }

        if (site.Phases.Count > 1)
        {
            Error(DiagnosticCodes.Inconsistent, "site.phases", "the reference site of a layout is built in one phase", "no site.phases (each hall or site opens at once)");
        }

        if (units > 1 && d.InterSiteDistanceKm == 0)
        {
            Error(DiagnosticCodes.Inconsistent, "layout.distributed.interSiteDistanceKm", F($"{units} distributed sites cannot be 0 km apart"), "a distance above 0 km, or layout.units = 1");
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
        foreach (var (what, plantMw) in new[] { ("the campus", inputs.TotalItMw), ("each standalone site", inputs.UnitMw) })
        {
            var pue = inputs.DesignPueAt(plantMw);
            if (!(pue <= MaxDesignPue))
            {
                Error(DiagnosticCodes.Implausible, "layout.pueOverheadExponent",
                    F($"{what} ({plantMw:G6} MW) would have design PUE {pue:G4}, scaled from site.designPue {site.DesignPue:G4} at {site.ItCapacityMw:G6} MW"),
                    F($"a design PUE of at most {MaxDesignPue} at every plant size: an exponent nearer 1, or plants nearer site.itCapacityMw"));
            }
        }

        return inputs;
    }

    /// <summary>The highest design PUE site.designPue accepts; a plant scaled from it is held to the same bound.</summary>
    private const double MaxDesignPue = 3;
}
