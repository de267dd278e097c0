from django import forms
from django.utils.translation import gettext_lazy as _

from cohort_site.idempotency import SubmissionKeyFormMixin

from .models import Conversation
from .protocols import PROTOCOLS

STEP_ROWS = 3


class ConversationForm(SubmissionKeyFormMixin, forms.ModelForm):
    """A conversation and up to three agreed next steps, saved together."""

    class Meta:
        model = Conversation
        fields = ["held_on", "kind", "participants", "notes"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}),
            "participants": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, team, protocol=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team
        self.protocol = protocol
        if protocol is not None:
            # The protocol's steps come first, each with the coach's prompts as its help.
            self.fields["kind"].initial = Conversation.Kind.LEADERSHIP
            self.fields["notes"].label = _("Anything else")
            for step in protocol.steps:
                self.fields[f"protocol_{step.key}"] = forms.CharField(
                    label=step.label,
                    help_text=" ".join(str(p) for p in step.prompts),
                    required=step.required,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
            self.order_fields(
                ["held_on", "kind", "participants"]
                + [f"protocol_{step.key}" for step in protocol.steps]
            )
        members = team.memberships.current().select_related("user")
        people = [m.user for m in members]
        self.fields["participants"].queryset = self.fields["participants"].queryset.filter(
            pk__in=[p.pk for p in people]
        )
        owner_choices = [("", _("(choose)"))] + [(p.pk, p.name) for p in people]
        for row in range(1, STEP_ROWS + 1):
            self.fields[f"step_{row}"] = forms.CharField(
                label=_("Next step %(n)s") % {"n": row}, max_length=300, required=False
            )
            self.fields[f"step_{row}_owner"] = forms.TypedChoiceField(
                label=_("Owner of step %(n)s") % {"n": row},
                choices=owner_choices,
                coerce=int,
                required=False,
                empty_value=None,
            )
            self.fields[f"step_{row}_due"] = forms.DateField(
                label=_("Due date of step %(n)s") % {"n": row},
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}),
            )

    def clean(self):
        data = super().clean()
        if self.protocol is None and not data.get("notes") and "notes" not in self.errors:
            self.add_error("notes", _("Write what was discussed."))
        data["protocol_steps"] = (
            {s.key: data.get(f"protocol_{s.key}", "") for s in self.protocol.steps}
            if self.protocol is not None
            else {}
        )
        steps = []
        for row in range(1, STEP_ROWS + 1):
            text, owner, due = (
                data.get(f"step_{row}"),
                data.get(f"step_{row}_owner"),
                data.get(f"step_{row}_due"),
            )
            if not text:
                if owner or due:
                    self.add_error(
                        f"step_{row}", _("Describe the next step, or clear its owner and date.")
                    )
                continue
            if not owner:
                self.add_error(f"step_{row}_owner", _("Every next step needs an owner."))
            if not due:
                self.add_error(f"step_{row}_due", _("Every next step needs a due date."))
            steps.append({"description": text, "owner_id": owner, "due_on": due})
        data["steps"] = steps
        return data


def protocol_from(value: str | None):
    """The protocol a `?protocol=` slug names, or None (free notes)."""
    return PROTOCOLS.get(value or "")
