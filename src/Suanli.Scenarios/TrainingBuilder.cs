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
        void Error(string path, string message, string allowed) => binder.Report(diagnostics, DiagnosticCodes.Inconsistent, path, message, allowed);

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
            Error("training.job.accelerators", F($"the job uses {jobAccelerators:#,0} accelerators but the cluster has {clusterAccelerators:#,0}"), F($"at most training.cluster.accelerators = {clusterAccelerators:#,0}"));
        }
        else
        {
            var jobNodes = (jobAccelerators + perNode - 1) / perNode;
            var clusterNodes = clusterAccelerators / perNode;
            if (jobNodes + spares > clusterNodes)
            {
                Error("training.job.spareNodes", F($"the job's {jobNodes:#,0} nodes plus {spares:#,0} spares exceed the cluster's {clusterNodes:#,0} nodes"), F($"at most {Math.Max(0, clusterNodes - jobNodes):#,0} spare nodes"));
            }
        }

        var siteCount = sites.Count!.Value;
        if (siteCount > 1 && wan is null)
        {
            Error("training.wan", F($"the job spans {siteCount} sites but the scenario has no training.wan section"), "a training.wan section with linkEventsPerYear, fiberCutsPerKmYear and repairHours");
        }

        if (siteCount > jobAccelerators)
        {
            Error("training.sites.count", F($"{siteCount} sites for {jobAccelerators} accelerators leaves a site empty"), F($"at most {jobAccelerators} sites"));
        }

        var components = new List<ComponentType>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var list = t.Reliability!.Components!;
        if (list.Count == 0)
        {
            Error("training.reliability.components", "the list of components is empty", "at least one component type");
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
                Error(path + ".name", $"the name '{c.Name}' is used twice", "unique component names");
            }

            if (c.Per == ComponentBasis.Job)
            {
                // The old rule counted the failure once whatever the job's size, so an 8-GPU job inherited a
                // 16,384-GPU job's software-fault rate. Say how to convert rather than guess the size it was measured on.
                var nodes = probe.JobNodes;
                binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, path + ".per",
                    "'job' counted this failure once per job whatever its size; every failure now grows with the job",
                    F($"per: node with mtbfHours = the job's MTBF x the nodes of the job it was measured on, e.g. {c.MtbfHours!.Value:G6} x {nodes:#,0} = {c.MtbfHours.Value * nodes:G6} if it was measured on this job's {nodes:#,0} nodes; or per: accelerator"));
                continue;
            }

            var distribution = c.Distribution!.Value;
            if (distribution == FailureDistribution.Exponential && c.WeibullShape != 1)
            {
                Error(path + ".weibullShape", "weibullShape is set but the distribution is exponential", "distribution: weibull, or no weibullShape");
            }

            if (distribution == FailureDistribution.Weibull)
            {
                var units = c.CountPerUnit!.Value * probe.UnitsOf(Basis(c.Per!.Value));
                if (Math.Abs(units - Math.Round(units)) > 1e-9)
                {
                    Error(path + ".countPerUnit", F($"a Weibull component needs whole units, and {c.CountPerUnit} per {c.Per} gives {units:G6}"), "a countPerUnit that gives a whole number of units");
                }
            }

            if (c.Domain == FailureDomain.Rack && c.Recovery != RecoveryAction.ReplaceNode)
            {
                Error(path + ".domain", "domain: rack only matters when recovery is replaceNode", "recovery: replaceNode, or domain: node");
            }

            components.Add(new ComponentType(c.Name!, Basis(c.Per!.Value), c.CountPerUnit!.Value, c.MtbfHours!.Value, distribution, c.WeibullShape!.Value,
                c.Recovery!.Value, c.Domain!.Value, c.RepairHours!.Value, c.RepairDistribution!.Value, c.PublishedCount));
        }

        CheckRates(probe, binder, diagnostics);
        if (Calibrations.Warnings(probe).FirstOrDefault() is { } warning)
        {
            var at = new[] { "training.job.accelerators", "training.job", "training" }
                .Select(p => binder.Locations.TryGetValue(p, out var where) ? where : (SourceLocation?)null).First(w => w is not null)!.Value;
            diagnostics.Add(new Diagnostic(Severity.Warning, DiagnosticCodes.Implausible, at.File, at.Line, at.Column, "training.job.accelerators",
                F($"{warning.JobAccelerators:#,0} accelerators is {(warning.Ratio >= 1 ? warning.Ratio : 1 / warning.Ratio):#,0.#}x {(warning.Ratio >= 1 ? "above" : "below")} the {warning.CalibrationJobAccelerators:#,0} of the job the failure rates were calibrated on ({probe.Calibration!.Name}); other causes may dominate at this size"),
                F($"jobs of {warning.CalibrationJobAccelerators / warning.RangeFactor:#,0} to {warning.CalibrationJobAccelerators * warning.RangeFactor:#,0} accelerators for this calibration, or a calibration measured nearer this size")));
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
                ? F($"'{worst.Name}' fails {worst.RatePerHour:G3} times an hour, so the expected failures over the horizon are not a finite number")
                : F($"'{worst.Name}' fails more than 1e308 times an hour, so the expected failures over the horizon are not a finite number"),
            "an MTBF that gives fewer than 10^300 failures over the horizon");
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
