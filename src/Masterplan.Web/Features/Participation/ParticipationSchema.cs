using Masterplan.Web.Data;
using Masterplan.Web.Features.Audit;
using Masterplan.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Masterplan.Web.Features.Participation;

/// <summary>The tables of the residents' digital input on <see cref="AppDbContext"/> (<c>db.InputCalls</c>, …).</summary>
public static class ParticipationTables
{
    extension(AppDbContext db)
    {
        public DbSet<InputCall> InputCalls => db.Set<InputCall>();

        public DbSet<Contribution> Contributions => db.Set<Contribution>();

        public DbSet<ContributionSupport> ContributionSupports => db.Set<ContributionSupport>();

        public DbSet<InputCallQuestion> InputCallQuestions => db.Set<InputCallQuestion>();

        public DbSet<ContributionAnswer> ContributionAnswers => db.Set<ContributionAnswer>();

        public DbSet<ContributionFlag> ContributionFlags => db.Set<ContributionFlag>();
    }
}

/// <summary>
/// A call for residents' digital input (Beteiligung), created by the Office. 004 §5: every Quartierslabor's concept says
/// how residents of the district give input digitally and how it is published and evaluated; 002 lines 49–51 ask for
/// participation in the priorities of the Ordnungsdienst (an Office topic). Not to be confused with a paper's Consultation.
/// </summary>
public sealed class InputCall : IAudited
{
    public int Id { get; set; }

    public required string Title { get; set; }

    /// <summary>What it is about, in plain language.</summary>
    public required string Description { get; set; }

    /// <summary>What residents are asked.</summary>
    public required string Question { get; set; }

    public DateTimeOffset OpensAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    /// <summary>What happens with the input (004 §5: it is published and evaluated), shown before anyone writes.</summary>
    public required string WhatHappens { get; set; }

    /// <summary>By when residents get an answer.</summary>
    public DateOnly? AnswerBy { get; set; }

    /// <summary>What it belongs to: <see cref="ParticipationModule.BelongsToKinds"/>.</summary>
    public required string BelongsToKind { get; set; }

    /// <summary>The lab, field of action or body it belongs to; null for an Office topic.</summary>
    public int? BelongsToId { get; set; }

    /// <summary>The Office topic ("Schwerpunkte des Kommunalen Ordnungsdienstes in Ihrem Stadtbezirk").</summary>
    public string? Topic { get; set; }

    /// <summary>Themes residents may choose from, one per line; empty for none.</summary>
    public string? Themes { get; set; }

    /// <summary>Pre-moderation (the default: nothing is public before the Office looked at it) or post-moderation.</summary>
    public string ModerationMode { get; set; } = ParticipationModule.PreModeration;

    /// <summary>Days after closing until e-mail addresses and redacted originals are deleted.</summary>
    public int RetentionDays { get; set; } = 180;

    /// <summary>When the retention job deleted the personal data of this call's contributions.</summary>
    public DateTimeOffset? PersonalDataDeletedAt { get; set; }

    public bool IsDemo { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public IReadOnlyList<string> ThemeList => ParticipationModule.Lines(Themes);
}

/// <summary>
/// What a resident wrote to an input call. Not audited field by field: the address and a redacted original must go when
/// their time is up, and the audit log keeps everything forever; moderation decisions get audit entries of their own.
/// </summary>
public sealed class Contribution : Masterplan.Web.Shared.IEmailOptIn
{
    public int Id { get; set; }

    public int InputCallId { get; set; }

    /// <summary>SHA-256 of the receipt number the resident was shown (<see cref="Shared.HashedCodes"/>).</summary>
    public required string ReceiptHash { get; set; }

    /// <summary>The text as it is shown: the resident's, or the redacted one once the Office removed third parties' data.</summary>
    public required string Text { get; set; }

    /// <summary>The resident's text before redaction, for the Office only; deleted with the call's retention period.</summary>
    public string? OriginalText { get; set; }

    public string? District { get; set; }

    public string? Theme { get; set; }

    /// <summary>The name the resident gave; null for anonymous.</summary>
    public string? AuthorName { get; set; }

    /// <summary>Only when the resident wants an answer; never shown, deleted with the call's retention period.</summary>
    public string? Email { get; set; }

