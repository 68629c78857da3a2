using Microsoft.EntityFrameworkCore;
using MissionLocale.Domain.Documents;
using MissionLocale.Domain.Offres;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Infrastructure.Seed;

/// <summary>
/// Every structure starts with the domains of EVT-01 and a convocation template (RDV-03); its administrators
/// edit them afterwards. Runs at start for structures that have none.
/// </summary>
public static class ReferentielsStructure
{
    public static async Task CompleterAsync(DbContextOptions<AppDbContext> options, TimeProvider clock, CancellationToken ct = default)
    {
        List<Guid> structures;
        await using (var systeme = new AppDbContext(options, new SystemUser(), clock))
        {
            structures = await systeme.Structures.Select(s => s.Id).ToListAsync(ct);
        }

        foreach (var id in structures)
        {
            await using var db = new AppDbContext(options, new SystemUser(id), clock);
            if (!await db.DomainesProposition.AnyAsync(ct))
            {
                db.DomainesProposition.AddRange(DomaineProposition.ParDefaut.Select(d => new DomaineProposition(id, d.Code, d.Libelle)));
            }

            if (!await db.ModelesLettre.AnyAsync(m => m.Categorie == CategorieDocument.Convocation, ct))
            {
                db.ModelesLettre.Add(new ModeleLettre(id, CategorieDocument.Convocation, "Convocation à un rendez-vous", ModeleLettre.ConvocationParDefaut));
            }

            // EP-03: the notice of a saisine of the équipe pluridisciplinaire, a template the administrators can reword.
            if (!await db.ModelesLettre.AnyAsync(m => m.Categorie == CategorieDocument.Courrier && m.Titre == ModeleLettre.TitreAvisSaisine, ct))
            {
                db.ModelesLettre.Add(new ModeleLettre(id, CategorieDocument.Courrier, ModeleLettre.TitreAvisSaisine, ModeleLettre.AvisSaisineParDefaut));
            }

            await db.SaveChangesAsync(ct);
        }
    }
}
