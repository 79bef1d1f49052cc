using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Users;

internal static class UsersModule
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddSingleton<UserPasswords>();
        services.AddSingleton<InvitationSender>();
        services.AddSingleton<CodeSender>();
        services.AddScoped<VerificationCodes>();
        services.AddScoped<AttributeVerification>();
        services.AddAwsOperation<AdminCreateUserRequest, AdminCreateUser>("AdminCreateUser");
        services.AddAwsOperation<AdminGetUserRequest, AdminGetUser>("AdminGetUser");
        services.AddAwsOperation<AdminDeleteUserRequest, AdminDeleteUser>("AdminDeleteUser");
        services.AddAwsOperation<AdminUpdateUserAttributesRequest, AdminUpdateUserAttributes>("AdminUpdateUserAttributes");
        services.AddAwsOperation<AdminDeleteUserAttributesRequest, AdminDeleteUserAttributes>("AdminDeleteUserAttributes");
        services.AddAwsOperation<AdminSetUserPasswordRequest, AdminSetUserPassword>("AdminSetUserPassword");
        services.AddAwsOperation<AdminResetUserPasswordRequest, AdminResetUserPassword>("AdminResetUserPassword");
        services.AddAwsOperation<AdminConfirmSignUpRequest, AdminConfirmSignUp>("AdminConfirmSignUp");
        services.AddAwsOperation<AdminEnableUserRequest, AdminEnableUser>("AdminEnableUser");
        services.AddAwsOperation<AdminDisableUserRequest, AdminDisableUser>("AdminDisableUser");
        services.AddAwsOperation<ListUsersRequest, ListUsers>("ListUsers");
        services.AddAwsOperation<SignUpRequest, SignUp>("SignUp");
        services.AddAwsOperation<ConfirmSignUpRequest, ConfirmSignUp>("ConfirmSignUp");
        services.AddAwsOperation<ResendConfirmationCodeRequest, ResendConfirmationCode>("ResendConfirmationCode");
        services.AddAwsOperation<ForgotPasswordRequest, ForgotPassword>("ForgotPassword");
        services.AddAwsOperation<ConfirmForgotPasswordRequest, ConfirmForgotPassword>("ConfirmForgotPassword");
        services.AddAwsOperation<ChangePasswordRequest, ChangePassword>("ChangePassword");
        services.AddAwsOperation<UpdateUserAttributesRequest, UpdateUserAttributes>("UpdateUserAttributes");
        services.AddAwsOperation<DeleteUserAttributesRequest, DeleteUserAttributes>("DeleteUserAttributes");
        services.AddAwsOperation<GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCode>(
            "GetUserAttributeVerificationCode");
        services.AddAwsOperation<VerifyUserAttributeRequest, VerifyUserAttribute>("VerifyUserAttribute");
        services.AddAwsOperation<DeleteUserRequest, DeleteUser>("DeleteUser");
        return services;
    }
}