    /// <summary>SHA-256 of the double opt-in token mailed to <see cref="Email"/>.</summary>
    public string? ConfirmTokenHash { get; set; }

    public DateTimeOffset? ConfirmTokenExpiresAt { get; set; }

    public DateTimeOffset? EmailConfirmedAt { get; set; }

    string? Masterplan.Web.Shared.IEmailOptIn.OptInEmail => Email;

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary><see cref="ParticipationModule.Pending"/>, <see cref="ParticipationModule.Published"/> or <see cref="ParticipationModule.Rejected"/>.</summary>
    public required string Moderation { get; set; }

    /// <summary>The netiquette rule a rejection names (<see cref="ParticipationModule.NetiquetteReasons"/>).</summary>
    public string? RejectReason { get; set; }

    public DateTimeOffset? ModeratedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The evaluation: one of <see cref="ParticipationModule.Statuses"/>.</summary>
    public string Status { get; set; } = ParticipationModule.Received;

    public string? Answer { get; set; }

    /// <summary>Why it was not taken up.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Who answered, as the public sees it ("Geschäftsstelle").</summary>
    public string? AnsweredBy { get; set; }

    /// <summary>What took it up: <see cref="ParticipationModule.TakenUpByLabRecommendation"/> or <see cref="ParticipationModule.TakenUpByMeasure"/>.</summary>
    public string? TakenUpKind { get; set; }

    public int? TakenUpId { get; set; }

    public DateTimeOffset? AnswerMailedAt { get; set; }

    public int SupportCount { get; set; }

