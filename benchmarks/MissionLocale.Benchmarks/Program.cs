using MissionLocale.Benchmarks;

// Usage:
//   generate <connection string> [jeunes=1000000] [structures=440] [conseillers par structure=20]
//   load <base url> <search-page|search-api|portfolio> <clients> <seconds> [login]
if (args.Length >= 2 && args[0] == "generate")
{
    await Generateur.ExecuterAsync(
        args[1],
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 440,
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return 0;
}

if (args.Length >= 5 && args[0] == "load")
{
    Console.WriteLine(await Charge.ExecuterAsync(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture), args.Length > 5 ? args[5] : null));
    return 0;
}

Console.Error.WriteLine("generate <connexion> [jeunes] [structures] [conseillers] | load <url> <scénario> <clients> <secondes> [login]");
return 1;
