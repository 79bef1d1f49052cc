namespace Gatehouse.Server.Triggers;

/// <summary>What a pre sign-up function decided: confirm the user now, mark email / phone verified.</summary>
internal sealed record PreSignUpDecision(bool AutoConfirmUser, bool AutoVerifyEmail, bool AutoVerifyPhone);
