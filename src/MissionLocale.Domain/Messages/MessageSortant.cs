using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Messages;

public enum Canal
{
    Email = 1,
    Sms = 2,
}

/// <summary>What the provider reports after sending (delivery receipts), shown on the rendez-vous.</summary>
public enum LivraisonMessage
{
    EnCours = 1,
    Delivre = 2,
    NonDelivre = 3,
}

public enum StatutMessage
{
    EnAttente = 1,
    Envoye = 2,
    Echec = 3,
    Abandonne = 4,
}

/// <summary>
/// The outbox: a message to send (a rendez-vous reminder), persisted with the change that caused it and sent by a
/// scheduled job. <see cref="Cle"/> is unique, so a reminder is never enqueued twice.
/// </summary>
public sealed class MessageSortant : Entity, IStructureOwned
{
    public const int TentativesMax = 5;

    private MessageSortant()
    {
        Cle = Destinataire = Corps = string.Empty;
    }

    public MessageSortant(Guid structureId, Guid jeuneId, Guid? rendezVousId, Canal canal, string cle, string destinataire, string? sujet, string corps, DateTimeOffset prevuPour)
    {
        StructureId = structureId;
        JeuneId = jeuneId;
        RendezVousId = rendezVousId;
        Canal = canal;
        Cle = cle;
        Destinataire = destinataire;
        Sujet = sujet;
        Corps = corps;
        PrevuPour = prevuPour;
        ProchaineTentative = prevuPour;
        Statut = StatutMessage.EnAttente;
    }

    public Guid StructureId { get; private set; }

    public Guid JeuneId { get; private set; }

    public Guid? RendezVousId { get; private set; }

    public Canal Canal { get; private set; }

    public string Cle { get; private set; }

    public string Destinataire { get; private set; }

    public string? Sujet { get; private set; }

    public string Corps { get; private set; }

    public DateTimeOffset PrevuPour { get; private set; }

    public DateTimeOffset ProchaineTentative { get; private set; }

    public StatutMessage Statut { get; private set; }

    public int Tentatives { get; private set; }

    public string? DerniereErreur { get; private set; }

    public DateTimeOffset? EnvoyeLe { get; private set; }

    /// <summary>The provider's id for the message, to match its delivery receipts.</summary>
    public string? ReferenceFournisseur { get; private set; }

    public LivraisonMessage? Livraison { get; private set; }

    public DateTimeOffset? LivraisonLe { get; private set; }

    public void MarquerEnvoye(DateTimeOffset le, string? referenceFournisseur = null)
    {
        Statut = StatutMessage.Envoye;
        EnvoyeLe = le;
        Tentatives++;
        ReferenceFournisseur = referenceFournisseur is { Length: > 100 } ? referenceFournisseur[..100] : referenceFournisseur;
        Livraison = LivraisonMessage.EnCours;
    }

    /// <summary>
    /// A delivery receipt. Receipts may arrive out of order: a final one (delivered, not delivered) is never replaced by
    /// an intermediate one, and an older receipt never replaces a newer one.
    /// </summary>
    public void EnregistrerLivraison(LivraisonMessage livraison, DateTimeOffset le)
    {
        var final = Livraison is LivraisonMessage.Delivre or LivraisonMessage.NonDelivre;
        if ((final && livraison == LivraisonMessage.EnCours) || (LivraisonLe is { } precedent && le < precedent))
        {
            return;
        }

        Livraison = livraison;
        LivraisonLe = le;
    }

    /// <summary>A transient failure: retried later with a growing delay, given up after <see cref="TentativesMax"/> tries.</summary>
    public void MarquerEchec(string erreur, DateTimeOffset maintenant)
    {
        Tentatives++;
        DerniereErreur = erreur.Length > 500 ? erreur[..500] : erreur;
        if (Tentatives >= TentativesMax)
        {
            Statut = StatutMessage.Echec;
            return;
        }

        ProchaineTentative = maintenant.AddMinutes(5 * Math.Pow(2, Tentatives - 1));
    }

    /// <summary>No longer to send: rendez-vous cancelled, contact now non joignable (JEU-05), death (JEU-07).</summary>
    public void Abandonner(string raison)
    {
        Statut = StatutMessage.Abandonne;
        DerniereErreur = raison;
    }
}
