using Microsoft.AspNetCore.Mvc.Rendering;
using MissionLocale.Domain.Common;

namespace MissionLocale.Web.Pages;

/// <summary>Select lists of enum values with their French labels.</summary>
public static class Listes
{
    public static IEnumerable<SelectListItem> De<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new SelectListItem(Libelles.De(v), v.ToString()));

    public static string Oui(bool? b) => b switch { true => "Oui", false => "Non", _ => "Non renseigné" };
}
