using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Jeunes.Common;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Jeunes;
using MissionLocale.Domain.RendezVous;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Documents.GenererConvocation;

/// <summary>RDV-03: the convocation of a rendez-vous as a PDF from the structure's template, stored in the dossier's documents.
/// Refused for an NPAI address or a deceased jeune (JEU-05, JEU-07).</summary>
[Requires(Droit.GererDocuments)]
public sealed record GenererConvocationCommand(Guid RendezVousId) : ICommand<Guid>, ITransactional;

public sealed class GenererConvocationHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILettresPdf pdf) : ICommandHandler<GenererConvocationCommand, Guid>
{
    public async ValueTask<Guid> Handle(GenererConvocationCommand c, CancellationToken cancellationToken)
    {
        var rdv = await db.RendezVous.AsNoTracking().SingleOrDefaultAsync(r => r.Id == c.RendezVousId, cancellationToken) ?? throw new NotFoundException("Rendez-vous introuvable.");
        var jeune = await db.ChargerDossierAsync(rdv.JeuneId, cancellationToken);
        var lettre = await new Convocations(db, clock).ComposerAsync(jeune, rdv, cancellationToken);
        var document = new Document(user.StructureId, jeune.Id, CategorieDocument.Convocation, $"Convocation {clock.Local(rdv.Debut):yyyy-MM-dd HHmm} {jeune.NomUsage}.pdf",
            "application/pdf", pdf.Rendre([lettre]), user.UtilisateurId, clock.GetUtcNow(), rdv.Id);
        db.Documents.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        return document.Id;
    }
}

/// <summary>RDV-03: the day's convocations of the user as one PDF; dossiers that cannot receive mail are listed, not printed.</summary>
[Requires(Droit.GererDocuments)]
public sealed record ImprimerConvocationsDuJourQuery(DateOnly Jour) : IQuery<ConvocationsDuJour>;

public sealed record ConvocationsDuJour(byte[] Pdf, int Imprimees, IReadOnlyList<string> Ecartees);

public sealed class ImprimerConvocationsDuJourHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILettresPdf pdf) : IQueryHandler<ImprimerConvocationsDuJourQuery, ConvocationsDuJour>
{
    public async ValueTask<ConvocationsDuJour> Handle(ImprimerConvocationsDuJourQuery q, CancellationToken cancellationToken)
    {
        var fuseau = clock.LocalTimeZone;
        var debut = new DateTimeOffset(q.Jour.ToDateTime(TimeOnly.MinValue), fuseau.GetUtcOffset(q.Jour.ToDateTime(TimeOnly.MinValue)));
        var fin = debut.AddDays(1);
        var rdvs = await db.RendezVous.AsNoTracking()
            .Where(r => r.IntervenantId == user.UtilisateurId && r.Statut == StatutRendezVous.Planifie && r.Debut >= debut && r.Debut < fin)
            .OrderBy(r => r.Debut).ToListAsync(cancellationToken);
        var ids = rdvs.Select(r => r.JeuneId).Distinct().ToList();
        var jeunes = await db.Jeunes.Include(j => j.Adresses).AsNoTracking().Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        var lettres = new List<Lettre>();
        var ecartees = new List<string>();
        var convocations = new Convocations(db, clock);
        foreach (var r in rdvs)
        {
            var jeune = jeunes[r.JeuneId];
            try
            {
                lettres.Add(await convocations.ComposerAsync(jeune, r, cancellationToken));
            }
            catch (BusinessRuleException e)
            {
                ecartees.Add($"{jeune.NomUsage} {jeune.Prenom} ({r.Debut.ToOffset(fuseau.GetUtcOffset(r.Debut)):HH:mm}) : {e.Message} [{e.RuleId}]");
            }
        }

        return new ConvocationsDuJour(pdf.Rendre(lettres), lettres.Count, ecartees);
    }
}

/// <summary>RDV-03: composes convocation letters; one instance per batch, so the template and what the letters share are read once.</summary>
internal sealed class Convocations(IAppDbContext db, TimeProvider clock)
{
    private readonly SourcesCourrier sources = new(db);
    private ModeleLettre? modele;

    public async Task<Lettre> ComposerAsync(Jeune jeune, Domain.RendezVous.RendezVous rdv, CancellationToken ct)
    {
        BusinessRuleException.ThrowIfBroken(new Jeu05CourrierPossible(jeune));
        modele ??= ReglesDocuments.ModeleConvocation(await db.ModelesLettre.AsNoTracking().Where(m => m.Categorie == CategorieDocument.Convocation && m.Actif)
            .OrderBy(m => m.Titre).FirstOrDefaultAsync(ct));
        var valeurs = await Publipostage.ValeursConvocationAsync(sources, jeune, rdv, clock.LocalTimeZone, clock.GetUtcNow(), ct);
        return new Lettre(modele.Titre, Publipostage.Fusionner(modele.Corps, valeurs), await Publipostage.EnTeteAsync(sources, jeune.StructureId, ct));
    }
}
