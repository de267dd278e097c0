from privacy.registry import Erase, registry

from .models import Notification, Preference

registry.register(
    Notification,
    user_field="user",
    export_fields=["kind", "title", "body", "created_at", "read_at"],
    erase=Erase.DELETE,
)
registry.register(
    Preference, user_field="user", export_fields=["kind", "delivery"], erase=Erase.DELETE
)
