from privacy.registry import Erase, registry

from .models import SubmissionKey

# One-time keys of the person's create forms: bookkeeping, gone with the account.
registry.register(
    SubmissionKey, user_field="user", export_fields=["created_at"], erase=Erase.DELETE
)
