namespace MissionLocale.Application.Documents;

/// <summary>
/// A letter as text: paragraphs separated by a blank line; a line starting with "# " is set in bold.
/// </summary>
public sealed record Lettre(string Titre, string Texte);

/// <summary>Renders letters as one PDF, each letter starting on a new page.</summary>
public interface ILettresPdf
{
    byte[] Rendre(IReadOnlyList<Lettre> lettres);
}
