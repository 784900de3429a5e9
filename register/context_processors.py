from . import access, navigation


def roles(request):
    """What the navigation and the pages' buttons may offer the current user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "can_edit_register": access.can_edit_register(user),
        "can_create_fiche": access.can_create_fiche(user),
        "can_export_register": access.can_export_register(user),
        "can_import_register": access.can_import_register(user),
        "can_delete_fiche": access.can_delete_fiche(user),
        "menu_entries": navigation.entries_for(user),
    }
