from .roles import ROLE_PRIORITY, Role, roles_of


def roles(request):
    held = roles_of(getattr(request, "user", None))
    return {"user_roles": held, "user_role_list": [role for role in ROLE_PRIORITY if role in held], "Role": Role}
