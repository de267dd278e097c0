from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from privacy.registry import Erase, registry

registry.register(
    EmailAddress,
    user_field="user",
    export_fields=["email", "verified", "primary"],
    erase=Erase.DELETE,
)
registry.register(
    Authenticator, user_field="user", export_fields=["type", "created_at"], erase=Erase.DELETE
)
