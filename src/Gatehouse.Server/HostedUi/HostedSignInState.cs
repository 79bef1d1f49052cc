namespace Gatehouse.Server.HostedUi;

/// <summary>Where a hosted-UI sign-in leaves the user.</summary>
internal enum HostedSignInState
{
    Failed,
    SignedIn,
    NotConfirmed,
    NewPasswordRequired,
}
