using System.Globalization;
using Spectre.Console;
using Suanli.Cli.Commands;
using Suanli.Core;
using Suanli.Core.Compute;
using Suanli.Scenarios;

namespace Suanli.Cli.Output;

/// <summary>What <c>suanli train</c> shows.</summary>
internal sealed class TrainReport
{
    private TrainReport(TrainPlan plan, TrainingEstimate estimate, TrainingEstimate? dense)
    {
        Plan = plan;
        Estimate = estimate;
        Dense = dense;
    }

    public TrainPlan Plan { get; }

    public TrainingEstimate Estimate { get; }

    /// <summary>The same tokens on a dense model of the MoE's total parameters (when asked).</summary>
    public TrainingEstimate? Dense { get; }

    private TrainingRun Run => Estimate.Run;

    private string CostNote => Plan.CostNote;

    private string MfuNote => Plan.MfuNote;

    public static TrainReport Compute(TrainPlan plan, bool compareDense)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var run = plan.Run;
        var estimate = ComputeEngine.Train(run);
        TrainingEstimate? dense = null;
        if (compareDense)
        {
            var model = run.Model with
            {
                Id = run.Model.Id + "-dense-equivalent",
                Name = run.Model.Name + " as a dense model",
                Architecture = ModelArchitecture.Dense,
                ActiveParamsBillion = run.Model.TotalParamsBillion,
            };
            dense = ComputeEngine.Train(run with { Model = model });
        }

