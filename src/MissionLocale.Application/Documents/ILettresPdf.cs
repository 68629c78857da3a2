namespace MissionLocale.Application.Documents;

/// <summary>The structure's letterhead: its logo (PNG or JPEG; its name in capitals when none), address and contacts.</summary>
public sealed record EnTeteLettre(string Structure, string Adresse, string? Telephone, string? Email, byte[]? Logo = null);

/// <summary>
/// A letter as text: paragraphs separated by a blank line; a line starting with "# " is a heading (bold). As a
/// <see cref="Formulaire"/> (the CERFA), each heading after the first opens a framed section and a line
/// "[signature]" is a box to sign in; "[signature:key]" draws there the image <see cref="Signatures"/> holds under that
/// key (a signature drawn on screen, CER-06), described for screen readers by its key.
/// </summary>
public sealed record Lettre(string Titre, string Texte, EnTeteLettre? EnTete = null, bool Formulaire = false, IReadOnlyDictionary<string, byte[]>? Signatures = null);

/// <summary>Renders letters as one PDF, each letter starting on a new page.</summary>
public interface ILettresPdf
{
    byte[] Rendre(IReadOnlyList<Lettre> lettres);
}
