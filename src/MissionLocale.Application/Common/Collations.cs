namespace MissionLocale.Application.Common;

/// <summary>The ICU French collation created by the migrations: Bénin before Burundi, Cécile before Claude.</summary>
public static class Collations
{
    public const string Francaise = "fr-x-icu";
}
