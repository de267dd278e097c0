from privacy.registry import Erase, registry

from .models import ModuleCompletion

registry.register(
    ModuleCompletion,
    user_field="user",
    export_fields=["module__title", "completed_at"],
    erase=Erase.DELETE,
)
