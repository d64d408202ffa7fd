using RemitCompare.Api.Features;

namespace RemitCompare.Api.Hosting;

/// <summary>Registers the per-snapshot cache of comparison answers (configuration section <c>CompareCache</c>).</summary>
public static class CompareCacheSetup
{
    /// <summary>Adds <see cref="CompareAnswers"/> with its options.</summary>
    public static IServiceCollection AddCompareCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("CompareCache").Get<CompareCacheOptions>() ?? new CompareCacheOptions());
        services.AddSingleton<CompareAnswers>();
        return services;
    }
}
