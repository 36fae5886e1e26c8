using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Core.Multisite;
using Suanli.Core.Reliability;
using Suanli.Scenarios.Binding;
using Suanli.Scenarios.Schema;
using static Suanli.Scenarios.ScenarioBuilder;

namespace Suanli.Scenarios;

/// <summary>The step of a training job across sites (<c>training.step</c>, <c>training.lowCommunication</c>, the WAN's bandwidth).</summary>
/// <param name="Model">The model trained.</param>
/// <param name="Accelerator">The accelerator whose peak the MFU refers to.</param>
/// <param name="Precision">The precision of that peak.</param>
/// <param name="Mfu">Model FLOPs utilisation.</param>
/// <param name="TokensPerStep">Tokens per optimiser step.</param>
/// <param name="AcceleratorsPerReplica">Accelerators holding one model replica.</param>
/// <param name="GradientPrecision">Precision of the gradient all-reduce.</param>
/// <param name="IntraSiteGbpsPerAccelerator">Scale-out bandwidth of one accelerator inside a site.</param>
/// <param name="Overlap">Share of compute that communication can hide behind.</param>
/// <param name="CrossSite">What crosses the WAN.</param>
/// <param name="WanGbpsPerSite">WAN bandwidth per site (null for a job on one site).</param>
/// <param name="HopLatencyUs">Fixed one-way latency per WAN hop.</param>
/// <param name="CostPerGbpsKmYear">Price of inter-site capacity in <paramref name="Currency"/>, when given.</param>
/// <param name="Currency">The scenario's currency.</param>
/// <param name="LowCommunication">Low-communication training, when the scenario describes it.</param>
public sealed record MultisiteSpec(
    ModelSpec Model,
    Accelerator Accelerator,
    Precision Precision,
    double Mfu,
    double TokensPerStep,
    int AcceleratorsPerReplica,
    GradientPrecision GradientPrecision,
    double IntraSiteGbpsPerAccelerator,
    double Overlap,
    CrossSiteParallelism CrossSite,
    double? WanGbpsPerSite,
    double HopLatencyUs,
    double? CostPerGbpsKmYear,
    Currency? Currency,
    LowCommunication? LowCommunication)
{
    /// <summary>The step-model inputs of this spec for a job of <paramref name="job"/> at <paramref name="sites"/> sites <paramref name="distanceKm"/> apart and <paramref name="wanGbpsPerSite"/>.</summary>
    public StepInputs Inputs(TrainingReliability job, int sites, double distanceKm, double wanGbpsPerSite)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new StepInputs
        {
            ActiveParams = Model.ActiveParamsBillion * 1e9,
            TotalParams = Model.TotalParamsBillion * 1e9,
            ModelDim = Model.ModelDim ?? 0,
            TokensPerStep = TokensPerStep,
            JobAccelerators = job.JobAccelerators,
            AcceleratorsPerReplica = AcceleratorsPerReplica,
            // The builder refused an accelerator without a peak at the precision, so this never falls back silently.
            PeakFlopsPerAccelerator = Accelerator.PeakFlops(Precision) ?? throw new InvalidOperationException($"{Accelerator.Id} has no {Precision} peak."),
            Mfu = Mfu,
            GradientPrecision = GradientPrecision,
            IntraSiteGbpsPerAccelerator = IntraSiteGbpsPerAccelerator,
            Overlap = Overlap,
            CrossSite = CrossSite,
            Sites = sites,
            DistanceKm = distanceKm,
            RouteFactor = job.RouteFactor,
            LatencyUsPerKm = job.LatencyUsPerKm,
            HopLatencyUs = HopLatencyUs,
            WanGbpsPerSite = wanGbpsPerSite,
        };
    }

    /// <summary>Whether the job's accelerators split into whole replicas, and those evenly over <paramref name="sites"/> sites.</summary>
    public bool Splits(int jobAccelerators, int sites) =>
        jobAccelerators % AcceleratorsPerReplica == 0 && (CrossSite == CrossSiteParallelism.DataParallel
            ? jobAccelerators / AcceleratorsPerReplica % sites == 0
            : AcceleratorsPerReplica % sites == 0);
}

