from django import forms
from django.utils.translation import gettext_lazy as _


class RetypeConfirmForm(forms.Form):
    """Erasing is confirmed by retyping a word, so it never happens by a stray click."""

    confirmation = forms.CharField(label=_("Type the word shown above to confirm"), max_length=200)

    def __init__(self, *args, expected: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.expected = expected

    def clean_confirmation(self):
        value = self.cleaned_data["confirmation"].strip()
        if value != self.expected:
            raise forms.ValidationError(
                _("That does not match. Type %(word)s exactly.") % {"word": self.expected}
            )
        return value
