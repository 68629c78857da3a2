using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Pilotage.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Pilotage;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Pilotage.SauvegarderRecherche;

/// <summary>PIL-02: saves the builder's criteria under a name, for oneself or shared with the structure.</summary>
[Requires(Droit.RechercherJeunes)]
public sealed record SauvegarderRechercheCommand(string Nom, bool Partagee, CriteresRecherche Criteres) : ICommand<Guid>, ITransactional;

/// <summary>PIL-02: renames, shares or changes the criteria of one's own search.</summary>
[Requires(Droit.RechercherJeunes)]
public sealed record ModifierRechercheCommand(Guid Id, int Version, string Nom, bool Partagee, CriteresRecherche Criteres) : ICommand<int>, ITransactional;

[Requires(Droit.RechercherJeunes)]
public sealed record SupprimerRechercheCommand(Guid Id) : ICommand<Unit>, ITransactional;

public sealed class SauvegarderRechercheValidator : AbstractValidator<SauvegarderRechercheCommand>
{
    public SauvegarderRechercheValidator()
    {
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom de la recherche est obligatoire.")
            .MaximumLength(100).WithMessage("Le nom de la recherche ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Criteres).NotNull().WithMessage("Les critères sont obligatoires.").SetValidator(new CriteresRechercheValidator());
    }
}

public sealed class ModifierRechercheValidator : AbstractValidator<ModifierRechercheCommand>
{
    public ModifierRechercheValidator()
    {
        RuleFor(x => x.Nom).NotEmpty().WithMessage("Le nom de la recherche est obligatoire.")
            .MaximumLength(100).WithMessage("Le nom de la recherche ne peut pas dépasser 100 caractères.");
        RuleFor(x => x.Criteres).NotNull().WithMessage("Les critères sont obligatoires.").SetValidator(new CriteresRechercheValidator());
    }
}

public sealed class SauvegarderRechercheHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SauvegarderRechercheCommand, Guid>
{
    public async ValueTask<Guid> Handle(SauvegarderRechercheCommand c, CancellationToken cancellationToken)
    {
        await NomLibreAsync(db, user.UtilisateurId, c.Nom, null, cancellationToken);
        var r = new RechercheSauvegardee(user.StructureId, user.UtilisateurId, c.Nom, c.Partagee, c.Criteres, clock.GetUtcNow());
        db.RecherchesSauvegardees.Add(r);
        await db.SaveChangesAsync(cancellationToken);
        return r.Id;
    }

    /// <summary>PIL-02: a user's searches have distinct names (also a unique index).</summary>
    internal static async Task NomLibreAsync(IAppDbContext db, Guid proprietaire, string nom, Guid? sauf, CancellationToken ct)
    {
        var n = nom.Trim();
        BusinessRuleException.ThrowIfBroken(new Pil02NomDistinct(n, await db.RecherchesSauvegardees.AnyAsync(r => r.ProprietaireId == proprietaire && r.Nom == n && r.Id != sauf, ct)));
    }
}

public sealed class ModifierRechercheHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<ModifierRechercheCommand, int>
{
    public async ValueTask<int> Handle(ModifierRechercheCommand c, CancellationToken cancellationToken)
    {
        var r = await db.RecherchesSauvegardees.AVersionAsync(c.Id, c.Version, "Recherche introuvable.", cancellationToken);
        r.VerifierAuteur(user.UtilisateurId);
        await SauvegarderRechercheHandler.NomLibreAsync(db, user.UtilisateurId, c.Nom, r.Id, cancellationToken);
        r.Modifier(c.Nom, c.Partagee, c.Criteres);
        await db.SaveChangesAsync(cancellationToken);
        return r.Version;
    }
}

public sealed class SupprimerRechercheHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<SupprimerRechercheCommand, Unit>
{
    public async ValueTask<Unit> Handle(SupprimerRechercheCommand c, CancellationToken cancellationToken)
    {
        var r = await db.RecherchesSauvegardees.SingleOrDefaultAsync(x => x.Id == c.Id && (x.Partagee || x.ProprietaireId == user.UtilisateurId), cancellationToken)
            ?? throw new NotFoundException("Recherche introuvable.");
        r.VerifierAuteur(user.UtilisateurId);
        db.RecherchesSauvegardees.Remove(r);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
