using System.Xml.Linq;
using Gatehouse.TestKit;

namespace Gatehouse.ApiTests.Iam;

/// <summary>Policy documents, unique names and XML access shared by the IAM API tests.</summary>
internal static class IamTestData
{
    public const string Account = "000000000000";

    public static readonly XNamespace Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    public const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:11111111-2222-3333-4444-555555555555"}}}]}""";

    public const string ServiceTrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public const string IdentityPolicy =
        """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "cognito-idp:ListUsers", "Resource": "*"}]}""";

    /// <summary>A unique name, so that tests sharing a server never meet.</summary>
    public static string Name(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A unique path, to list only what one test made.</summary>
    public static string Path() => "/" + Name("t") + "/";

    public static string PolicyArn(string path, string name) => $"arn:aws:iam::{Account}:policy{path}{name}";

    /// <summary>An identity policy of exactly <paramref name="size"/> characters other than white space.</summary>
    public static string IdentityPolicyOfSize(int size)
    {
        const string head = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::""";
        const string tail = "\"}]}";
        return head + new string('a', size - head.Length - tail.Length) + tail;
    }

    /// <summary>A trust policy of exactly <paramref name="size"/> characters other than white space.</summary>
    public static string TrustPolicyOfSize(int size)
    {
        const string head = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalTag/x":""";
        const string tail = "\"}}}]}";
        return head + "\"" + new string('a', size - head.Length - 1 - tail.Length) + tail;
    }

    /// <summary><c>&lt;Op&gt;Response/&lt;Op&gt;Result</c> of an answer.</summary>
    public static XElement Result(AwsQueryResponse response, string operation)
    {
        var root = response.Xml.Root!; // XDocument.Parse succeeded, so there is a root
        Assert.Equal(Ns + (operation + "Response"), root.Name);
        return root.Element(Ns + (operation + "Result")) ?? throw new Xunit.Sdk.XunitException(
            $"{operation}Result is missing: {response.Text}");
    }

    public static XElement Child(this XElement element, string name) =>
        element.Element(Ns + name) ?? throw new Xunit.Sdk.XunitException($"{name} is missing in {element}");

    public static string Text(this XElement element, string name) => element.Child(name).Value;

    /// <summary>The <c>member</c> children of a list element.</summary>
    public static IReadOnlyList<XElement> Members(this XElement element, string name) =>
        element.Child(name).Elements().Select(e =>
        {
            Assert.Equal(Ns + "member", e.Name);
            return e;
        }).ToList();

    public static Task<AwsQueryResponse> CreateRoleAsync(
        AwsQueryClient client, string name, string path = "/", string trust = TrustPolicy) =>
        client.IamAsync("CreateRole", ("RoleName", name), ("Path", path), ("AssumeRolePolicyDocument", trust));

    public static Task<AwsQueryResponse> CreatePolicyAsync(
        AwsQueryClient client, string name, string path = "/", string document = IdentityPolicy) =>
        client.IamAsync("CreatePolicy", ("PolicyName", name), ("Path", path), ("PolicyDocument", document));
}
