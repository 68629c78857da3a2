using System.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;
using MissionLocale.Application.Common;
using MissionLocale.Application.Documents;
using MissionLocale.Domain.Common;
using MissionLocale.Domain.Dispositifs;
using MissionLocale.Domain.Utilisateurs;

namespace MissionLocale.Application.Dispositifs.ImprimerSortiesPacea;

/// <summary>PACEA-10: the order of the weekly list.</summary>
public enum TriSortiesPacea
{
    DateSortie = 1,
    DateEntree = 2,
}

public sealed record SortiePacea(Guid JeuneId, string Nom, string Prenom, DateOnly DateNaissance, string? IdentifiantFt, DateOnly DateEntree, DateOnly DateSortie);

public sealed record ListeSortiesPacea(DateOnly Lundi, DateOnly Dimanche, IReadOnlyList<SortiePacea> Sorties, byte[] Pdf);

/// <summary>
/// PACEA-10: the PACEA exits with motif "Réorientation anticipée autre dispositif" over a week (by default the previous
/// one), by exit date or by date of entry, as a printable PDF for the ASP.
/// </summary>
[Requires(Droit.ConsulterDossier)]
public sealed record ImprimerSortiesPaceaQuery(DateOnly? Semaine = null, TriSortiesPacea Tri = TriSortiesPacea.DateSortie) : IQuery<ListeSortiesPacea>;

public sealed class ImprimerSortiesPaceaHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, ILettresPdf pdf) : IQueryHandler<ImprimerSortiesPaceaQuery, ListeSortiesPacea>
{
    public const string Motif = "Réorientation anticipée autre dispositif";

    public async ValueTask<ListeSortiesPacea> Handle(ImprimerSortiesPaceaQuery q, CancellationToken cancellationToken)
    {
        var lundi = HeuresCej.Lundi(q.Semaine ?? clock.Aujourdhui().AddDays(-7));
        var dimanche = lundi.AddDays(6);
        var sorties = await (from d in db.Dispositifs.AsNoTracking()
                             join j in db.Jeunes.AsNoTracking() on d.JeuneId equals j.Id
                             where d.TypeCode == CodeDispositif.Pacea && d.MotifSortie == Motif && d.DateFinReelle >= lundi && d.DateFinReelle <= dimanche
                             select new SortiePacea(j.Id, j.NomUsage, j.Prenom, j.DateNaissance, j.IdentifiantFt, d.DateDebut, d.DateFinReelle!.Value))
            .ToListAsync(cancellationToken);
        sorties = (q.Tri == TriSortiesPacea.DateEntree
                ? sorties.OrderBy(s => s.DateEntree).ThenBy(s => s.Nom, StringComparer.Ordinal)
                : sorties.OrderBy(s => s.DateSortie).ThenBy(s => s.Nom, StringComparer.Ordinal))
            .ToList();
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == user.StructureId).Select(s => s.Nom).FirstOrDefaultAsync(cancellationToken);

        var texte = new StringBuilder();
        texte.AppendLine(Libelles.Francais, $"# Sorties PACEA « {Motif} »");
        texte.AppendLine(Libelles.Francais, $"{structure} — semaine du {lundi:dd/MM/yyyy} au {dimanche:dd/MM/yyyy}, triées par date {(q.Tri == TriSortiesPacea.DateEntree ? "d'entrée" : "de sortie")}");
        texte.AppendLine(Libelles.Francais, $"Édité le {clock.GetLocalNow():dd/MM/yyyy à HH:mm} — {Libelles.Nombre(sorties.Count, "sortie")} — liste à transmettre à l'ASP (PACEA-10)");
        texte.AppendLine();
        texte.AppendLine("# Nom Prénom — né(e) le — identifiant France Travail — entrée — sortie");
        foreach (var s in sorties)
        {
            texte.AppendLine(Libelles.Francais, $"{s.Nom} {s.Prenom} — {s.DateNaissance:dd/MM/yyyy} — {s.IdentifiantFt ?? "sans identifiant"} — {s.DateEntree:dd/MM/yyyy} — {s.DateSortie:dd/MM/yyyy}");
        }

        if (sorties.Count == 0)
        {
            texte.AppendLine("Aucune sortie cette semaine.");
        }

        return new ListeSortiesPacea(lundi, dimanche, sorties, pdf.Rendre([new Lettre($"Sorties PACEA du {lundi:dd/MM/yyyy}", texte.ToString())]));
    }
}
