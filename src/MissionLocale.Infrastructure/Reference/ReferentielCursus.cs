using Microsoft.EntityFrameworkCore;
using MissionLocale.Domain.Reference;
using MissionLocale.Infrastructure.Persistence;

namespace MissionLocale.Infrastructure.Reference;

/// <summary>
/// CUR-01, CUR-02 and CUR-04 nomenclatures (sources in docs/reference-data.md): levels of the cadre national des
/// certifications professionnelles (décret n° 2019-14 du 8 janvier 2019; INSEE definition c2296), the usual diplomas
/// with their level, the last classes attended, and the six objectifs généraux of a formation. Entries missing from the
/// table are added (a new list on an existing database); existing ones are left as administrators dated them.
/// </summary>
public static class ReferentielCursus
{
    private static readonly DateOnly Cadre2019 = new(2019, 1, 1);

    public static IEnumerable<ElementNomenclature> Elements()
    {
        var ordre = 0;
        ElementNomenclature E(string liste, string code, string libelle, int? niveau = null) => new(liste, code, libelle, niveau, ++ordre, Cadre2019);

        yield return E(ElementNomenclature.Niveaux, "0", "Sans diplôme (infra niveau 3)", 0);
        yield return E(ElementNomenclature.Niveaux, "3", "Niveau 3 (CAP, BEP)", 3);
        yield return E(ElementNomenclature.Niveaux, "4", "Niveau 4 (baccalauréat, brevet professionnel)", 4);
        yield return E(ElementNomenclature.Niveaux, "5", "Niveau 5 (bac + 2 : BTS, DEUST)", 5);
        yield return E(ElementNomenclature.Niveaux, "6", "Niveau 6 (bac + 3 ou 4 : licence, BUT)", 6);
        yield return E(ElementNomenclature.Niveaux, "7", "Niveau 7 (bac + 5 : master, ingénieur)", 7);
        yield return E(ElementNomenclature.Niveaux, "8", "Niveau 8 (doctorat)", 8);

        // Diplomas and titles a jeune of 16-25 usually holds or prepares; any RNCP title is entered with its level.
        yield return E(ElementNomenclature.Validations, "CFG", "Certificat de formation générale (CFG)", 0);
        yield return E(ElementNomenclature.Validations, "DNB", "Diplôme national du brevet (DNB)", 0);
        yield return E(ElementNomenclature.Validations, "CLEA", "Certificat CléA", 0);
        yield return E(ElementNomenclature.Validations, "CAP", "CAP", 3);
        yield return E(ElementNomenclature.Validations, "CAPA", "CAP agricole", 3);
        yield return E(ElementNomenclature.Validations, "BEP", "BEP", 3);
        yield return E(ElementNomenclature.Validations, "TP3", "Titre professionnel de niveau 3", 3);
        yield return E(ElementNomenclature.Validations, "BACG", "Baccalauréat général", 4);
        yield return E(ElementNomenclature.Validations, "BACT", "Baccalauréat technologique", 4);
        yield return E(ElementNomenclature.Validations, "BACP", "Baccalauréat professionnel", 4);
        yield return E(ElementNomenclature.Validations, "BP", "Brevet professionnel", 4);
        yield return E(ElementNomenclature.Validations, "DAEU", "DAEU", 4);
        yield return E(ElementNomenclature.Validations, "TP4", "Titre professionnel de niveau 4", 4);
        yield return E(ElementNomenclature.Validations, "BTS", "BTS", 5);
        yield return E(ElementNomenclature.Validations, "BTSA", "BTS agricole", 5);
        yield return E(ElementNomenclature.Validations, "DEUST", "DEUST", 5);
        yield return E(ElementNomenclature.Validations, "TP5", "Titre professionnel de niveau 5", 5);
        yield return E(ElementNomenclature.Validations, "BUT", "Bachelor universitaire de technologie (BUT)", 6);
        yield return E(ElementNomenclature.Validations, "LIC", "Licence", 6);
        yield return E(ElementNomenclature.Validations, "LICP", "Licence professionnelle", 6);
        yield return E(ElementNomenclature.Validations, "MAST", "Master", 7);
        yield return E(ElementNomenclature.Validations, "ING", "Diplôme d'ingénieur", 7);
        yield return E(ElementNomenclature.Validations, "DOCT", "Doctorat", 8);

        yield return E(ElementNomenclature.Classes, "6-3", "Collège (6e à 4e)");
        yield return E(ElementNomenclature.Classes, "3E", "3e");
        yield return E(ElementNomenclature.Classes, "SEGPA", "3e SEGPA");
        yield return E(ElementNomenclature.Classes, "CAP1", "1re année de CAP");
        yield return E(ElementNomenclature.Classes, "CAP2", "2e année de CAP");
        yield return E(ElementNomenclature.Classes, "2GT", "Seconde générale et technologique");
        yield return E(ElementNomenclature.Classes, "2PRO", "Seconde professionnelle");
        yield return E(ElementNomenclature.Classes, "1GT", "Première générale ou technologique");
        yield return E(ElementNomenclature.Classes, "1PRO", "Première professionnelle");
        yield return E(ElementNomenclature.Classes, "TGT", "Terminale générale ou technologique");
        yield return E(ElementNomenclature.Classes, "TPRO", "Terminale professionnelle");
        yield return E(ElementNomenclature.Classes, "SUP1", "1re année d'études supérieures");
        yield return E(ElementNomenclature.Classes, "SUP2", "2e année d'études supérieures");
        yield return E(ElementNomenclature.Classes, "SUP3", "3e année d'études supérieures ou plus");

        // CUR-04, in the order of the rule.
        yield return E(ElementNomenclature.ObjectifsFormation, "CERT", "Certification");
        yield return E(ElementNomenclature.ObjectifsFormation, "PREQ", "Préparation à la qualification");
        yield return E(ElementNomenclature.ObjectifsFormation, "PROF", "Professionnalisation (perfectionnement inclus)");
        yield return E(ElementNomenclature.ObjectifsFormation, "MOBI", "(Re)mobilisation / aide à l'élaboration de projet");
        yield return E(ElementNomenclature.ObjectifsFormation, "RAN", "Remise à niveau, savoirs de base");
        yield return E(ElementNomenclature.ObjectifsFormation, "CREA", "Création d'entreprise");
    }

    public static async Task ChargerAsync(AppDbContext db, CancellationToken ct)
    {
        var existants = (await db.Nomenclatures.Select(n => new { n.Liste, n.Code }).ToListAsync(ct)).Select(n => (n.Liste, n.Code)).ToHashSet();
        var manquants = Elements().Where(e => !existants.Contains((e.Liste, e.Code))).ToList();
        if (manquants.Count > 0)
        {
            db.Nomenclatures.AddRange(manquants);
            await db.SaveChangesAsync(ct);
        }
    }
}
