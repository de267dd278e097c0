from privacy.registry import Erase, registry

from .models import CommitteeInvitation, CommitteeMember, Meeting, Recommendation

registry.register(
    CommitteeMember,
    user_field="user",
    export_fields=["committee__name", "seat", "joined_on", "left_on"],
    erase=Erase.DELETE,
)
registry.register(
    CommitteeInvitation,
    user_field="invited_by",
    export_fields=["committee__name", "email", "seat", "created_at"],
    erase=Erase.NULLIFY,
)
registry.register(
    Meeting,
    user_field="recorded_by",
    export_fields=["committee__name", "held_on", "agenda", "notes", "decisions"],
    erase=Erase.KEEP,
    other_user_fields=["attendees"],
)
registry.register(
    Recommendation,
    user_field="sent_by",
    export_fields=["committee__name", "title", "rationale", "status", "response"],
    erase=Erase.KEEP,
    other_user_fields=["responded_by"],
)
