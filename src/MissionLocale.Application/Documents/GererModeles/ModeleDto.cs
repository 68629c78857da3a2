using MissionLocale.Domain.Documents;

namespace MissionLocale.Application.Documents.GererModeles;

public sealed record ModeleDto(Guid Id, CategorieDocument Categorie, string Titre, string Corps, bool Actif, int Version);
