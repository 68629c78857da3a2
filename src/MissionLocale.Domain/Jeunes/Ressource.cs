using MissionLocale.Domain.Common;

namespace MissionLocale.Domain.Jeunes;

/// <summary>JEU-08: a resource of the jeune, historised (start, optional end).</summary>
public sealed class Ressource : Entity, IDossierPart
{
    private Ressource()
    {
    }

    internal Ressource(Guid jeuneId, TypeRessource type, decimal montantMensuel, DateOnly dateDebut, DateOnly? dateFin)
    {
        JeuneId = jeuneId;
        Type = type;
        MontantMensuel = montantMensuel;
        DateDebut = dateDebut;
        DateFin = dateFin;
    }

    public Guid JeuneId { get; private set; }

    public TypeRessource Type { get; private set; }

    /// <summary>Money: decimal with 2 decimals, numeric(10,2) in the database.</summary>
    public decimal MontantMensuel { get; private set; }

    public DateOnly DateDebut { get; private set; }

    public DateOnly? DateFin { get; private set; }

    public bool EnCours(DateOnly date) => DateDebut <= date && (DateFin is null || DateFin >= date);

    internal void Clore(DateOnly dateFin) => DateFin = dateFin < DateDebut ? DateDebut : dateFin;
}

/// <summary>JEU-10: a driving licence and the step reached.</summary>
public sealed class Permis : Entity, IDossierPart
{
    private Permis()
    {
        Categorie = string.Empty;
    }

    internal Permis(Guid jeuneId, string categorie, EtapePermis etape, DateOnly? dateObtention)
    {
        JeuneId = jeuneId;
        Categorie = categorie;
        Etape = etape;
        DateObtention = dateObtention;
    }

    public Guid JeuneId { get; private set; }

    public string Categorie { get; private set; }

    public EtapePermis Etape { get; private set; }

    public DateOnly? DateObtention { get; private set; }

    internal void Modifier(EtapePermis etape, DateOnly? date)
    {
        Etape = etape;
        DateObtention = etape == EtapePermis.Obtenu ? date : null;
    }
}
