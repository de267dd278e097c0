from privacy.registry import Erase, registry

from .models import Conversion

registry.register(
    Conversion,
    user_field="converted_by",
    export_fields=["team__name", "organization__name", "converted_at"],
    erase=Erase.NULLIFY,
)