/// <summary>What the step time needs of a job that the reliability model does not: whole replicas split evenly over the sites, and a WAN bandwidth.</summary>
public static class MultisiteChecks
{
    /// <summary>The first reason <paramref name="scenario"/>'s step cannot be computed, located at the input to change; null when it can.</summary>
    public static Diagnostic? Check(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario is not { Multisite: { } spec, Training: { } job })
        {
            return null;
        }

        var sites = job.Sites;
        var perReplica = spec.AcceleratorsPerReplica;
        if (job.JobAccelerators % perReplica != 0)
        {
            return At(scenario, "training.step.acceleratorsPerReplica", ["training.job.accelerators"],
                Messages.Of("diag2.step.notWholeReplicas", ("accelerators", F($"{job.JobAccelerators:#,0}")), ("perReplica", F($"{perReplica:#,0}"))),
                Messages.Of("diag2.step.notWholeReplicas.allowed", ("accelerators", F($"{job.JobAccelerators:#,0}"))));
        }

        if (spec.CrossSite == CrossSiteParallelism.DataParallel && job.JobAccelerators / perReplica % sites != 0)
        {
            return At(scenario, "training.step.acceleratorsPerReplica", ["training.sites.count", "training.job.accelerators"],
                Messages.Of("diag2.step.replicasPerSite", ("replicas", F($"{job.JobAccelerators / perReplica:#,0}")), ("sites", F($"{sites}"))),
                Messages.Of("diag2.step.replicasPerSite.allowed", ("sites", F($"{sites}"))));
        }

        if (spec.CrossSite == CrossSiteParallelism.Pipeline && perReplica % sites != 0)
        {
            return At(scenario, "training.step.acceleratorsPerReplica", ["training.sites.count", "training.step.crossSite"],
                Messages.Of("diag2.step.stagesPerSite", ("perReplica", F($"{perReplica:#,0}")), ("sites", F($"{sites}"))),
                Messages.Of("diag2.step.stagesPerSite.allowed", ("sites", F($"{sites}"))));
        }

        if (sites > 1 && spec.WanGbpsPerSite is null)
        {
            return At(scenario, "training.wan.bandwidthGbpsPerSite", ["training.sites.count", "training.wan"],
                Messages.Of("diag2.step.noBandwidth", ("sites", F($"{sites}"))), Messages.Of("diag2.step.noBandwidth.allowed"));
        }

        return null;
    }

    /// <summary>A distance or bandwidth sweep finds no site count from 2 to <paramref name="maxSites"/> over which the job splits.</summary>
    public static Diagnostic SweepNoSplit(double replicas, int maxSites) =>
        Diagnostic.Error(DiagnosticCodes.Usage, "command-line", 1, 1, "--sweep",
            Messages.Of("diag2.step.sweepNoSplit", ("replicas", F($"{replicas:#,0.##}")), ("max", F($"{maxSites}"))), Messages.Of("diag2.step.sweepNoSplit.allowed"));

    /// <summary>A sweep over distance or sites without a WAN bandwidth to run it at.</summary>
    public static Diagnostic SweepNeedsBandwidth() =>
        Diagnostic.Error(DiagnosticCodes.Usage, "command-line", 1, 1, "--sweep", Messages.Of("diag2.step.sweepNeedsBandwidth"), Messages.Of("diag2.step.sweepNeedsBandwidth.allowed"));

    // At the first involved input set with --set, else where the file wrote one, else at the scenario.
    private static Diagnostic At(Scenario scenario, string field, string[] involved, MessageText message, MessageText allowed)
    {
        var at = Blame.Find(scenario.Inputs, [field, .. involved]);
        // Named as the input the reader changed when a --set caused it (training.sites.count=3), else the field itself.
        var named = at is { Origin: InputOrigin.Set } set ? set.Path : field;
        return Diagnostic.Error(DiagnosticCodes.Inconsistent, at?.File ?? scenario.Origin, at?.Line ?? 1, at?.Column ?? 1, named, message, allowed);
    }
}

