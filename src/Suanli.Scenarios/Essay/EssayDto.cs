using Suanli.Core;
using Suanli.Scenarios.Schema;

namespace Suanli.Scenarios.Essay;

/// <summary>The YAML shape of Essay/essay.yaml: the essay, its claims, their figures and the evidence.</summary>
internal sealed class EssayDto
{
    [Field("The essay itself.", Required = true)]
    public EssayInfoDto? Essay { get; set; }

    [Field("Claims C1-C9.", Required = true)]
    public List<EssayClaimDto>? Claims { get; set; }
}

/// <summary>Title, author and date of the essay.</summary>
internal sealed class EssayInfoDto
{
    [Field("Title as published.", Required = true)]
    public string? Title { get; set; }

    [Field("Author.", Required = true)]
    public string? Author { get; set; }

    [Field("Publication date, yyyy-mm-dd.", Required = true)]
    public string? Date { get; set; }
}

/// <summary>One claim.</summary>
internal sealed class EssayClaimDto
{
    [Field("C1 ... C9.", Required = true)]
    public string? Id { get; set; }

    [Field("The essay's section heading.", Required = true)]
    public string? Section { get; set; }

    [Field("The built-in preset the claim is computed on, if any.")]
    public string? Scenario { get; set; }

    [Field("Documented alternative inputs under which the verdict is tried again.")]
    public List<VariantDto>? Variants { get; set; }

    [Field("The essay's sentences, verbatim (Traditional Chinese).", Required = true)]
    public string? Quote { get; set; }

    [Field("An English rendering of the quote (Suanli's translation).", Required = true)]
    public string? English { get; set; }

    [Field("The essay's figures.", Required = true)]
    public List<EssayFigureDto>? Figures { get; set; }

    [Field("Published evidence.", Required = true)]
    public List<EvidenceDto>? Evidence { get; set; }
}

/// <summary>One figure of the essay.</summary>
internal sealed class EssayFigureDto
{
    [Field("Stable key.", Required = true)]
    public string? Key { get; set; }

    [Field("How the essay states it.", Required = true)]
    public FigureComparison? Comparison { get; set; }

    [Field("The value (for about, atLeast, atMost).")]
    public double? Value { get; set; }

    [Field("Low end (for range).")]
    public double? Low { get; set; }

    [Field("High end (for range).")]
    public double? High { get; set; }

    [Field("Unit.", Required = true)]
    public Unit? Unit { get; set; }

    [Field("Currency of a money figure.")]
    public Currency? Currency { get; set; }

    [Field("The period the figure is about.")]
    public string? Period { get; set; }
}

/// <summary>One piece of published evidence.</summary>
internal sealed class EvidenceDto
{
    [Field("Stable key.", Required = true)]
    public string? Key { get; set; }

    [Field("The essay figure it is compared with, if any.")]
    public string? Compares { get; set; }

    [Field("What the evidence says of a part of the claim without a number: supports or contradicts (the source's judgement).")]
    public EvidenceBearing? Bears { get; set; }

    [Field("A single value.")]
    public double? Value { get; set; }

    [Field("Low end of a range.")]
    public double? Low { get; set; }

    [Field("High end of a range.")]
    public double? High { get; set; }

    [Field("Unit (required with a value).")]
    public Unit? Unit { get; set; }

    [Field("Currency of a money value.")]
    public Currency? Currency { get; set; }

    [Field("The period the value is about.")]
    public string? Period { get; set; }

    [Field("How well it is sourced.", Required = true)]
    public EvidenceGrade? Grade { get; set; }

    [Field("Title, publisher, date and URL.", Required = true)]
    public string? Source { get; set; }
}

/// <summary>An alternative set of inputs for a claim's scenario.</summary>
internal sealed class VariantDto
{
    [Field("Stable key.", Required = true)]
    public string? Key { get; set; }

    [Field("--set overrides, path=value.", Required = true)]
    public List<string>? Set { get; set; }

    [Field("Why this alternative, with its source.", Required = true)]
    public string? Source { get; set; }
}
