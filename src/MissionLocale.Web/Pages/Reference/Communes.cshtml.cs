using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MissionLocale.Application.Reference.RechercherCommunes;

namespace MissionLocale.Web.Pages.Reference;

/// <summary>htmx helper: the options of the commune pickers (by code postal, or by name for the birthplace).</summary>
public sealed class CommunesModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cp = Valeur("CodePostal");
        var communes = cp is { Length: 5 } ? await mediator.Send(new RechercherCommunesQuery(cp, null), ct) : [];
        var html = new StringBuilder();
        html.Append(communes.Count == 1 ? string.Empty : "<option value=\"\">— choisissez la commune —</option>");
        foreach (var c in communes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{Enc(c.CodeInsee)}\">{Enc(c.Nom)} ({Enc(c.CodePostal)})</option>");
        }

        if (communes.Count == 0)
        {
            html.Append("<option value=\"\">— saisissez un code postal à 5 chiffres —</option>");
        }

        return Content(html.ToString(), "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnGetNaissanceAsync(CancellationToken ct)
    {
        var saisie = Valeur("CommuneNaissanceInsee");
        var communes = saisie is { Length: >= 2 } && !char.IsDigit(saisie[0])
            ? await mediator.Send(new RechercherCommunesQuery(null, saisie), ct)
            : [];
        var html = new StringBuilder();
        foreach (var c in communes.DistinctBy(c => c.CodeInsee))
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{Enc(c.CodeInsee)}\">{Enc(c.Nom)} ({Enc(c.Departement)})</option>");
        }

        return Content(html.ToString(), "text/html; charset=utf-8");
    }

    private string? Valeur(string suffixe) =>
        Request.Query.FirstOrDefault(q => q.Key.EndsWith(suffixe, StringComparison.OrdinalIgnoreCase)).Value.FirstOrDefault()?.Trim();

    private static string Enc(string s) => HtmlEncoder.Default.Encode(s);
}
