from privacy.registry import Erase, registry

from .models import Notification, OutgoingEmail, Preference

registry.register(
    Notification,
    user_field="user",
    export_fields=["kind", "title", "body", "created_at", "read_at"],
    erase=Erase.DELETE,
)
registry.register(
    Preference, user_field="user", export_fields=["kind", "delivery"], erase=Erase.DELETE
)
# Queued and recently sent mail holds the address and the text: erased with the account.
registry.register(
    OutgoingEmail,
    user_field="user",
    export_fields=["to", "subject", "status", "created_at", "sent_at"],
    erase=Erase.DELETE,
)