/// <summary>Builds <see cref="MultisiteSpec"/> and checks what spans keys.</summary>
internal static class MultisiteBuilder
{
    public static MultisiteSpec? Build(TrainingDto t, TrainingReliability job, ComputeCatalog catalog, Currency? currency, YamlBinder binder, List<Diagnostic> diagnostics)
    {
        void Error(string path, MessageText message, MessageText allowed, params string[] involved) =>
            binder.Report(diagnostics, DiagnosticCodes.Inconsistent, path, message, allowed, involved);

        if (t.Step is not { } step)
        {
            if (t.LowCommunication is not null)
            {
                Error("training.lowCommunication", Messages.Of("diag2.step.lowCommWithoutStep"), Messages.Of("diag2.step.lowCommWithoutStep.allowed"));
            }

            return null;
        }

        var model = catalog.FindModel(step.Model!);
        if (model is null)
        {
            binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, "training.step.model", Messages.Of("diag2.compute.unknownModel", ("id", Diagnostic.Shown(step.Model))),
                Messages.Literal(string.Join(", ", catalog.Models.Keys)));
        }

        var accelerator = catalog.FindAccelerator(step.Accelerator!);
        var precision = step.Precision!.Value;
        if (accelerator is null)
        {
            binder.Report(diagnostics, DiagnosticCodes.UnknownChoice, "training.step.accelerator", Messages.Of("diag2.compute.unknownAccelerator", ("id", Diagnostic.Shown(step.Accelerator))),
                Messages.Literal(string.Join(", ", catalog.Accelerators.Keys)));
        }
        else if (accelerator.PeakFlops(precision) is null)
        {
            Error("training.step.accelerator", Messages.Of("diag2.compute.noFp8", ("accelerator", accelerator.Id)), Messages.Of("diag2.compute.noFp8.allowed"), "training.step.precision");
        }

        var perReplica = step.AcceleratorsPerReplica!.Value;
        var crossSite = step.CrossSite!.Value;

        // Whether the job splits over its sites, and the WAN's bandwidth, depend on inputs the reliability model shares
        // (the job's size, the sites): they are checked when the step time is asked for (MultisiteChecks), so that
        // `reliability --set training.sites.count=3` still runs on a scenario with a step section.
        if (crossSite == CrossSiteParallelism.Pipeline && model is { ModelDim: null })
        {
            Error("training.step.crossSite", Messages.Of("diag2.step.noModelDim", ("model", model.Id)), Messages.Of("diag2.step.noModelDim.allowed"), "training.step.model");
        }

        var wan = t.Wan;

        if (wan?.CostPerGbpsKmYear is not null && currency is null)
        {
            Error("training.wan.costPerGbpsKmYear", Messages.Of("diag2.step.costNoCurrency"), Messages.Literal("currency: RMB, USD"));
        }

        LowCommunication? lowCommunication = null;
        if (t.LowCommunication is { } lc)
        {
            // With a pipeline across the sites the section is kept but not evaluated: the result says why (a warning), so
            // that `--set training.step.crossSite=pipeline` works on a scenario that describes both.
            lowCommunication = new LowCommunication(lc.SyncEverySteps!.Value, lc.Compression!.Value, lc.StepsToEqualLoss!.Value);
        }

        if (model is null || accelerator is null)
        {
            return null;
        }

        return new MultisiteSpec(model, accelerator, precision, step.Mfu!.Value, step.TokensPerStep!.Value, perReplica, step.GradientPrecision!.Value,
            step.IntraSiteGbpsPerAccelerator!.Value, step.Overlap!.Value, crossSite, wan?.BandwidthGbpsPerSite, wan?.HopLatencyUs ?? 0,
            wan?.CostPerGbpsKmYear, currency, lowCommunication);
    }
}
