from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from accounts.roles import is_site_admin

from .models import OutgoingEmail


class SiteAdminsMayLook(BasePermissionPolicy):
    """Site admins may list and inspect outgoing mail; nobody may add, edit or delete it."""

    def user_has_permission(self, user, action):
        return action == "view" and is_site_admin(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        return users if "view" in actions else users.none()


register_permission_policy(OutgoingEmail, SiteAdminsMayLook(OutgoingEmail))


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing email")
    menu_order = 900
    add_to_settings_menu = True
    inspect_view_enabled = True
    inspect_view_fields = [
        "to", "subject", "topic", "status", "attempts", "last_error",
        "created_at", "next_attempt_at", "locked_until", "sent_at",
    ]  # fmt: skip
    list_display = ["to", "subject", "status", "attempts", "last_error", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to", "subject"]
    form_fields = ["status"]  # never offered: the policy allows no add, change or delete


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return OutgoingEmailViewSet("outgoing_email")
