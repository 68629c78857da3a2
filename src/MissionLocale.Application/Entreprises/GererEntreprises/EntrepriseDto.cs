namespace MissionLocale.Application.Entreprises.GererEntreprises;

/// <summary>A company as pages and API show it.</summary>
public sealed record EntrepriseDto(Guid Id, string Siret, string Siren, string RaisonSociale, string? Enseigne, string? CodeNaf, string? AdresseVoie, string? CodePostal,
    string CommuneInsee, string? CommuneNom, bool RattacheeSirene, Guid? ReferentId, string? Referent, int Version, IReadOnlyList<ContactDto> Contacts);

public sealed record ContactDto(Guid Id, string Nom, string? Prenom, string? Fonction, string? Telephone, string? Email);

/// <summary>A line of the companies list.</summary>
public sealed record EntrepriseLigne(Guid Id, string Siret, string RaisonSociale, string? Enseigne, string? CommuneNom, bool RattacheeSirene, string? Referent);
