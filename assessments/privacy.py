from privacy.registry import Erase, registry

from .models import SelfAssessment

registry.register(
    SelfAssessment,
    user_field="updated_by",
    export_fields=["team__name", "school_year", "moment", "updated_at"],
    erase=Erase.KEEP,
    portfolio_filter={},
)
