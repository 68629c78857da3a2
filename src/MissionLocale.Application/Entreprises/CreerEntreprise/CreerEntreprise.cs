using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Entreprises.GererEntreprises;
using MissionLocale.Domain.Entreprises;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Entreprises.CreerEntreprise;

/// <summary>ENT-01: a company with a valid SIRET, one per SIRET in the structure.</summary>
[Requires(Droit.GererEntreprises)]
public sealed record CreerEntrepriseCommand(string? Siret, string? RaisonSociale, string? Enseigne, string? CodeNaf, string? AdresseVoie, string? CodePostal, string? CommuneInsee,
    bool RattacheeSirene, Guid? ReferentId) : ICommand<Guid>, ITransactional;

public sealed class CreerEntrepriseValidator : AbstractValidator<CreerEntrepriseCommand>
{
    public CreerEntrepriseValidator(IAppDbContext db) =>
        SaisieEntrepriseRegles.Appliquer(this, db, x => x.Siret, x => x.RaisonSociale, x => x.CommuneInsee, x => x.CodePostal, x => x.ReferentId);
}

public sealed class CreerEntrepriseHandler(IAppDbContext db, ICurrentUser user) : ICommandHandler<CreerEntrepriseCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreerEntrepriseCommand c, CancellationToken cancellationToken)
    {
        var entreprise = Entreprise.Creer(user.StructureId, new SaisieEntreprise(c.Siret!, c.RaisonSociale!, c.Enseigne, c.CodeNaf, c.AdresseVoie, c.CodePostal, c.CommuneInsee!, c.RattacheeSirene, c.ReferentId));
        var existante = await db.Entreprises.Where(e => e.Siret == entreprise.Siret).Select(e => e.RaisonSociale).FirstOrDefaultAsync(cancellationToken);
        Domain.Entreprises.ReglesEntreprise.VerifierSiretLibre(existante, entreprise.Siret);
        db.Entreprises.Add(entreprise);
        await db.SaveChangesAsync(cancellationToken);
        return entreprise.Id;
    }
}
