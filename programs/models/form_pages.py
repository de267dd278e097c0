"""The site's editor-built forms: partnership proposals and the contact list."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from ..permissions import OnlySiteAdminsDelete
from .rules import page_rules


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(OnlySiteAdminsDelete, AbstractEmailForm):
    """Partnership proposals and the contact list: editor-built forms with bot protection.

    Submissions are stored (Forms in the admin, CSV export built in); after commit the submitter
    gets a confirmation with fixed text only and facilitators a notice (programs/mail.py).
    """

    intro = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)
    confirmation_subject = models.CharField(
        _("confirmation email subject"), max_length=200, blank=True
    )
    confirmation_text = models.TextField(
        _("confirmation email text"),
        blank=True,
        help_text=_("Sent to the address in the form's first email field."),
    )

    def get_submissions_list_view_class(self):
        from cohort_site.admin_exports import SubmissionsListView

        return SubmissionsListView  # the CSV and XLSX exports go through the one writer

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("confirmation_subject"),
                FieldPanel("confirmation_text"),
            ],
            heading=_("Email"),
        ),
    ]
    parent_page_types = ["programs.HomePage"]
    subpage_types = []
    template = "programs/form_page.html"
    landing_page_template = "programs/form_page_landing.html"

    class Meta:
        verbose_name = _("form page")

    def get_form_class(self):
        return page_rules().form_class_with_honeypot(super().get_form_class())

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and page_rules().form_rate_limited(request, self):
            from django.shortcuts import render

            form = self.get_form(page=self, user=request.user)
            context = self.get_context(request)
            context["form"] = form
            context["rate_limited"] = True
            return render(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        return page_rules().form_submission_create(page=self, form=form)
