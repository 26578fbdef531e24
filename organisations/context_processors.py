from .roles import ROLE_PRIORITY, Role, roles_of


def roles(request):
    """The person's roles for every template; `user_roles_key` names the role set (menu cache key)."""
    held = roles_of(getattr(request, "user", None))
    ordered = [role for role in ROLE_PRIORITY if role in held]
    return {
        "user_roles": held,
        "user_role_list": ordered,
        "user_roles_key": "-".join(ordered) or "anonymous",
        "Role": Role,
    }
