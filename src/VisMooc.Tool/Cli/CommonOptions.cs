using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace VisMooc.Tool.Cli;

/// <summary>
/// Options several commands declare, made one way: each command adds only those that change what
/// it does (no option is inherited from the top level), and every value is checked when the
/// command line is parsed, so a wrong one is a usage error naming the option, the value and what
/// is allowed.
/// </summary>
internal static class CommonOptions
{
    public static Option<bool> Quiet() => new("--quiet", "-q") { Description = "Print nothing but errors (no progress, summary or warnings)" };

    public static Option<bool> Json(string what) => new("--json") { Description = "Print " + what + " as one JSON document on standard output" };

    public static Option<bool> Verbose() => new("--verbose") { Description = "On errors, also print their cause and stack trace" };

    /// <summary>
    /// An integer option whose value must lie in [<paramref name="min"/>, <paramref name="max"/>];
    /// anything else (not a number, too large for the type, out of range) is the usage error
    /// "<c>--threads: '0' is not a whole number from 1 to 8 (4 × the 2 cores)</c>".
    /// </summary>
    public static Option<T> WholeNumber<T>(string name, string description, T min, T max, Func<T>? fallback, string? why = null, params string[] aliases)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var option = new Option<T>(name, aliases) { Description = description, HelpName = "N" };
        if (fallback is not null)
        {
            option.DefaultValueFactory = _ => fallback();
        }

        option.CustomParser = result =>
        {
            string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (T.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out T value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name}: '{token}' is not a whole number from {min} to {max}{(why is null ? "" : " (" + why + ")")}"));
            return min;
        };
        return option;
    }

    /// <summary>An option that takes one of a few words; another word is the usage error "<c>--format: 'xml' is not one of mysql, rfc4180</c>".</summary>
    public static Option<string> Choice(string name, string description, string fallback, params string[] words)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => fallback, HelpName = string.Join('|', words) };
        option.Validators.Add(result =>
        {
            string? value = result.GetValueOrDefault<string>();
            if (value is not null && Array.IndexOf(words, value) < 0)
            {
                result.AddError($"{name}: '{value}' is not one of {string.Join(", ", words)}");
            }
        });
        return option;
    }
}
