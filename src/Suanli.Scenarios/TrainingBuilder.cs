using Suanli.Core;
using Suanli.Core.Reliability;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;
using static Suanli.Scenarios.ScenarioBuilder;

namespace Suanli.Scenarios;

/// <summary>Builds <see cref="TrainingReliability"/> from the bound <c>training</c> section and checks what spans keys.</summary>
internal static class TrainingBuilder
{
    public static TrainingReliability Build(TrainingDto t, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        void Error(string path, MessageText message, MessageText allowed, params string[] involved) =>
            binder.Report(diagnostics, DiagnosticCodes.Inconsistent, path, message, allowed, involved);

        var cluster = t.Cluster!;
        var job = t.Job!;
        var sites = t.Sites!;
        var wan = t.Wan;
        var perNode = cluster.AcceleratorsPerNode!.Value;
        var clusterAccelerators = cluster.Accelerators!.Value;
        var jobAccelerators = job.Accelerators!.Value;
        var spares = job.SpareNodes!.Value;

        if (jobAccelerators > clusterAccelerators)
        {
            Error("training.job.accelerators", Messages.Of("diag2.training.jobExceedsCluster", ("job", F($"{jobAccelerators:#,0}")), ("cluster", F($"{clusterAccelerators:#,0}"))),
                Messages.Of("diag2.training.jobExceedsCluster.allowed", ("cluster", F($"{clusterAccelerators:#,0}"))), "training.cluster.accelerators");
        }
        else
        {
            var jobNodes = (jobAccelerators + perNode - 1) / perNode;
            var clusterNodes = clusterAccelerators / perNode;
            if (jobNodes + spares > clusterNodes)
            {
                Error("training.job.spareNodes",
                    Messages.Of("diag2.training.sparesExceed", ("jobNodes", F($"{jobNodes:#,0}")), ("spares", F($"{spares:#,0}")), ("clusterNodes", F($"{clusterNodes:#,0}"))),
                    Messages.Of("diag2.training.sparesExceed.allowed", ("max", F($"{Math.Max(0, clusterNodes - jobNodes):#,0}"))),
                    "training.job.accelerators", "training.cluster.accelerators", "training.cluster.acceleratorsPerNode");
            }
        }

        var siteCount = sites.Count!.Value;
        if (siteCount > 1 && wan is null)
        {
            Error("training.wan", Messages.Of("diag2.training.noWan", ("sites", F($"{siteCount}"))), Messages.Of("diag2.training.noWan.allowed"), "training.sites.count");
        }

        if (siteCount > jobAccelerators)
        {
            Error("training.sites.count", Messages.Of("diag2.training.emptySite", ("sites", F($"{siteCount}")), ("accelerators", F($"{jobAccelerators}"))),
                Messages.Of("diag2.training.emptySite.allowed", ("accelerators", F($"{jobAccelerators}"))), "training.job.accelerators");
        }

        var components = new List<ComponentType>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var list = t.Reliability!.Components!;
        if (list.Count == 0)
        {
            Error("training.reliability.components", Messages.Of("diag2.training.noComponents"), Messages.Of("diag2.training.noComponents.allowed"));
        }

        var probe = new TrainingReliability
        {
            ClusterAccelerators = clusterAccelerators,
            AcceleratorsPerNode = perNode,
            NodesPerRack = cluster.NodesPerRack!.Value,
            JobAccelerators = jobAccelerators,
            SpareNodes = spares,
            Sites = siteCount,
            DistanceKm = sites.DistanceKm!.Value,
            Topology = sites.Topology!.Value,
            SiteEventsPerYear = sites.FacilityEventsPerYear!.Value,
            SiteRestoreHours = sites.RestoreHours!.Value,
            LatencyUsPerKm = wan?.LatencyUsPerKm ?? 5,
            RouteFactor = wan?.RouteFactor ?? 1,
            LinkEventsPerYear = wan?.LinkEventsPerYear ?? 0,
            FiberCutsPerKmYear = wan?.FiberCutsPerKmYear ?? 0,
            LinkRepairHours = wan?.RepairHours ?? 0,
            DiversePaths = wan?.DiversePaths ?? false,
            CollectiveTimeoutsPerDayPerMsRtt = wan?.CollectiveTimeoutsPerDayPerMsRtt ?? 0,
            Components = components,
            DetectionMinutes = t.Reliability.DetectionMinutes!.Value,
            RestartMinutes = t.Reliability.RestartMinutes!.Value,
            CheckpointIntervalMinutes = double.IsNaN(t.Checkpoint!.IntervalMinutes!.Value) ? null : t.Checkpoint.IntervalMinutes,
            CheckpointBlockingMinutes = t.Checkpoint.BlockingMinutes!.Value,
            HorizonDays = t.HorizonDays!.Value,
            Calibration = t.Calibration is { } cal
                ? new ReliabilityCalibration { Name = cal.Name!, JobAccelerators = cal.JobAccelerators!.Value, Days = cal.Days!.Value, PublishedInterruptions = cal.Interruptions!.Value }
                : null,
        };

        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            var path = F($"training.reliability.components[{i}]");
            if (!names.Add(c.Name!))
            {
                Error(path + ".name", Messages.Of("diag2.training.nameTwice", ("name", c.Name!)), Messages.Of("diag2.training.nameTwice.allowed"));
            }

            if (c.Per == ComponentBasis.Job)
            {
                // The old rule counted the failure once whatever the job's size, so an 8-GPU job inherited a
                // 16,384-GPU job's software-fault rate. Say how to convert rather than guess the size it was measured on.
                var nodes = probe.JobNodes;
                binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, path + ".per", Messages.Of("diag2.training.perJob"),
                    Messages.Of("diag2.training.perJob.allowed", ("mtbf", binder.Typed(path + ".mtbfHours", c.MtbfHours!.Value)), ("nodes", F($"{nodes:#,0}")),
                        ("product", G6(c.MtbfHours.Value * nodes))));
                continue;
            }

