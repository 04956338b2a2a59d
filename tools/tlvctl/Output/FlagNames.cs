using System;
using System.Collections.Generic;
using System.Linq;

namespace NanoTlv.Cli.Output
{
    /// <summary>Lists the set flags of a [Flags] enum by name (camelCase for JSON, as declared for tables).</summary>
    internal static class FlagNames
    {
        public static IReadOnlyList<string> Of<TEnum>(TEnum value)
            where TEnum : struct, Enum
        {
            ulong bits = Convert.ToUInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            return Enum.GetValues<TEnum>()
                .Where(flag =>
                {
                    ulong flagBits = Convert.ToUInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
                    return flagBits != 0 && (flagBits & (flagBits - 1)) == 0 && (bits & flagBits) == flagBits;
                })
                .Select(flag => flag.ToString())
                .ToArray();
        }

        public static IReadOnlyList<string> CamelCase<TEnum>(TEnum value)
            where TEnum : struct, Enum =>
            Of(value).Select(name => char.ToLowerInvariant(name[0]) + name[1..]).ToArray();
    }
}
