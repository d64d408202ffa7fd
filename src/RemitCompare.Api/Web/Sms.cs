namespace RemitCompare.Api.Web;

/// <summary>How a text travels by SMS: GSM 03.38 7-bit when every character is in its alphabet, else UCS-2.</summary>
/// <param name="Encoding"><c>GSM-7</c> or <c>UCS-2</c>.</param>
/// <param name="Units">Septets (GSM-7, extension characters count two) or UTF-16 code units (UCS-2).</param>
/// <param name="Segments">Messages needed: one up to 160 septets or 70 units, else 153 or 67 per part.</param>
public sealed record SmsSize(string Encoding, int Units, int Segments)
{
    /// <summary>True when the text goes as one message.</summary>
    public bool FitsOne => Segments == 1;
}

/// <summary>GSM 03.38 basic alphabet and its extension table, and the size of a text in SMS segments.</summary>
public static class Sms
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    /// <summary>Septets of a text in GSM-7, or null when a character is outside the alphabet.</summary>
    public static int? Septets(string text)
    {
        var septets = 0;
        foreach (var c in text)
        {
            if (Basic.Contains(c, StringComparison.Ordinal)) septets++;
            else if (Extension.Contains(c, StringComparison.Ordinal)) septets += 2;
            else return null;
        }
        return septets;
    }

    /// <summary>Encoding, length and segment count of a text.</summary>
    public static SmsSize Measure(string text)
    {
        if (Septets(text) is { } septets) return new SmsSize("GSM-7", septets, Segments(septets, 160, 153));
        return new SmsSize("UCS-2", text.Length, Segments(text.Length, 70, 67));
    }

    /// <summary>Spaces that locales group digits with (no-break, narrow no-break) are plain spaces in a text message.</summary>
    public static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2009', ' ');

    private static int Segments(int units, int single, int perPart) => units <= single ? 1 : (units + perPart - 1) / perPart;
}