        return new TrainReport(plan, estimate, dense);
    }

    /// <summary>The run's cost in the other currency, at the run's rate.</summary>
    private Money? OtherCurrencyCost => Estimate.Cost is { } c ? Plan.RunFx.Rate.Convert(c, Other(c.Currency)) : null;

    /// <summary>The published cost in the run's currency, at the rate of the published prices' year.</summary>
    private Money? PublishedInRunCurrency => Run.Model.ReportedCost is { } rc && Estimate.Cost is { } c ? Plan.PublishedFx.Rate.Convert(rc, c.Currency) : null;

    public object ToJson()
    {
        var e = Estimate;
        var check = PublishedCheck.For(Run.Model, ComputeCatalog.BuiltIn);
        var publishedInRun = PublishedInRunCurrency;
        return new
        {
            model = Run.Model.Id,
            architecture = Run.Model.Architecture,
            totalParamsBillion = Run.Model.TotalParamsBillion,
            activeParamsBillion = Run.Model.ActiveParamsBillion,
            tokens = e.Stages.Sum(s => s.Stage.Tokens),
            fleet = e.Fleet,
            mfu = Run.Mfu,
            mfuSource = MfuNote,
            mfuPeakPrecision = Run.Precision,
            effectiveMfu = e.EffectiveMfu,
            hfu = e.Hfu,
            recompute = Run.Recompute,
            utilisationOfBf16Peak = e.UtilisationOfBf16Peak,
            precision = Run.Precision,
            ettr = Run.Ettr,
            pue = Run.Pue,
            powerFraction = Run.PowerFraction,
            hostWattsPerAccelerator = Run.HostWattsPerAccelerator,
            trainingFlops = e.TrainingFlops,
            denseTermFlops = e.DenseTermFlops,
            attentionTermFlops = e.AttentionTermFlops,
            hardwareFlops = e.HardwareFlops,
            deliveredFlopsPerSecond = e.DeliveredFlopsPerSecond,
            wallClockDays = e.WallClockDays,
            acceleratorHours = e.AcceleratorHours,
            powerMw = e.PowerMw,
            energyMwh = e.EnergyMwh,
            cost = e.Cost?.Amount,
            currency = e.Cost?.Currency.ToString(),
            costBasis = CostNote,
            costInOtherCurrency = OtherCurrencyCost is { } other ? new { amount = other.Amount, currency = other.Currency.ToString() } : null,
            fx = Fx(Plan.RunFx),
            ownerCost = Plan.OwnerCosts.Count == 0 ? null : Plan.OwnerCosts.Select(o => new
            {
                accelerator = o.AcceleratorId,
                currency = o.Cost.Currency.ToString(),
                rentPerKwMonth = o.Cost.RentPerKwMonth,
                kwPerAccelerator = o.Cost.KwPerAccelerator,
                facilityPerHour = o.Cost.FacilityPerHour,
                powerPerHour = o.Cost.PowerPerHour,
                serverPerHour = o.Cost.ServerPerHour,
                serverPerHourStraightLine = o.Cost.ServerPerHourStraightLine,
                discountRate = o.Cost.DiscountRate,
                serverLifeYears = o.Cost.ServerLifeYears,
                totalPerHour = o.Cost.Total,
                totalPerHourStraightLine = o.Cost.TotalStraightLine,
            }),
            stragglerPenalty = Run.StragglerPenalty,
            findings = e.Findings.Select(f => new { code = f.Code, arguments = f.Arguments, text = FindingText(f) }),
            stages = e.Stages.Select(s => new
            {
                name = s.Stage.Name,
                tokens = s.Stage.Tokens,
                precision = s.Stage.Precision,
                mfu = s.Stage.Mfu,
                effectiveMfu = s.EffectiveMfu,
                hfu = s.Hfu,
                recompute = s.Stage.Recompute,
                sequenceLength = s.Stage.SequenceLength ?? Run.Model.SequenceLength,
                trainingFlops = s.ModelFlops,
                hardwareFlops = s.HardwareFlops,
                wallClockDays = s.WallClockSeconds / 86_400,
                acceleratorHours = s.AcceleratorHours,
                energyMwh = s.EnergyMwh,
                cost = s.Cost?.Amount,
                currency = s.Cost?.Currency.ToString(),
            }),
            brainEquivalentRatio = e.BrainEquivalentRatio,
            brainWatts = BrainComparison.BrainWatts,
            brainEnergyKwhOverWallClock = BrainComparison.BrainEnergyKwh(e.WallClockSeconds),
            brainYearsOnTrainingEnergy = BrainComparison.BrainYearsOnEnergy(e.EnergyMwh),
            published = new
            {
                trainingFlops = Run.Model.ReportedTrainingFlops,
                acceleratorHours = Run.Model.ReportedAcceleratorHours,
                pretrainingAcceleratorHours = Run.Model.ReportedPretrainingAcceleratorHours,
                accelerator = Run.Model.ReportedAccelerator,
                acceleratorCount = Run.Model.ReportedAcceleratorCount,
                precision = Run.Model.ReportedPrecision,
                mfu = Run.Model.ReportedMfu,
                utilisationBasis = Run.Model.ReportedUtilisationBasis,
                recompute = Run.Model.ReportedRecompute,
                mfuModelFlopsBasis = check.PublishedMfu,
                hfu = check.PublishedHfu,
                cost = Run.Model.ReportedCost?.Amount,
                costCurrency = Run.Model.ReportedCost?.Currency.ToString(),
                costYear = Run.Model.ReportedCostYear,
                costInRunCurrency = publishedInRun?.Amount,
                runCurrency = publishedInRun?.Currency.ToString(),
                fx = publishedInRun is null ? null : Fx(Plan.PublishedFx),
                costDeviation = publishedInRun is { } pr && e.Cost is { } c ? (c.Amount / pr.Amount) - 1 : (double?)null,
                note = Run.Model.ReportedNote,
                check,
            },
            denseComparison = Dense is null ? null : new
            {
                denseTrainingFlops = Dense.TrainingFlops,
                denseAcceleratorHours = Dense.AcceleratorHours,
                denseWallClockDays = Dense.WallClockDays,
                denseEnergyMwh = Dense.EnergyMwh,
                denseCost = Dense.Cost?.Amount,
                computeRatio = Dense.TrainingFlops / e.TrainingFlops,
                inferenceFlopsPerTokenRatio = Run.Model.TotalParamsBillion / Run.Model.ActiveParamsBillion,
                ratioIfMoeMfuHalved = Dense.TrainingFlops / e.TrainingFlops / 2,
            },
        };
    }

    public void WriteTables(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var e = Estimate;
        var m = Run.Model;
        var totalTokens = e.Stages.Sum(s => s.Stage.Tokens);
        console.WriteLine(Fmt.Text($"Suanli train - {m.Name} ({m.Id}): {Fmt.N(m.ActiveParamsBillion, 1)} B active of {Fmt.N(m.TotalParamsBillion, 1)} B, {totalTokens:0.###e+0} tokens"));
        console.WriteLine();
        var table = new Table().Title("Training").AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit / note");
        void Row(string figure, string value, string note) => table.AddRow(Markup.Escape(figure), Markup.Escape(value), Markup.Escape(note));
        Row("Fleet", string.Join(" + ", e.Fleet.Select(f => Fmt.Text($"{f.Count:#,0} {f.AcceleratorId}"))),
            string.Join("; ", e.Fleet.Select(f => f.Availability < 1 ? Fmt.Text($"{f.AcceleratorId} available {Fmt.Pct(f.Availability, 0)}") : null).OfType<string>().DefaultIfEmpty("all available")));
        var peaks = string.Join(", ", Run.Fleet.Select(f => Fmt.Text($"{Fmt.N(f.Accelerator.PeakFlops(Run.Precision)!.Value / 1e12, 1)} TFLOPS per {f.Accelerator.Id}")));
        Row("MFU", Fmt.Pct(Run.Mfu, 1), Fmt.Text($"of the {Upper(Run.Precision)} dense peak ({peaks}); {MfuNote}"));
        if (Run.Precision != Precision.Bf16 || e.Stages.Any(s => s.Stage.Precision != Precision.Bf16))
        {
            Row("Utilisation of BF16 peak", Fmt.Pct(e.UtilisationOfBf16Peak, 1), "the same model FLOP/s as a share of the BF16 dense peak, to compare with BF16 runs");
        }

        if (Math.Abs(e.EffectiveMfu - Run.Mfu) > 1e-9 && e.Stages.Count == 1)
        {
            Row("Effective MFU", Fmt.Pct(e.EffectiveMfu, 1), Fmt.Text($"over the whole fleet after the straggler penalty {Fmt.N(Run.StragglerPenalty, 2)}"));
        }

        Row("HFU", Fmt.Pct(e.Hfu, 1), Run.Recompute == Recompute.None && e.Stages.All(s => s.Stage.Recompute == Recompute.None)
            ? "hardware FLOPs utilisation = MFU: no activation recomputation"
            : Fmt.Text($"hardware FLOPs utilisation: {PublishedCheck.RecomputeWords(Run.Recompute)}; hardware FLOPs {e.HardwareFlops:0.00e+00} = {Fmt.N(e.HardwareFlops / e.TrainingFlops, 3)} x model FLOPs"));
        Row("ETTR", Fmt.Pct(Run.Ettr, 1), Run.Ettr < 1 ? (Run.Ettr == m.ReportedEttr ? "as published: share of wall time on useful training" : "share of wall time on useful training") : "1 = no interruptions (see suanli reliability)");
        Row("Training compute", Fmt.Text($"{e.TrainingFlops:0.000e+00}"), e.AttentionTermFlops > 0 ? Fmt.Text($"model FLOP: 6·N·D {e.DenseTermFlops:0.00e+00} + attention {e.AttentionTermFlops:0.00e+00}") : "model FLOP, 6 × N_active × D");
        Row("Delivered", Fmt.N(e.DeliveredFlopsPerSecond / 1e15, 1), "PFLOP/s of model FLOPs on useful work");
        Row("Wall clock", Fmt.N(e.WallClockDays, 1), "days");
        Row("Accelerator-hours", Fmt.Int(e.AcceleratorHours), Fmt.Text($"{e.AcceleratorHours / 1e6:0.###} million"));
        Row("Power", Fmt.N(e.PowerMw, 2), Fmt.Text($"MW at the meter: (TDP x {Fmt.N(Run.PowerFraction, 2)} + {Fmt.N(Run.HostWattsPerAccelerator, 0)} W host) x PUE {Fmt.N(Run.Pue, 2)}"));
        Row("Energy", Fmt.N(e.EnergyMwh, 0), Fmt.Text($"MWh ({e.EnergyMwh / 1000:0.##} GWh)"));
        Row("Cost", e.Cost is { } total ? Fmt.Text($"{Fmt.Millions(total.Amount)} M") : "n/a", e.Cost is { } cc ? Fmt.Text($"{cc.Currency}; {CostNote}") : CostNote);
        if (OtherCurrencyCost is { } other)
        {
            Row("Cost in " + other.Currency, Fmt.Text($"{Fmt.Millions(other.Amount)} M"), Fmt.Text($"{other.Currency} at {Fmt.N(Plan.RunFx.Rate.RmbPerUsd, 4)} RMB/USD ({Plan.RunFx.Basis}{SourceTag(Plan.RunFx)})"));
        }

        Row("Cluster power vs a brain", Fmt.Text($"{e.BrainEquivalentRatio:0.00e+0}"), Fmt.Text($"x a human brain's {BrainComparison.BrainWatts} W (essay: a basic AI cluster ~200 MW = 10^7 brains)"));
        Row("A brain over the same time", Fmt.N(BrainComparison.BrainEnergyKwh(e.WallClockSeconds), 1), Fmt.Text($"kWh; the training energy would run a brain for {BrainComparison.BrainYearsOnEnergy(e.EnergyMwh):#,0} years"));
        console.Write(table);
        console.WriteLine();

        if (Run.Stages is { Count: > 0 })
        {
            WriteStages(console);
        }

        if (e.Fleet.Count > 1)
        {
            var fleet = new Table().Title("Mixed fleet").AddColumn("accelerator").AddColumn(new TableColumn("count").RightAligned())
                .AddColumn(new TableColumn("share of FLOP/s").RightAligned()).AddColumn(new TableColumn("acc-hours").RightAligned()).AddColumn(new TableColumn("MW").RightAligned()).AddColumn(new TableColumn("cost").RightAligned());
            foreach (var f in e.Fleet)
            {
                fleet.AddRow(Markup.Escape(f.AcceleratorId), Fmt.Int(f.Count), Fmt.Pct(f.DeliveredFlopsPerSecond / e.DeliveredFlopsPerSecond), Fmt.Int(f.AcceleratorHours),
                    Fmt.N(f.PowerWatts / 1e6, 2), f.Cost is { } c ? Fmt.Text($"{Fmt.Millions(c.Amount)} M {c.Currency}") : "-");
            }

            console.Write(fleet);
            console.WriteLine(Fmt.Text($"  Straggler penalty {Fmt.N(Run.StragglerPenalty, 2)}: delivered = (1 - p) x Σ count x peak x MFU x availability + p x total count x the slowest type's rate (0 = work split by speed, 1 = equal shares paced by the slowest)."));
            console.WriteLine();
        }

        foreach (var finding in e.Findings)
        {
            console.WriteLine("  " + FindingText(finding));
            console.WriteLine();
        }

        WritePublished(console);

        if (Dense is { } d)
        {
            var ratio = d.TrainingFlops / e.TrainingFlops;
            var compare = new Table().Title(Fmt.Text($"Mixture of experts vs a dense model of the same {Fmt.N(m.TotalParamsBillion, 0)} B parameters, same tokens and fleet"))
                .AddColumn("figure").AddColumn(new TableColumn(Markup.Escape(m.Id)).RightAligned()).AddColumn(new TableColumn("dense equivalent").RightAligned()).AddColumn(new TableColumn("dense ÷ MoE").RightAligned());
            void C(string figure, double moe, double dense, string format) =>
                compare.AddRow(figure, moe.ToString(format, CultureInfo.InvariantCulture), dense.ToString(format, CultureInfo.InvariantCulture), Fmt.N(dense / moe, 2) + "x");
            C("training FLOP", e.TrainingFlops, d.TrainingFlops, "0.00e+00");
            C("wall-clock days", e.WallClockDays, d.WallClockDays, "#,0.0");
            C("accelerator-hours", e.AcceleratorHours, d.AcceleratorHours, "#,0");
            C("energy MWh", e.EnergyMwh, d.EnergyMwh, "#,0");
            if (e.Cost is { } mc && d.Cost is { } dc)
            {
                C(Fmt.Text($"cost M {mc.Currency}"), mc.Amount / 1e6, dc.Amount / 1e6, "#,0.00");
            }

            C("inference FLOP per token", 2 * m.ActiveParamsBillion * 1e9, 2 * m.TotalParamsBillion * 1e9, "0.00e+00");
            console.Write(compare);
            console.WriteLine(Fmt.Text($"  At equal MFU the MoE needs {Fmt.N(ratio, 1)}x less compute (N_total / N_active = {Fmt.N(m.TotalParamsBillion, 0)} / {Fmt.N(m.ActiveParamsBillion, 0)}); this assumes the MoE reaches a dense model's quality at the same tokens."));
            console.WriteLine(Fmt.Text($"  MoE runs often reach about half a dense model's MFU (all-to-all traffic, gating; training reference 4.1): then the saving is {Fmt.N(ratio / 2, 1)}x."));
            console.WriteLine();
        }

        console.WriteLine("Model: FLOP = 6 x N_active x D (+ optional attention 6·L·S·d·D), summed over the stages; wall time = FLOP / delivered / ETTR with delivered = Σ count x peak(precision) x MFU x availability (straggler penalty aside);");
        console.WriteLine("hardware FLOPs add the recomputed forward (full: x 4/3, i.e. 8·N·D; selective: + 2·L·S·d per token), HFU = MFU x hardware / model FLOPs; energy = Σ count x (TDP x power fraction + host W) x time x PUE. docs/compute.md has the details.");
    }

    private void WriteStages(IAnsiConsole console)
    {
        var e = Estimate;
        var stages = new Table().Title("Stages").AddColumn("stage").AddColumn(new TableColumn("tokens").RightAligned()).AddColumn("precision")
            .AddColumn(new TableColumn("MFU").RightAligned()).AddColumn(new TableColumn("HFU").RightAligned()).AddColumn(new TableColumn("seq").RightAligned())
            .AddColumn(new TableColumn("days").RightAligned()).AddColumn(new TableColumn("acc-hours").RightAligned()).AddColumn(new TableColumn("cost").RightAligned());
        foreach (var s in e.Stages)
        {
            stages.AddRow(Markup.Escape(s.Stage.Name), Fmt.Text($"{s.Stage.Tokens:0.###e+0}"), Upper(s.Stage.Precision), Fmt.Pct(s.Stage.Mfu, 1), Fmt.Pct(s.Hfu, 1),
                (s.Stage.SequenceLength ?? Run.Model.SequenceLength) is { } q ? Fmt.Int(q) : "-", Fmt.N(s.WallClockSeconds / 86_400, 1), Fmt.Int(s.AcceleratorHours),
                s.Cost is { } c ? Fmt.Text($"{Fmt.Millions(c.Amount)} M {c.Currency}") : "-");
        }

        stages.AddRow("total", Fmt.Text($"{e.Stages.Sum(s => s.Stage.Tokens):0.###e+0}"), string.Empty, string.Empty, Fmt.Pct(e.Hfu, 1), string.Empty, Fmt.N(e.WallClockDays, 1),
            Fmt.Int(e.AcceleratorHours), e.Cost is { } t ? Fmt.Text($"{Fmt.Millions(t.Amount)} M {t.Currency}") : "-");
        console.Write(stages);
        console.WriteLine();
    }

    private void WritePublished(IAnsiConsole console)
    {
        var e = Estimate;
        var m = Run.Model;
        var check = PublishedCheck.For(m, ComputeCatalog.BuiltIn);
        if (m.ReportedTrainingFlops is null && m.ReportedAcceleratorHours is null && m.ReportedCost is null && m.ReportedMfu is null)
        {
            return;
        }

        var published = new Table().Title("Against what the authors published").AddColumn("figure").AddColumn(new TableColumn("published").RightAligned())
            .AddColumn(new TableColumn("this run").RightAligned()).AddColumn(new TableColumn("Δ").RightAligned());
        if (m.ReportedTrainingFlops is { } rf)
        {
            published.AddRow("training FLOP", Fmt.Text($"{rf:0.00e+00}"), Fmt.Text($"{e.TrainingFlops:0.00e+00}"), Delta(e.TrainingFlops, rf));
        }

        if (m.ReportedAcceleratorHours is { } rh)
        {
            var same = e.Fleet.Count == 1 && e.Fleet[0].AcceleratorId == m.ReportedAccelerator;
            published.AddRow(Markup.Escape($"accelerator-hours (published on {m.ReportedAccelerator}{(same ? string.Empty : "; this run on another fleet")})"), Fmt.Int(rh), Fmt.Int(e.AcceleratorHours), Delta(e.AcceleratorHours, rh));
        }

        if (m.ReportedMfu is { } ru)
        {
            // Compare like with like: a published HFU against this run's HFU, a published MFU against its MFU, both as
            // shares of the peak at the published precision (this run's model FLOP/s re-expressed when it ran at another).
            var hfu = m.ReportedUtilisationBasis == UtilisationBasis.Hfu;
            var reportedPrecision = m.ReportedPrecision ?? Precision.Bf16;
            var samePeak = e.Stages.All(s => s.Stage.Precision == reportedPrecision);
            double? mine = samePeak ? (hfu ? e.Hfu : e.EffectiveMfu)
                : reportedPrecision == Precision.Bf16 ? e.UtilisationOfBf16Peak * (hfu ? e.Hfu / e.EffectiveMfu : 1)
                : null;
            published.AddRow(Markup.Escape($"{(hfu ? "HFU" : "MFU")} (of {Upper(reportedPrecision)} peak{(samePeak || mine is null ? string.Empty : "; this run's FLOP/s on that peak")})"), Fmt.Pct(ru, 1),
                mine is { } v ? Fmt.Pct(v, 1) : "-", mine is { } w ? Delta(w, ru) : "-");
        }

        if (m.ReportedCost is { } rc)
        {
            var inRun = PublishedInRunCurrency;
            var publishedText = inRun is { } conv && conv.Currency != rc.Currency
                ? Fmt.Text($"{Fmt.Millions(rc.Amount)} M {rc.Currency} = {Fmt.Millions(conv.Amount)} M {conv.Currency}")
                : Fmt.Text($"{Fmt.Millions(rc.Amount)} M {rc.Currency}");
            published.AddRow("cost", Markup.Escape(publishedText), e.Cost is { } c ? Fmt.Text($"{Fmt.Millions(c.Amount)} M {c.Currency}") : "-",
                inRun is { } pr && e.Cost is { } c2 ? Delta(c2.Amount, pr.Amount) : "-");
        }

        console.Write(published);
        if (m.ReportedCost is { } cost && PublishedInRunCurrency is { } converted && converted.Currency != cost.Currency)
        {
            console.WriteLine(Fmt.Text($"  The published cost converted at {Fmt.N(Plan.PublishedFx.Rate.RmbPerUsd, 4)} RMB/USD ({Plan.PublishedFx.Basis}{SourceTag(Plan.PublishedFx)})."));
        }

        foreach (var note in new[] { check.Note, m.ReportedNote }.OfType<string>())
        {
            console.WriteLine("  " + note);
        }

        console.WriteLine();
    }

    /// <summary>A finding in words.</summary>
    private string FindingText(ComputeFinding finding) => finding.Code switch
    {
        ComputeFindingCode.MixedVendorSynchronousJob => Fmt.Text(
            $"One synchronous job across {finding.Arguments[0]:0} vendors' software stacks (e.g. CUDA with NCCL beside CANN with HCCL) is not established practice: the collective libraries do not interoperate and no published large training run has done it. These figures assume it works; the realistic plan is separate jobs per vendor. The straggler penalty (--straggler-penalty, compute.training.stragglerPenalty; now {Fmt.N(Run.StragglerPenalty, 2)}) moves the work split towards equal shares paced by the slowest type."),
        _ => finding.Code.ToString(),
    };

    private static object Fx(FxUsed fx) => new { rmbPerUsd = fx.Rate.RmbPerUsd, year = fx.Rate.Year, basis = fx.Basis, source = fx.Source };

    private static string SourceTag(FxUsed fx) => fx.Source is { } s ? (s.Contains("UNVERIFIED", StringComparison.Ordinal) ? "; Federal Reserve G.5A, UNVERIFIED" : "; Federal Reserve G.5A") : string.Empty;

    private static Currency Other(Currency currency) => currency == Currency.RMB ? Currency.USD : Currency.RMB;

    private static string Upper(Precision precision) => precision.ToString().ToUpperInvariant();

    private static string Delta(double value, double reference) => (value >= reference ? "+" : string.Empty) + Fmt.Pct((value / reference) - 1, 1);
}

