using System.Numerics;
using System.Runtime.InteropServices;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Modular exponentiation through the machine's GNU MP (<c>libgmp.so.10</c>), by P/Invoke. Written by hand because
/// no maintained .NET package wraps GMP for this one call, and <see cref="BigInteger.ModPow"/> is about 7× slower on
/// 3072-bit numbers, which would cap SRP sign-ins near 60/s per core. <c>mpz_powm_sec</c> is GMP's
/// side-channel-silent variant, used because the exponents (b, x) are secrets. When the library is missing,
/// <see cref="Available"/> is false and callers use <see cref="BigInteger.ModPow"/>.
/// </summary>
internal static partial class Gmp
{
    private const string Library = "libgmp.so.10";

    public static bool Available { get; } = Probe();

    /// <summary>(value ^ exponent) mod modulus for a positive exponent and an odd modulus.</summary>
    public static BigInteger PowModSecure(BigInteger value, BigInteger exponent, BigInteger modulus)
    {
        var result = default(Mpz);
        var b = default(Mpz);
        var e = default(Mpz);
        var m = default(Mpz);
        Init(ref result);
        Init(ref b);
        Init(ref e);
        Init(ref m);
        try
        {
            Import(ref b, value);
            Import(ref e, exponent);
            Import(ref m, modulus);
            PowmSec(ref result, ref b, ref e, ref m);
            return Export(ref result);
        }
        finally
        {
            Clear(ref result);
            Clear(ref b);
            Clear(ref e);
            Clear(ref m);
        }
    }

    private static bool Probe()
    {
        try
        {
            return PowModSecure(3, 5, 7) == 5;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static unsafe void Import(ref Mpz target, BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        fixed (byte* p = bytes)
        {
            // order 1 = most significant word first, size 1 = bytes, endian 0 = native (irrelevant for bytes).
            MpzImport(ref target, (nuint)bytes.Length, 1, 1, 0, 0, p);
        }
    }

    private static unsafe BigInteger Export(ref Mpz source)
    {
        var buffer = new byte[(Math.Abs(source.Size) * 8) + 8];
        nuint count;
        fixed (byte* p = buffer)
        {
            MpzExport(p, out count, 1, 1, 0, 0, ref source);
        }

        return new BigInteger(buffer.AsSpan(0, (int)count), isUnsigned: true, isBigEndian: true);
    }

    /// <summary>GMP's <c>__mpz_struct</c>: allocated limbs, signed used limbs, pointer to limbs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Mpz
    {
        public int Alloc;
        public int Size;
        public nint Limbs;
    }

    [LibraryImport(Library, EntryPoint = "__gmpz_init")]
    private static partial void Init(ref Mpz x);

    [LibraryImport(Library, EntryPoint = "__gmpz_clear")]
    private static partial void Clear(ref Mpz x);

    [LibraryImport(Library, EntryPoint = "__gmpz_powm_sec")]
    private static partial void PowmSec(ref Mpz result, ref Mpz b, ref Mpz e, ref Mpz m);

    [LibraryImport(Library, EntryPoint = "__gmpz_import")]
    private static unsafe partial void MpzImport(ref Mpz rop, nuint count, int order, nuint size, int endian, nuint nails, byte* op);

    [LibraryImport(Library, EntryPoint = "__gmpz_export")]
    private static unsafe partial void* MpzExport(byte* rop, out nuint countp, int order, nuint size, int endian, nuint nails, ref Mpz op);
}
