using System.Net;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.UserPools;

public sealed class UserPoolDomainTests(GatehouseFactory factory) : IClassFixture<GatehouseFactory>
{
    private const string Certificate = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
    private readonly AwsApiClient _client = factory.CreateAwsClient();

    private static string NewPrefix() => "p" + Guid.NewGuid().ToString("N")[..12];

    private Task<AwsResponse> CreateAsync(string poolId, string domain, string? certificate = null) =>
        certificate is null
            ? _client.CallAsync("CreateUserPoolDomain", new { UserPoolId = poolId, Domain = domain })
            : _client.CallAsync("CreateUserPoolDomain",
                new { UserPoolId = poolId, Domain = domain, CustomDomainConfig = new { CertificateArn = certificate } });

    [Fact]
    public async Task CreateUserPoolDomain_Prefix_DescribedAndShownOnPool()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var prefix = NewPrefix();

        var created = await CreateAsync(poolId, prefix);
        var described = await _client.CallAsync("DescribeUserPoolDomain", new { Domain = prefix });
        var pool = await _client.CallAsync("DescribeUserPool", new { UserPoolId = poolId });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal(1, created["ManagedLoginVersion"]?.GetValue<int>());
        Assert.Null(created["CloudFrontDomain"]);
        var description = described["DomainDescription"];
        Assert.Equal(poolId, description?["UserPoolId"]?.GetValue<string>());
        Assert.Equal(prefix, description?["Domain"]?.GetValue<string>());
        Assert.Equal("ACTIVE", description?["Status"]?.GetValue<string>());
        Assert.Null(description?["CustomDomainConfig"]);
        // AWS answers CloudFrontDistribution for prefix domains too.
        Assert.False(string.IsNullOrEmpty(description?["CloudFrontDistribution"]?.GetValue<string>()));
        Assert.Equal(prefix, pool["UserPool"]?["Domain"]?.GetValue<string>());
        Assert.Null(pool["UserPool"]?["CustomDomain"]);
    }

    [Fact]
    public async Task CreateUserPoolDomain_Custom_CertificateDescribedAndCustomDomainOnPool()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var host = NewPrefix() + ".auth.example.com";

        var created = await CreateAsync(poolId, host, Certificate);
        var described = await _client.CallAsync("DescribeUserPoolDomain", new { Domain = host });
        var pool = await _client.CallAsync("DescribeUserPool", new { UserPoolId = poolId });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.False(string.IsNullOrEmpty(created["CloudFrontDomain"]?.GetValue<string>()));
        Assert.Equal(Certificate, described["DomainDescription"]?["CustomDomainConfig"]?["CertificateArn"]?.GetValue<string>());
        Assert.Equal(host, pool["UserPool"]?["CustomDomain"]?.GetValue<string>());
    }

    [Fact]
    public async Task DescribeUserPoolDomain_Unknown_EmptyDescription()
    {
        var described = await _client.CallAsync("DescribeUserPoolDomain", new { Domain = NewPrefix() });

        Assert.Equal(HttpStatusCode.OK, described.Status);
        Assert.Equal(0, described["DomainDescription"]?.AsObject().Count);
    }

    [Fact]
    public async Task CreateUserPoolDomain_NameTakenByAnotherPool_InvalidParameter()
    {
        var first = await _client.CreatePoolIdAsync();
        var second = await _client.CreatePoolIdAsync();
        var prefix = NewPrefix();
        AuthSetup.Ok(await CreateAsync(first, prefix));

        var again = await CreateAsync(second, prefix);

        Assert.Equal("InvalidParameterException", again.ErrorType);
        Assert.Equal(first, (await _client.CallAsync("DescribeUserPoolDomain", new { Domain = prefix }))["DomainDescription"]?["UserPoolId"]?.GetValue<string>());
    }

    [Fact]
    public async Task CreateUserPoolDomain_SecondPrefixForPool_InvalidParameter()
    {
        var poolId = await _client.CreatePoolIdAsync();
        AuthSetup.Ok(await CreateAsync(poolId, NewPrefix()));

        var second = await CreateAsync(poolId, NewPrefix());

        Assert.Equal("InvalidParameterException", second.ErrorType);
    }

    [Fact]
    public async Task CreateUserPoolDomain_ParallelSameName_ExactlyOneSucceeds()
    {
        var pools = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _client.CreatePoolIdAsync()));
        var prefix = NewPrefix();

        var results = await Task.WhenAll(pools.Select(p => CreateAsync(p, prefix)));

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK),
            r => Assert.Equal("InvalidParameterException", r.ErrorType));
    }

    [Theory]
    [InlineData("my.domain")]
    [InlineData("myawsapp")]
    [InlineData("cognito-login")]
    [InlineData("Upper")]
    public async Task CreateUserPoolDomain_BadPrefix_InvalidParameter(string prefix)
    {
        var poolId = await _client.CreatePoolIdAsync();

        var created = await CreateAsync(poolId, prefix);

        Assert.Equal("InvalidParameterException", created.ErrorType);
    }

    [Fact]
    public async Task CreateUserPoolDomain_UnknownPool_ResourceNotFound()
    {
        var created = await CreateAsync("us-east-1_Nope12345", NewPrefix());

        Assert.Equal("ResourceNotFoundException", created.ErrorType);
    }

    [Fact]
    public async Task UpdateUserPoolDomain_CustomCertificateAndVersion_Changed()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var host = NewPrefix() + ".auth.example.com";
        AuthSetup.Ok(await CreateAsync(poolId, host, Certificate));

        var updated = await _client.CallAsync("UpdateUserPoolDomain", new
        {
            UserPoolId = poolId,
            Domain = host,
            ManagedLoginVersion = 2,
            CustomDomainConfig = new { CertificateArn = Certificate + "-2" },
        });
        var described = await _client.CallAsync("DescribeUserPoolDomain", new { Domain = host });

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(2, updated["ManagedLoginVersion"]?.GetValue<int>());
        Assert.Equal(Certificate + "-2", described["DomainDescription"]?["CustomDomainConfig"]?["CertificateArn"]?.GetValue<string>());
        Assert.Equal(2, described["DomainDescription"]?["ManagedLoginVersion"]?.GetValue<int>());
    }

    [Fact]
    public async Task UpdateUserPoolDomain_CertificateOnPrefixOrOtherPoolOrBadVersion_InvalidParameter()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var otherPool = await _client.CreatePoolIdAsync();
        var prefix = NewPrefix();
        AuthSetup.Ok(await CreateAsync(poolId, prefix));

        var certificate = await _client.CallAsync("UpdateUserPoolDomain",
            new { UserPoolId = poolId, Domain = prefix, CustomDomainConfig = new { CertificateArn = Certificate } });
        var foreign = await _client.CallAsync("UpdateUserPoolDomain",
            new { UserPoolId = otherPool, Domain = prefix, ManagedLoginVersion = 2 });
        var version = await _client.CallAsync("UpdateUserPoolDomain",
            new { UserPoolId = poolId, Domain = prefix, ManagedLoginVersion = 3 });

        Assert.Equal("InvalidParameterException", certificate.ErrorType);
        Assert.Equal("InvalidParameterException", foreign.ErrorType);
        Assert.Equal("InvalidParameterException", version.ErrorType);
    }

    [Fact]
    public async Task DeleteUserPoolDomain_OwnDomain_GoneAndHostedPagesNotFound()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var prefix = NewPrefix();
        AuthSetup.Ok(await CreateAsync(poolId, prefix));

        var deleted = await _client.CallAsync("DeleteUserPoolDomain", new { UserPoolId = poolId, Domain = prefix });
        var described = await _client.CallAsync("DescribeUserPoolDomain", new { Domain = prefix });
        var page = await _client.Http.GetAsync(new Uri($"/domains/{prefix}/error", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(0, described["DomainDescription"]?.AsObject().Count);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task DeleteUserPoolDomain_OtherPoolsDomain_InvalidParameterAndKept()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var otherPool = await _client.CreatePoolIdAsync();
        var prefix = NewPrefix();
        AuthSetup.Ok(await CreateAsync(poolId, prefix));

        var deleted = await _client.CallAsync("DeleteUserPoolDomain", new { UserPoolId = otherPool, Domain = prefix });
        var described = await _client.CallAsync("DescribeUserPoolDomain", new { Domain = prefix });

        Assert.Equal("InvalidParameterException", deleted.ErrorType);
        Assert.Equal(poolId, described["DomainDescription"]?["UserPoolId"]?.GetValue<string>());
    }

    [Fact]
    public async Task DeleteUserPool_WithDomain_DomainFreed()
    {
        var poolId = await _client.CreatePoolIdAsync();
        var prefix = NewPrefix();
        AuthSetup.Ok(await CreateAsync(poolId, prefix));

        AuthSetup.Ok(await _client.CallAsync("DeleteUserPool", new { UserPoolId = poolId }));
        var reused = await CreateAsync(await _client.CreatePoolIdAsync(), prefix);

        Assert.Equal(HttpStatusCode.OK, reused.Status);
    }
}
