using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Jeunes;

// One class per rule of the dossier (JEU) and of data protection (RGPD) in docs/regles-metier.md, with its ID and French message.

/// <summary>JEU-01: born abroad → pays de naissance; otherwise commune de naissance.</summary>
public sealed class Jeu01LieuDeNaissance(bool neALEtranger, string? paysNaissance, string? communeNaissance) : BusinessRule
{
    public override string Id => "JEU-01";

    public override string Champ => neALEtranger ? "PaysNaissanceCode" : "CommuneNaissanceInsee";

    public override string Message => neALEtranger
        ? "Un jeune né à l'étranger doit avoir un pays de naissance : choisissez-le."
        : "Indiquez la commune de naissance (code INSEE), ou cochez « Né à l'étranger ».";

    public override bool IsBroken() =>
        neALEtranger ? string.IsNullOrWhiteSpace(paysNaissance) : string.IsNullOrWhiteSpace(communeNaissance);
}

/// <summary>JEU-03: a justified dossier's names and date of birth change only with a new justification.</summary>
public sealed class Jeu03NouvelleJustification(bool justifie, bool champJustifieModifie, bool nouvellePieceFournie) : BusinessRule
{
    public override string Id => "JEU-03";

    public override string Champ => "Piece";

    public override string Message =>
        "L'identité de ce dossier est justifiée : pour modifier le nom, le prénom ou la date de naissance, indiquez la nouvelle pièce justificative présentée.";

    public override bool IsBroken() => justifie && champJustifieModifie && !nouvellePieceFournie;
}

/// <summary>JEU-04: the NIR key must match.</summary>
public sealed class Jeu04CleNir(string? nir) : BusinessRule
{
    public override string Id => "JEU-04";

    public override string Champ => "Nir";

    public override string Message =>
        "Le NIR saisi n'est pas valide : 13 caractères suivis d'une clé de 2 chiffres (clé = 97 − numéro modulo 97). Vérifiez le numéro ou cochez « Pas de NIR ».";

    public override bool IsBroken() => nir is not null && !Nir.CleValide(nir);
}

/// <summary>JEU-04: certification only for a definitive NIR (1 or 2) on a justified dossier.</summary>
public sealed class Jeu04CertificationNir(string? nir, bool justifie) : BusinessRule
{
    public override string Id => "JEU-04";

    public override string Champ => "Nir";

    public override string Message => nir is null
        ? "Aucun NIR n'est enregistré : saisissez-le avant de le certifier."
        : !Nir.EstDefinitif(nir)
            ? "Un NIR provisoire (commençant par 7 ou 8) ne peut pas être certifié : attendez le numéro définitif."
            : "Le NIR ne peut être certifié que sur un dossier justifié : enregistrez d'abord la pièce d'identité (onglet Identité).";

    public override bool IsBroken() => nir is null || !Nir.EstDefinitif(nir) || !justifie;
}

/// <summary>JEU-05 / JEU-07: no letter to an NPAI address or to a deceased jeune.</summary>
public sealed class Jeu05CourrierPossible(Jeune jeune) : BusinessRule
{
    public override string Id => jeune.DateDeces is null ? "JEU-05" : "JEU-07";

    public override string Message => jeune.DateDeces is not null
        ? "Le jeune est décédé : aucun courrier ne peut lui être adressé."
        : jeune.AdresseCourante is null
            ? "Aucune adresse n'est enregistrée : saisissez l'adresse du jeune avant d'envoyer un courrier."
            : "L'adresse du jeune est marquée NPAI (n'habite pas à l'adresse indiquée) : mettez à jour l'adresse avant d'envoyer un courrier.";

    public override bool IsBroken() => !jeune.PeutRecevoirCourrier;
}

/// <summary>JEU-05 / JEU-07: no SMS to a number marked non joignable or to a deceased jeune.</summary>
public sealed class Jeu05SmsPossible(Jeune jeune) : BusinessRule
{
    public override string Id => jeune.DateDeces is null ? "JEU-05" : "JEU-07";

    public override string Message => jeune.DateDeces is not null
        ? "Le jeune est décédé : aucun message ne peut lui être envoyé."
        : "Le téléphone mobile du jeune est absent ou marqué non joignable : aucun SMS ne peut lui être envoyé.";

    public override bool IsBroken() => !jeune.PeutRecevoirSms;
}

/// <summary>JEU-08: registered at France Travail → identifiant FT required.</summary>
public sealed class Jeu08IdentifiantFt(bool inscrit, string? identifiant) : BusinessRule
{
    public override string Id => "JEU-08";

    public override string Champ => "IdentifiantFt";

    public override string Message => "Le jeune est inscrit à France Travail : saisissez son identifiant France Travail.";

    public override bool IsBroken() => inscrit && string.IsNullOrWhiteSpace(identifiant);
}

/// <summary>JEU-08: "Aucun" resource has amount 0; amounts are never negative.</summary>
public sealed class Jeu08MontantRessource(TypeRessource type, decimal montant) : BusinessRule
{
    public override string Id => "JEU-08";

    public override string Champ => "Montant";

    public override string Message => type == TypeRessource.Aucun
        ? "Une ressource « Aucune » a un montant de 0 €."
        : "Le montant mensuel d'une ressource doit être positif.";

    public override bool IsBroken() => type == TypeRessource.Aucun ? montant != 0 : montant <= 0;
}

/// <summary>JEU-10: an obtained licence needs its date.</summary>
public sealed class Jeu10DatePermis(EtapePermis etape, DateOnly? date) : BusinessRule
{
    public override string Id => "JEU-10";

    public override string Champ => "DateObtention";

    public override string Message => "Un permis obtenu doit avoir sa date d'obtention.";

    public override bool IsBroken() => etape == EtapePermis.Obtenu && date is null;
}

/// <summary>JEU-10: one principal means of transport among those chosen; "Aucun" (walking) stands alone.</summary>
public sealed class Jeu10MoyenPrincipal(IReadOnlyCollection<MoyenTransport> moyens, MoyenTransport? principal) : BusinessRule
{
    public override string Id => "JEU-10";

    public override string Champ => "MoyenPrincipal";

    public override string Message => moyens.Contains(MoyenTransport.Aucun) && moyens.Count > 1
        ? "« Aucun » (à pied) ne peut pas être combiné avec un autre moyen de transport."
        : "Choisissez le moyen de transport principal parmi les moyens cochés.";

    public override bool IsBroken() =>
        (moyens.Contains(MoyenTransport.Aucun) && moyens.Count > 1)
        || (moyens.Count > 0 && (principal is null || !moyens.Contains(principal.Value)));
}

/// <summary>RGPD-01: the consent is recorded at premier accueil.</summary>
public sealed class Rgpd01Consentement(bool consentement) : BusinessRule
{
    public override string Id => "RGPD-01";

    public override string Champ => "Consentement";

    public override string Message =>
        "Le consentement du jeune au traitement de ses données doit être recueilli et coché pour créer le dossier.";

    public override bool IsBroken() => !consentement;
}
