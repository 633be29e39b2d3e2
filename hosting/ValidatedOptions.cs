using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Personalization.Hosting;

/// <summary>The one options style of the hosts: an options class with a section name and a validator that names
/// the key to fix, run at start — and also at wiring time, for the sections that decide how a host is built.</summary>
public static class ValidatedOptions
{
    /// <summary>Binds <paramref name="section"/> and validates it at start with <typeparamref name="TValidator"/>.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>Reads <paramref name="section"/> now and validates it as start would; throws
    /// <see cref="OptionsValidationException"/> naming every bad key.</summary>
    public static TOptions Read<TOptions, TValidator>(IConfiguration configuration, string section)
        where TOptions : class, new()
        where TValidator : IValidateOptions<TOptions>, new()
    {
        var options = configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
        var result = new TValidator().Validate(Options.DefaultName, options);
        if (result.Failed) throw new OptionsValidationException(section, typeof(TOptions), result.Failures);
        return options;
    }
}