    /// <summary>Readers' flags since the Office last looked at them (<see cref="ContributionFlag"/>).</summary>
    public int FlagCount { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>
/// An extra question of a call, of a fixed kind: free text (read by the Office only, never published, deleted with the
/// call's retention period, since it may name people) or a choice of given options (published as counts).
/// </summary>
public sealed class InputCallQuestion : IAudited, IExtraQuestion
{
    public int Id { get; set; }

    public int InputCallId { get; set; }

    public int Position { get; set; }

    /// <summary><see cref="ParticipationModule.FreeTextQuestion"/> or <see cref="ParticipationModule.ChoiceQuestion"/>.</summary>
    public required string Kind { get; set; }

    public required string Prompt { get; set; }

    /// <summary>The options of a choice, one per line.</summary>
    public string? Options { get; set; }

    public bool Required { get; set; }

    public IReadOnlyList<string> OptionList => ParticipationModule.Lines(Options);
}

/// <summary>A resident's answer to an extra question.</summary>
public sealed class ContributionAnswer
{
    public int Id { get; set; }

    public int ContributionId { get; set; }

    public int QuestionId { get; set; }

    public required string Value { get; set; }
}

/// <summary>A reader's flag on a published contribution ("Beitrag melden"): one per browser, with the netiquette rule it breaks.</summary>
public sealed class ContributionFlag
{
    public int Id { get; set; }

    public int ContributionId { get; set; }

    public required string BrowserHash { get; set; }

    /// <summary>A code of <see cref="ParticipationModule.NetiquetteReasons"/>.</summary>
    public required string Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An "ich auch": one per browser, known by the SHA-256 of a random cookie value.</summary>
public sealed class ContributionSupport
{
    public int Id { get; set; }

    public int ContributionId { get; set; }

    public required string BrowserHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class InputCallConfiguration : IEntityTypeConfiguration<InputCall>
{
    public void Configure(EntityTypeBuilder<InputCall> c)
    {
        c.ToTable("InputCalls");
        c.Ignore(x => x.ThemeList);
        c.Property(x => x.Title).HasMaxLength(300);
        c.Property(x => x.Description).HasMaxLength(4000);
        c.Property(x => x.Question).HasMaxLength(1000);
        c.Property(x => x.WhatHappens).HasMaxLength(4000);
        c.Property(x => x.BelongsToKind).HasMaxLength(20);
        c.Property(x => x.Topic).HasMaxLength(300);
        c.Property(x => x.Themes).HasMaxLength(2000);
        c.Property(x => x.ModerationMode).HasMaxLength(10);
        c.Property(x => x.UpdatedBy).HasMaxLength(300);
        c.HasIndex(x => x.OpensAt);
    }
}

internal sealed class ContributionConfiguration : IEntityTypeConfiguration<Contribution>
{
    public void Configure(EntityTypeBuilder<Contribution> c)
    {
        c.ToTable("Contributions");
        c.Property(x => x.ReceiptHash).HasMaxLength(64);
        c.Property(x => x.Text).HasMaxLength(ParticipationModule.MaxTextLength);
        c.Property(x => x.OriginalText).HasMaxLength(ParticipationModule.MaxTextLength);
        c.Property(x => x.District).HasMaxLength(100);
        c.Property(x => x.Theme).HasMaxLength(200);
        c.Property(x => x.AuthorName).HasMaxLength(200);
        c.Property(x => x.Email).HasMaxLength(320);
        c.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        c.Property(x => x.Moderation).HasMaxLength(20);
        c.Property(x => x.RejectReason).HasMaxLength(40);
        c.Property(x => x.Status).HasMaxLength(20);
        c.Property(x => x.Answer).HasMaxLength(4000);
        c.Property(x => x.Reason).HasMaxLength(4000);
        c.Property(x => x.AnsweredBy).HasMaxLength(300);
        c.Property(x => x.TakenUpKind).HasMaxLength(30);
        c.HasOne<InputCall>().WithMany().HasForeignKey(x => x.InputCallId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => x.ReceiptHash).IsUnique();
        c.HasIndex(x => x.ConfirmTokenHash).IsUnique();
        // The public page of a call: its published contributions, newest first, filtered by district and theme.
        c.HasIndex(x => new { x.InputCallId, x.Moderation, x.SubmittedAt });
    }
}

internal sealed class ContributionSupportConfiguration : IEntityTypeConfiguration<ContributionSupport>
{
    public void Configure(EntityTypeBuilder<ContributionSupport> s)
    {
        s.ToTable("ContributionSupports");
        s.Property(x => x.BrowserHash).HasMaxLength(64);
        s.HasOne<Contribution>().WithMany().HasForeignKey(x => x.ContributionId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => new { x.ContributionId, x.BrowserHash }).IsUnique();
    }
}

internal sealed class InputCallQuestionConfiguration : IEntityTypeConfiguration<InputCallQuestion>
{
    public void Configure(EntityTypeBuilder<InputCallQuestion> q)
    {
        q.ToTable("InputCallQuestions");
        q.Ignore(x => x.OptionList);
        q.Property(x => x.Kind).HasMaxLength(10);
        q.Property(x => x.Prompt).HasMaxLength(500);
        q.Property(x => x.Options).HasMaxLength(2000);
        q.HasOne<InputCall>().WithMany().HasForeignKey(x => x.InputCallId).OnDelete(DeleteBehavior.Cascade);
        q.HasIndex(x => new { x.InputCallId, x.Position });
    }
}

internal sealed class ContributionAnswerConfiguration : IEntityTypeConfiguration<ContributionAnswer>
{
    public void Configure(EntityTypeBuilder<ContributionAnswer> a)
    {
        a.ToTable("ContributionAnswers");
        a.Property(x => x.Value).HasMaxLength(ParticipationModule.MaxAnswerLength);
        a.HasOne<Contribution>().WithMany().HasForeignKey(x => x.ContributionId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: a question with answers is not deleted (the evaluation counts them).
        a.HasOne<InputCallQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Restrict);
        a.HasIndex(x => new { x.ContributionId, x.QuestionId }).IsUnique();
        a.HasIndex(x => x.QuestionId);
    }
}

internal sealed class ContributionFlagConfiguration : IEntityTypeConfiguration<ContributionFlag>
{
    public void Configure(EntityTypeBuilder<ContributionFlag> f)
    {
        f.ToTable("ContributionFlags");
        f.Property(x => x.BrowserHash).HasMaxLength(64);
        f.Property(x => x.Reason).HasMaxLength(40);
        f.HasOne<Contribution>().WithMany().HasForeignKey(x => x.ContributionId).OnDelete(DeleteBehavior.Cascade);
        f.HasIndex(x => new { x.ContributionId, x.BrowserHash }).IsUnique();
    }
}
