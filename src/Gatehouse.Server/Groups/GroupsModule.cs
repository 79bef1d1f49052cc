using Gatehouse.Server.AwsProtocol;
using Gatehouse.Server.AwsProtocol.Shapes;

namespace Gatehouse.Server.Groups;

internal static class GroupsModule
{
    public static IServiceCollection AddGroups(this IServiceCollection services)
    {
        services.AddAwsOperation<CreateGroupRequest, CreateGroup>("CreateGroup");
        services.AddAwsOperation<GetGroupRequest, GetGroup>("GetGroup");
        services.AddAwsOperation<UpdateGroupRequest, UpdateGroup>("UpdateGroup");
        services.AddAwsOperation<DeleteGroupRequest, DeleteGroup>("DeleteGroup");
        services.AddAwsOperation<ListGroupsRequest, ListGroups>("ListGroups");
        services.AddAwsOperation<AdminAddUserToGroupRequest, AdminAddUserToGroup>("AdminAddUserToGroup");
        services.AddAwsOperation<AdminRemoveUserFromGroupRequest, AdminRemoveUserFromGroup>("AdminRemoveUserFromGroup");
        services.AddAwsOperation<AdminListGroupsForUserRequest, AdminListGroupsForUser>("AdminListGroupsForUser");
        services.AddAwsOperation<ListUsersInGroupRequest, ListUsersInGroup>("ListUsersInGroup");
        return services;
    }
}
