from privacy.registry import Erase, registry

from .models import Notification, OutgoingEmail, Preference
from .services import actor_erase, outbox_actor_erase

registry.register(
    Notification,
    user_field="user",
    export_fields=["kind", "title", "body", "created_at", "read_at"],
    erase=Erase.DELETE,
    other_user_fields=["actor"],
)
# Other people's notices that named the person are rewritten to "a former member".
registry.register_erasure_step("notifications naming the person", actor_erase)
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
registry.register_erasure_step("mail to others naming the person", outbox_actor_erase)
