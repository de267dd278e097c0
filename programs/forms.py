from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CdeEquityGoal, EquityArea, Resource, StudentGroup, Topic

HONEYPOT_FIELD = "website"


def form_class_with_honeypot(form_class):
    """Add a hidden-from-people field that bots fill in; a filled one fails validation."""

    class HoneypotForm(form_class):
        website = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(
                attrs={"autocomplete": "off", "tabindex": "-1", "class": "honeypot-input"}
            ),
        )

        def clean_website(self):
            if self.cleaned_data.get(HONEYPOT_FIELD):
                raise forms.ValidationError(_("This field must be left empty."))
            return ""

    HoneypotForm.__name__ = form_class.__name__
    return HoneypotForm


class EquityTagFilterForm(forms.Form):
    """Filter by the CDE Quality Schooling Framework's six goals of equity and four areas."""

    goal = forms.ModelChoiceField(
        label=_("Goal of equity"),
        queryset=CdeEquityGoal.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All six goals"),
    )
    area = forms.ModelChoiceField(
        label=_("Equity area"),
        queryset=EquityArea.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All four areas"),
    )


class ResourceFilterForm(EquityTagFilterForm):
    """The library's GET form: works without JavaScript."""

    field_order = ["q", "topic", "type", "group", "goal", "area"]

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
    )
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *Resource.Type.choices]
    )
    group = forms.ModelChoiceField(
        label=_("Student group"),
        queryset=StudentGroup.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All student groups"),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
