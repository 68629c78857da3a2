using MissionLocale.Application.Allocations.Common;
using MissionLocale.Domain.Allocations;

namespace MissionLocale.Application.Allocations.ValiderAllocations;

public sealed record CerfaDetail(
    Guid CerfaId, Guid JeuneId, string TypeCode, int Numero, string Reference, EtatCerfa Etat, string EtatLibelle, Guid DocumentId, Guid? ScanDocumentId, string GenerePar,
    string Nom, string Prenom, DateOnly DateNaissance, string? Nir, IReadOnlyList<string> Adresse, DateOnly DebutDispositif, DateOnly FinPrevue,
    string? Titulaire, string? Iban, string? Bic, Domain.Allocations.MesureProtection? Protection, DemandeDto? Premiere, int Version);