            var distribution = c.Distribution!.Value;
            if (distribution == FailureDistribution.Exponential && c.WeibullShape != 1)
            {
                Error(path + ".weibullShape", Messages.Of("diag2.training.shapeWithExponential"), Messages.Of("diag2.training.shapeWithExponential.allowed"), path + ".distribution");
            }

            if (distribution == FailureDistribution.Weibull)
            {
                var units = c.CountPerUnit!.Value * probe.UnitsOf(Basis(c.Per!.Value));
                if (Math.Abs(units - Math.Round(units)) > 1e-9)
                {
                    Error(path + ".countPerUnit",
                        Messages.Of("diag2.training.weibullWholeUnits", ("count", binder.Typed(path + ".countPerUnit", c.CountPerUnit!.Value, "R")), ("per", F($"{c.Per}")), ("units", G6(units))),
                        Messages.Of("diag2.training.weibullWholeUnits.allowed"), path + ".per", path + ".distribution");
                }
            }

            if (c.Domain == FailureDomain.Rack && c.Recovery != RecoveryAction.ReplaceNode)
            {
                Error(path + ".domain", Messages.Of("diag2.training.rackDomain"), Messages.Of("diag2.training.rackDomain.allowed"), path + ".recovery");
            }

            components.Add(new ComponentType(c.Name!, Basis(c.Per!.Value), c.CountPerUnit!.Value, c.MtbfHours!.Value, distribution, c.WeibullShape!.Value,
                c.Recovery!.Value, c.Domain!.Value, c.RepairHours!.Value, c.RepairDistribution!.Value, c.PublishedCount));
        }

        CheckRates(probe, binder, diagnostics);
        if (Calibrations.Warnings(probe).FirstOrDefault() is { } warning)
        {
            binder.Report(diagnostics, Severity.Warning, DiagnosticCodes.Implausible, "training.job.accelerators",
                Messages.Of("diag2.training.calibrationRange", ("accelerators", F($"{warning.JobAccelerators:#,0}")),
                    ("ratio", F($"{(warning.Ratio >= 1 ? warning.Ratio : 1 / warning.Ratio):#,0.#}")),
                    ("direction", Messages.Of(warning.Ratio >= 1 ? "diag2.training.above" : "diag2.training.below")),
                    ("calibration", F($"{warning.CalibrationJobAccelerators:#,0}")), ("name", probe.Calibration!.Name)),
                Messages.Of("diag2.training.calibrationRange.allowed", ("low", F($"{warning.CalibrationJobAccelerators / warning.RangeFactor:#,0}")),
                    ("high", F($"{warning.CalibrationJobAccelerators * warning.RangeFactor:#,0}"))),
                "training.calibration");
        }

        return probe;
    }

    /// <summary>Refuses failure rates whose sum over the horizon is not a finite number (an MTBF of 1e-300 hours).</summary>
    private static void CheckRates(TrainingReliability r, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        var terms = FailureModel.Terms(r);
        if (double.IsFinite(terms.Sum(t => t.RatePerHour) * r.HorizonHours))
        {
            return;
        }

        var worst = terms.MaxBy(t => t.RatePerHour)!;
        var path = worst.ComponentIndex >= 0 ? F($"training.reliability.components[{worst.ComponentIndex}].mtbfHours") : "training.sites.facilityEventsPerYear";
        binder.Report(diagnostics, DiagnosticCodes.Implausible, path,
            double.IsFinite(worst.RatePerHour)
                ? Messages.Of("diag2.training.rateNotFinite", ("name", worst.Name), ("rate", NumberFormat.Plain(worst.RatePerHour, "G3")))
                : Messages.Of("diag2.training.rateInfinite", ("name", worst.Name)),
            Messages.Of("diag2.training.rate.allowed"));
    }

    private static CountBasis Basis(ComponentBasis basis) => basis switch
    {
        ComponentBasis.Accelerator => CountBasis.Accelerator,
        ComponentBasis.Node => CountBasis.Node,
        ComponentBasis.Rack => CountBasis.Rack,
        ComponentBasis.Site => CountBasis.Site,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "refused before it gets here"),
    };
}
