from .models import AuditRecord
from .registry import Erase, registry

# The audit trail outlives the account: the actor link is cleared, the label stays.
registry.register(
    AuditRecord,
    user_field="actor",
    export_fields=["action", "subject", "created_at"],
    erase=Erase.NULLIFY,
)
