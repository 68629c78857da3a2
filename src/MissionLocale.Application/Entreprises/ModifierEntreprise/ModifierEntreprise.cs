using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Entreprises.GererEntreprises;
using MissionLocale.Domain.Entreprises;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Entreprises.ModifierEntreprise;

/// <summary>ENT-01: the company's identity, address, SIRENE flag and référent, at the version read.</summary>
[Requires(Droit.GererEntreprises)]
public sealed record ModifierEntrepriseCommand(Guid EntrepriseId, int Version, string? Siret, string? RaisonSociale, string? Enseigne, string? CodeNaf, string? AdresseVoie, string? CodePostal,
    string? CommuneInsee, bool RattacheeSirene, Guid? ReferentId) : ICommand<Unit>, ITransactional;

public sealed class ModifierEntrepriseValidator : AbstractValidator<ModifierEntrepriseCommand>
{
    public ModifierEntrepriseValidator(IAppDbContext db) =>
        SaisieEntrepriseRegles.Appliquer(this, db, x => x.Siret, x => x.RaisonSociale, x => x.CommuneInsee, x => x.CodePostal, x => x.ReferentId);
}

public sealed class ModifierEntrepriseHandler(IAppDbContext db) : ICommandHandler<ModifierEntrepriseCommand, Unit>
{
    public async ValueTask<Unit> Handle(ModifierEntrepriseCommand c, CancellationToken cancellationToken)
    {
        var e = await db.Entreprises.AVersionAsync(c.EntrepriseId, c.Version, "Entreprise introuvable.", cancellationToken);
        e.Modifier(new SaisieEntreprise(c.Siret!, c.RaisonSociale!, c.Enseigne, c.CodeNaf, c.AdresseVoie, c.CodePostal, c.CommuneInsee!, c.RattacheeSirene, c.ReferentId));
        var autre = await db.Entreprises.Where(x => x.Siret == e.Siret && x.Id != e.Id).Select(x => x.RaisonSociale).FirstOrDefaultAsync(cancellationToken);
        Domain.Entreprises.ReglesEntreprise.VerifierSiretLibre(autre, e.Siret);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
