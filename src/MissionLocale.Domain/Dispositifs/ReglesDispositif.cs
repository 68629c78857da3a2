using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Dispositifs;

/// <summary>The dispositif rules the handlers apply to the reference data and facts they gathered (DISP, CEJ-06, JEU-07, PACEA-09).</summary>
public static class ReglesDispositif
{
    /// <summary>DISP-04: the type exists on the date (its version valid then).</summary>
    public static TypeDispositif TypeValide(TypeDispositif? type, string code, DateOnly date) =>
        type ?? throw new BusinessRuleException("DISP-04", $"Le type de dispositif « {code} » n'existe pas à la date du {date:dd/MM/yyyy} : vérifiez le type et la date.", "TypeCode");

    /// <summary>DISP-01: the opérateur is an antenne of the structure.</summary>
    public static void VerifierOperateur(bool antenneDeLaStructure)
    {
        if (!antenneDeLaStructure)
        {
            throw new BusinessRuleException("DISP-01", "L'opérateur est une antenne de votre Mission Locale : choisissez-la dans la liste.", "OperateurAntenneId");
        }
    }

    /// <summary>DISP-03 (and the type's rule): the motive is one of the type's list on the date.</summary>
    public static MotifSortie MotifDeLaListe(MotifSortie? motif, string saisi, TypeDispositif type) =>
        motif ?? throw new BusinessRuleException(type.RegleMotifs, $"« {saisi} » n'est pas un motif de sortie du dispositif {type.Libelle} : choisissez un motif de la liste.", "MotifSortie");

    /// <summary>JEU-07: each type has a "Décès" motive to close on a death.</summary>
    public static MotifSortie MotifDeces(MotifSortie? motif, TypeDispositif type) =>
        motif ?? throw new BusinessRuleException("JEU-07", $"Le dispositif {type.Libelle} n'a pas de motif « Décès » dans ses motifs de sortie : un administrateur doit l'ajouter.");

    /// <summary>CEJ-06: only a CEJ entered by mistake is deleted; the others are closed with a motive.</summary>
    public static void VerifierSuppression(Dispositif d)
    {
        if (d.TypeCode != CodeDispositif.Cej)
        {
            throw new BusinessRuleException("CEJ-06", "Seul un CEJ saisi par erreur se supprime ; les autres dispositifs se clôturent avec un motif.", "TypeCode");
        }
    }

    /// <summary>PACEA-09: the exit record is made at closing.</summary>
    public static void VerifierReleve(Dispositif d, bool sortie)
    {
        if (sortie && d.Ouvert)
        {
            throw new BusinessRuleException("PACEA-09", "Le relevé de sortie se fait à la clôture du PACEA.", "Sortie");
        }
    }

    /// <summary>DISP-06 and DISP-04: a new version of a national parameter starts after today and after the current one, same kind of value.</summary>
    public static void VerifierNouvelleVersion(ParametreRegle courante, DateOnly dateDebut, string valeur, DateOnly aujourdhui)
    {
        if (dateDebut <= aujourdhui)
        {
            throw new BusinessRuleException("DISP-06", "Une nouvelle valeur s'applique à partir d'une date postérieure à aujourd'hui : les décisions passées gardent la valeur de leur date.", "DateDebut");
        }

        if (dateDebut <= courante.DateDebut)
        {
            throw new BusinessRuleException("DISP-04", $"La version en vigueur commence le {courante.DateDebut:dd/MM/yyyy} : la nouvelle doit commencer après.", "DateDebut");
        }

        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var numerique = decimal.TryParse(courante.Valeur, System.Globalization.NumberStyles.Number, inv, out _);
        if (numerique && !decimal.TryParse(valeur, System.Globalization.NumberStyles.Number, inv, out _))
        {
            throw new BusinessRuleException("DISP-04", "Ce paramètre est un nombre : saisissez une valeur numérique (séparateur décimal : point).", "Valeur");
        }
    }

    /// <summary>USR-07: an intervenant linked to an account is an active user of the structure.</summary>
    public static string CompteActif(string? nom) =>
        nom ?? throw new BusinessRuleException("USR-07", "Cet utilisateur n'est pas un compte actif de votre structure.", "UtilisateurId");

    /// <summary>USR-07: a person is once in a table.</summary>
    public static void VerifierAbsentDeLaTable(Intervenant? existant, FonctionIntervenant fonction)
    {
        if (existant is { Actif: true })
        {
            throw new BusinessRuleException("USR-07", $"{existant.Nom} est déjà dans la table des {Libelles.De(fonction).ToLowerInvariant()}s.", "UtilisateurId");
        }
    }
}
