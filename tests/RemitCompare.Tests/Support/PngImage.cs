using System.Buffers.Binary;
using System.IO.Compression;

namespace RemitCompare.Tests.Support;

/// <summary>A decoded 8-bit RGB or RGBA PNG (what headless Chromium writes): enough to look at pixels.</summary>
public sealed class PngImage
{
    private readonly byte[] _pixels;
    private readonly int _channels;

    private PngImage(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        _channels = channels;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The colour at a pixel.</summary>
    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * _channels;
            return (_pixels[i], _pixels[i + 1], _pixels[i + 2]);
        }
    }

    /// <summary>Decodes a non-interlaced 8-bit truecolour PNG.</summary>
    public static PngImage Read(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 })) throw new InvalidDataException("Not a PNG.");
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0) throw new InvalidDataException("Only 8-bit, non-interlaced PNGs are read.");
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new InvalidDataException($"Colour type {data[9]} is not read.") };
            }
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        return new PngImage(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int bpp)
    {
        var stride = width * bpp;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int raw = data[(y * (stride + 1)) + 1 + x];
                int a = x >= bpp ? pixels[(y * stride) + x - bpp] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= bpp && y > 0 ? pixels[((y - 1) * stride) + x - bpp] : 0;
                pixels[(y * stride) + x] = (byte)(filter switch
                {
                    0 => raw,
                    1 => raw + a,
                    2 => raw + b,
                    3 => raw + ((a + b) / 2),
                    4 => raw + Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}."),
                });
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
