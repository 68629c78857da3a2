using MissionLocale.Application.Allocations.Common;
using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Allocations.ValiderAllocations;

public sealed record CompteFile(Guid AntenneId, string Antenne, EtatDemande Etat, string EtatLibelle, int Nombre);

public sealed record CerfaAValider(Guid CerfaId, Guid JeuneId, string Jeune, DateOnly DateNaissance, string Antenne, string TypeCode, int Numero, Guid DocumentId, Guid? ScanDocumentId,
    DateTimeOffset GenereLe, string GenerePar, Guid? PremiereDemandeId, DateOnly? PremiereMois, decimal? PremiereMontant, int Version);

public sealed record DemandeAValider(Guid DemandeId, Guid JeuneId, string Jeune, string Antenne, string TypeCode, DateOnly Mois, decimal Ressources, decimal Montant, NatureDemande Nature,
    string CreePar, Guid CreeParId, int Version);

public sealed record FilesSiege(bool DelegationActive, IReadOnlyList<CompteFile> Compteurs, IReadOnlyList<CerfaAValider> Cerfas, IReadOnlyList<DemandeAValider> Demandes);

public sealed record CerfaDetail(
    Guid CerfaId, Guid JeuneId, string TypeCode, int Numero, string Reference, EtatCerfa Etat, string EtatLibelle, Guid DocumentId, Guid? ScanDocumentId, string GenerePar,
    string Nom, string Prenom, DateOnly DateNaissance, string? Nir, IReadOnlyList<string> Adresse, DateOnly DebutDispositif, DateOnly FinPrevue,
    string? Titulaire, string? Iban, string? Bic, Domain.Allocations.MesureProtection? Protection, DemandeDto? Premiere, int Version);
