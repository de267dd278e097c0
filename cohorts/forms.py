import csv
import io
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from cohort_site.idempotency import SubmissionKeyFormMixin

from .models import CohortSession, Membership, Team

MAX_BULK_ROWS = 500


class InvitationForm(SubmissionKeyFormMixin, forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    email = forms.EmailField(label=_("Email"))
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial="member")

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


@dataclass
class BulkRow:
    number: int
    email: str
    name: str
    role: str
    error: str = ""


def parse_invitation_rows(text: str) -> list[BulkRow]:
    """Rows of `email, name, role` (name and role optional; a header line is skipped)."""
    rows = []
    reader = csv.reader(io.StringIO(text))
    for number, cells in enumerate(reader, start=1):
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if number == 1 and cells[0].lower() in {"email", "e-mail"}:
            continue
        email, name, role = (cells + ["", "", ""])[:3]
        row = BulkRow(
            number=number, email=email.lower(), name=name, role=(role or "member").lower()
        )
        try:
            validate_email(row.email)
        except ValidationError:
            row.error = str(_("“%(email)s” is not an email address.") % {"email": email})
        if not row.error and row.role not in Membership.Role.values:
            row.error = str(_("Role must be “lead” or “member”, not “%(role)s”.") % {"role": role})
        rows.append(row)
    return rows


class BulkInvitationForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    lines = forms.CharField(
        label=_("Paste one person per line: email, name, role"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("Role is “lead” or “member” (member if left out)."),
    )
    csv_file = forms.FileField(
        label=_("Or upload a CSV file (email, name, role)"),
        required=False,
    )
    import_good_rows = forms.BooleanField(
        label=_("If some rows have errors, invite the people on the good rows anyway"),
        required=False,
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams

    def clean(self):
        data = super().clean()
        text = data.get("lines") or ""
        upload = data.get("csv_file")
        if upload:
            if upload.size > 1_000_000:
                raise ValidationError({"csv_file": _("The file is larger than 1 MB.")})
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ValidationError(
                    {"csv_file": _("The file must be a UTF-8 CSV file.")}
                ) from None
        rows = parse_invitation_rows(text)
        if not rows:
            raise ValidationError(_("Paste at least one line or upload a CSV file."))
        if len(rows) > MAX_BULK_ROWS:
            raise ValidationError(_("At most %(n)s people at a time.") % {"n": MAX_BULK_ROWS})
        data["rows"] = rows
        return data


class MembershipEndForm(forms.Form):
    new_lead = forms.ModelChoiceField(
        label=_("New lead"),
        queryset=Membership.objects.none(),
        required=False,
        help_text=_("Needed when you remove or move the team's only lead."),
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_lead"].queryset = (
            Membership.objects.current()
            .filter(team=membership.team)
            .exclude(pk=membership.pk)
            .select_related("user")
        )


class MembershipMoveForm(MembershipEndForm):
    to_team = forms.ModelChoiceField(label=_("Move to team"), queryset=Team.objects.none())

    field_order = ["to_team", "new_lead"]

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, membership=membership, **kwargs)
        self.fields["to_team"].queryset = Team.objects.filter(
            cohort=membership.team.cohort
        ).exclude(pk=membership.team_id)


class CohortSessionForm(forms.ModelForm):
    class Meta:
        model = CohortSession
        fields = ["title", "starts_at", "ends_at", "location", "video_url", "module"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }

    def __init__(self, *args, modules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module"].queryset = modules
        self.fields["module"].required = False

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The session must end after it starts."))
        if not (data.get("location") or data.get("video_url")):
            self.add_error("location", _("Give a place or a video link (or both)."))
        return data
