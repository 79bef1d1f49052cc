using Gatehouse.Server.Auth;
using Gatehouse.Server.Storage;

namespace Gatehouse.UnitTests.Auth;

public sealed class AuthBlobTests
{
    private static AuthBlobSealer Sealer(byte fill = 7) =>
        new(MasterKey.Load(new StorageOptions { MasterKey = Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray()) }));

    [Fact]
    public void Seal_Open_RoundTripWithVersionByte()
    {
        var sealer = Sealer();

        var text = sealer.Seal("p", "hello"u8);

        var raw = Convert.FromBase64String(text);
        Assert.Equal(0x01, raw[0]);
        Assert.Equal(1 + 12 + 5 + 16, raw.Length);
        Assert.Equal("hello"u8.ToArray(), sealer.Open("p", text));
    }

    [Fact]
    public void Open_TamperedOtherPurposeOtherKeyOrGarbage_Null()
    {
        var sealer = Sealer();
        var text = sealer.Seal("p", "hello"u8);
        var tampered = Convert.FromBase64String(text);
        tampered[15] ^= 1;
        var badVersion = Convert.FromBase64String(text);
        badVersion[0] = 2;

        Assert.Null(sealer.Open("p", Convert.ToBase64String(tampered)));
        Assert.Null(sealer.Open("p", Convert.ToBase64String(badVersion)));
        Assert.Null(sealer.Open("other", text));
        Assert.Null(Sealer(8).Open("p", text));
        Assert.Null(sealer.Open("p", "not base64!"));
        Assert.Null(sealer.Open("p", "AAAA"));
    }

    [Fact]
    public void AuthBlobs_SecretBlockAndSession_RoundTripAndNotInterchangeable()
    {
        var blobs = new AuthBlobs(Sealer());
        var block = new SrpSecretBlock("id1", "us-east-1_x", "c", "u", "0b", "0B", "0A", 1234);
        var session = new AuthSession("id2", "us-east-1_x", "c", "u", "NEW_PASSWORD_REQUIRED", 5678);

        var sealedBlock = blobs.Seal(block);
        var sealedSession = blobs.Seal(session);

        Assert.Equal(block, blobs.OpenSecretBlock(sealedBlock));
        Assert.Equal(session, blobs.OpenSession(sealedSession));
        Assert.Null(blobs.OpenSession(sealedBlock));
        Assert.Null(blobs.OpenSecretBlock(sealedSession));
    }
}