/// <summary>What <c>suanli infer</c> shows.</summary>
internal sealed class InferReport(ServingEstimate serving, InferenceEstimate single, bool mfuDefaulted, CommonValues values, string priceNote, bool contextDefaulted,
    bool batchDefaulted, bool replicaDefaulted)
{
    private const double Gb = 1e9;

    private ServingRun Run => serving.Run;

    /// <summary>The option a misfit is about.</summary>
    public static string MisfitField(ServingMisfit misfit) => misfit switch
    {
        ServingMisfit.TooFewAccelerators => "--accelerators-per-replica",
        _ => "--batch",
    };

    /// <summary>Why the model does not fit, with the figures.</summary>
    public static string MisfitMessage(ServingEstimate s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var n = s.AcceleratorsPerReplica;
        var kvSequence = s.KvBytesPerToken * s.Run.ContextTokens;
        return s.Misfit switch
        {
            ServingMisfit.TooFewAccelerators => Fmt.Text(
                $"{n} x {s.Run.Accelerator.Id} hold {Fmt.N(n * s.UsableBytesPerAccelerator / Gb, 1)} GB usable, but the weights take {Fmt.N(s.WeightBytes / Gb, 1)} GB and one sequence's KV cache {Fmt.N(kvSequence / Gb, 2)} GB"),
            ServingMisfit.BatchTooLarge => Fmt.Text(
                $"{s.Batch:#,0} sequences of {s.Run.ContextTokens:#,0} tokens need {Fmt.N(s.Batch * kvSequence / Gb, 1)} GB of KV cache, and {n} x {s.Run.Accelerator.Id} leave {Fmt.N(((n * s.UsableBytesPerAccelerator) - s.WeightBytes) / Gb, 1)} GB after the weights"),
            _ => Fmt.Text($"holding the weights and {s.Batch:#,0} sequences of {s.Run.ContextTokens:#,0} tokens would take more than {ServingRun.MaxAcceleratorsPerReplica:#,0} accelerators per replica"),
        };
    }

    /// <summary>What would fit instead.</summary>
    public static string MisfitAllowed(ServingEstimate s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var kvSequence = s.KvBytesPerToken * s.Run.ContextTokens;
        var needed = Math.Ceiling((s.WeightBytes + kvSequence) / s.UsableBytesPerAccelerator);
        return s.Misfit switch
        {
            ServingMisfit.TooFewAccelerators => Fmt.Text($"at least {needed:#,0} accelerators per replica, or --precision fp8, or a shorter --context"),
            ServingMisfit.BatchTooLarge => Fmt.Text($"--batch at most {Math.Max(0, Math.Floor(((s.AcceleratorsPerReplica * s.UsableBytesPerAccelerator) - s.WeightBytes) / kvSequence)):#,0}, or more --accelerators-per-replica"),
            _ => "a smaller --batch or --context",
        };
    }

    public object ToJson() => new
    {
        model = Run.Model.Id,
        accelerator = Run.Accelerator.Id,
        mfu = Run.Mfu,
        mfuIsDefault = mfuDefaulted,
        mfuSource = mfuDefaulted ? ComputeDefaults.MfuNote(Run.Precision) : "given",
        precision = Run.Precision,
        pue = Run.Pue,
        contextTokens = Run.ContextTokens,
        contextIsDefault = contextDefaulted,
        batch = serving.Batch,
        batchIsDefault = batchDefaulted,
        acceleratorsPerReplica = serving.AcceleratorsPerReplica,
        acceleratorsPerReplicaIsDefault = replicaDefaulted,
        memoryUtilization = Run.MemoryUtilisation,
        weightGb = serving.WeightBytes / Gb,
        kvCacheBytesPerToken = serving.KvBytesPerToken,
        kvCacheGbPerSequence = serving.KvBytesPerToken * Run.ContextTokens / Gb,
        memoryGbNeeded = serving.BytesNeeded / Gb,
        memoryGbUsable = serving.AcceleratorsPerReplica * serving.UsableBytesPerAccelerator / Gb,
        flopsPerToken = single.FlopsPerToken,
        computeBoundTokensPerSecondPerReplica = serving.ComputeBoundTokensPerSecondPerReplica,
        bytesReadPerDecodeStep = serving.BytesReadPerStep,
        memoryBoundTokensPerSecondPerReplica = serving.MemoryBoundTokensPerSecondPerReplica,
        bound = serving.Bound,
        tokensPerSecondPerReplica = serving.TokensPerSecondPerReplica,
        tokensPerSecondPerAccelerator = serving.TokensPerSecondPerAccelerator,
        computeBoundTokensPerSecondPerAccelerator = single.TokensPerSecondPerAccelerator,
        bandwidthBoundTokensPerSecondAtBatch1 = single.BandwidthBoundTokensPerSecondAtBatch1,
        wattsPerAccelerator = serving.WattsPerAccelerator,
        energyKwhPerMillionTokens = serving.EnergyKwhPerMillionTokens,
        costPerMillionTokens = serving.CostPerMillionTokens?.Amount,
        currency = serving.CostPerMillionTokens?.Currency.ToString(),
        costBasis = priceNote,
        simplifiedModel = ModelWords,
    };

    private static string ModelWords =>
        "Decode only (prefill and communication inside the replica not modelled): accelerators per replica = ceil((weights + batch x context x KV bytes per token) / (memory x utilisation)); "
        + "tokens/s per replica = min(accelerators x peak x MFU / FLOP per token, batch x accelerators x bandwidth / bytes read per step), "
        + "bytes read per step = min(N_total, batch x N_active) x bytes per weight + batch x context x KV bytes per token; every sequence holds the full context.";

    public void WriteTables(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var m = Run.Model;
        var a = Run.Accelerator;
        var p = Run.Precision.ToString().ToUpperInvariant();
        var table = new Table().Title(Fmt.Text($"Inference - {m.Name} on {a.Name}")).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("note");
        void Row(string figure, string value, string note) => table.AddRow(Markup.Escape(figure), Markup.Escape(value), Markup.Escape(note));
        var kv = m.KvLoraRank is { } c
            ? Fmt.Text($"multi-head latent attention: {m.Layers} layers x ({c} + {m.RopeHeadDim}) values x {ComputeEngine.BytesPerValue(Run.Precision):0} B")
            : Fmt.Text($"2 x {m.Layers} layers x {m.KvHeads} KV heads x {m.HeadDim} x {ComputeEngine.BytesPerValue(Run.Precision):0} B");
        Row("Weights", Fmt.N(serving.WeightBytes / Gb, 1), Fmt.Text($"GB: {Fmt.N(m.TotalParamsBillion, 1)} B parameters x {ComputeEngine.BytesPerValue(Run.Precision):0} B at {p}"));
        Row("KV cache per token", Fmt.N(serving.KvBytesPerToken / 1024, 1), "KiB: " + kv);
        Row("Context per sequence", Fmt.Int(Run.ContextTokens), contextDefaulted ? "tokens (default: the model's training sequence length; set --context)" : "tokens");
        Row("Batch", Fmt.Int(serving.Batch), batchDefaulted ? "sequences per replica (default: as many as fit; set --batch)" : "sequences per replica");
        Row("Accelerators per replica", Fmt.Int(serving.AcceleratorsPerReplica), Fmt.Text(
            $"{(replicaDefaulted ? "fewest that hold " : "holding ")}{Fmt.N(serving.BytesNeeded / Gb, 1)} GB (weights + KV cache) in {Fmt.N(serving.AcceleratorsPerReplica * serving.UsableBytesPerAccelerator / Gb, 1)} GB usable: {Fmt.N(a.MemoryGb, 0)} GB x {Fmt.Pct(Run.MemoryUtilisation, 0)} each"));
        Row("FLOP per token", Fmt.Text($"{single.FlopsPerToken:0.00e+00}"), Fmt.Text($"2 x {Fmt.N(m.ActiveParamsBillion, 1)} B active parameters"));
        Row("Compute bound", Fmt.N(serving.ComputeBoundTokensPerSecondPerReplica, 0), Fmt.Text(
            $"tokens/s per replica: {serving.AcceleratorsPerReplica} x {p} peak x MFU {Fmt.Pct(Run.Mfu, 0)}{(mfuDefaulted ? " (default; set --mfu)" : string.Empty)} / FLOP per token"));
        Row("Memory-bandwidth bound", Fmt.N(serving.MemoryBoundTokensPerSecondPerReplica, 0), Fmt.Text(
            $"tokens/s per replica: batch x {serving.AcceleratorsPerReplica} x {Fmt.N(a.MemoryBandwidthTbps, 2)} TB/s / {Fmt.N(serving.BytesReadPerStep / Gb, 1)} GB read per decode step"));
        Row("Tokens/s per replica", Fmt.N(serving.TokensPerSecondPerReplica, 0), serving.Bound == DecodeBound.Compute ? "compute-bound" : "memory-bandwidth-bound");
        Row("Tokens/s per accelerator", Fmt.N(serving.TokensPerSecondPerAccelerator, 0), Fmt.Text($"per replica / {serving.AcceleratorsPerReplica}"));
        Row("One sequence, bandwidth ceiling", Fmt.N(single.BandwidthBoundTokensPerSecondAtBatch1, 1), Fmt.Text($"tokens/s on one accelerator: {Fmt.N(a.MemoryBandwidthTbps, 2)} TB/s / active weights (if they fitted)"));
        Row("Power per accelerator", Fmt.N(serving.WattsPerAccelerator, 0), Fmt.Text($"W at the meter (TDP {Fmt.N(a.TdpWatts, 0)} x {Fmt.N(values.PowerFraction, 2)} + {Fmt.N(values.HostWatts, 0)} W host) x PUE {Fmt.N(values.Pue, 2)}"));
        Row("Energy per million tokens", Fmt.N(serving.EnergyKwhPerMillionTokens, 3), "kWh, the whole replica");
        Row("Cost per million tokens", serving.CostPerMillionTokens is { } cost ? Fmt.N(cost.Amount, 4) : "n/a", serving.CostPerMillionTokens is { } cc ? Fmt.Text($"{cc.Currency}; {priceNote}") : priceNote);
        Row("A brain for the same time", Fmt.N(BrainComparison.BrainEnergyKwh(1e6 / serving.TokensPerSecondPerReplica), 4), "kWh at 20 W while the replica makes a million tokens");
        console.Write(table);
        console.WriteLine("Model: " + ModelWords + " docs/compute.md has the details.");
    }
}
