using Suanli.Core.Reliability;
using Suanli.Scenarios;

namespace Suanli.Tests.Core;

/// <summary>Reliability inputs for tests.</summary>
internal static class ReliabilityModels
{
    public static TrainingReliability Preset(string name) => ScenarioLoader.FromPreset(name).Scenario!.Training!;

    /// <summary>One component per accelerator that only needs a restart: the closed forms' own assumptions.</summary>
    public static TrainingReliability Simple(double mtbfHours, double intervalMinutes = 30, double blockingMinutes = 1, double restartMinutes = 10) => new()
    {
        ClusterAccelerators = 1024,
        AcceleratorsPerNode = 8,
        NodesPerRack = 4,
        JobAccelerators = 1024,
        SpareNodes = 0,
        Sites = 1,
        DistanceKm = 0,
        Topology = WanTopology.Chain,
        SiteEventsPerYear = 0,
        SiteRestoreHours = 0,
        LinkEventsPerYear = 0,
        FiberCutsPerKmYear = 0,
        LinkRepairHours = 0,
        DiversePaths = false,
        CollectiveTimeoutsPerDayPerMsRtt = 0,
        Components = [new ComponentType("gpu", CountBasis.Accelerator, 1, mtbfHours, FailureDistribution.Exponential, 1, RecoveryAction.Restart, FailureDomain.Node, 0, RepairDistribution.Exponential)],
        DetectionMinutes = 0,
        RestartMinutes = restartMinutes,
        CheckpointIntervalMinutes = intervalMinutes,
        CheckpointBlockingMinutes = blockingMinutes,
        HorizonDays = 30,
    };
}
