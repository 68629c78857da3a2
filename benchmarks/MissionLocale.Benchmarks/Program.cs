using MissionLocale.Benchmarks;

// Usage:
//   generate <connection string> [jeunes=1000000] [structures=440] [conseillers par structure=20] [événements par jeune=0] [rendez-vous par jeune=0] [jeunes de la dernière structure=0]
//   load <base url> <search-page|search-api|portfolio|dossier|portail> <clients> <seconds> [ids file for dossier]
//   once <base url> <path> <times> <login>   (timed sequential requests, e.g. the day's 200 convocations)
//   asp <connection string> <base url> <structure code> <requests>   (issue 5: ASP batch build and return import)
if (args.Length >= 2 && args[0] == "generate")
{
    await Generateur.ExecuterAsync(
        args[1],
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 440,
        args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 20,
        args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : 0,
        args.Length > 6 ? int.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture) : 0,
        args.Length > 7 ? int.Parse(args[7], System.Globalization.CultureInfo.InvariantCulture) : 0);
    return 0;
}

if (args.Length >= 5 && args[0] == "load")
{
    Console.WriteLine(await Charge.ExecuterAsync(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture), args.Length > 5 ? args[5] : null));
    return 0;
}

if (args.Length >= 5 && args[0] == "once")
{
    Console.WriteLine(await Charge.UneRequeteAsync(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args[4]));
    return 0;
}

if (args.Length >= 5 && args[0] == "asp")
{
    Console.WriteLine(await AspBench.ExecuterAsync(args[1], args[2], args[3], int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture)));
    return 0;
}

if (args.Length >= 2 && args[0] == "conservation")
{
    // Issue 13: the nightly RGPD-03/05 job over every structure, timed; run again, it resumes where it stopped.
    var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
    Microsoft.Extensions.DependencyInjection.LoggingServiceCollectionExtensions.AddLogging(services);
    Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<MissionLocale.Application.Common.ICurrentUser>(services, new MissionLocale.Infrastructure.Persistence.SystemUser());
    MissionLocale.Infrastructure.DependencyInjection.AddInfrastructure(services, args[1]);
    await using var sp = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
    var parStructure = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MissionLocale.Application.Rappels.IParStructure>(sp);
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var (prevus, anonymises, purges) = (0, 0, 0);
    await parStructure.PourChaqueStructureAsync(
        async (db, _, ct) =>
        {
            var r = await MissionLocale.Application.Rgpd.Conservation.Conservation.ExecuterAsync(db, TimeProvider.System, ct);
            (prevus, anonymises, purges) = (prevus + r.Prevus, anonymises + r.Anonymises, purges + r.JournauxPurges);
        },
        CancellationToken.None);
    Console.WriteLine($"conservation: {prevus} scheduled, {anonymises} anonymised, {purges} reads purged in {sw.Elapsed.TotalSeconds:F1} s");
    return 0;
}

Console.Error.WriteLine("generate <connexion> [jeunes] [structures] [conseillers] | load <url> <scénario> <clients> <secondes> [login]");
return 1;
