from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core import signing
from django.db import transaction
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, ListView, TemplateView

from cohorts.mixins import NoStoreMixin

from .emails import DIGEST, unsubscribe_target
from .forms import PreferencesForm
from .models import Kind, Notification, Preference
from .services import mark_all_read, unsubscribe


class NotificationListView(LoginRequiredMixin, NoStoreMixin, ListView):
    template_name = "notifications/list.html"
    context_object_name = "notifications"
    paginate_by = 30

    def get_queryset(self):
        return Notification.objects.for_user(self.request.user)


class MarkAllReadView(LoginRequiredMixin, View):
    def post(self, request):
        mark_all_read(request.user)
        return redirect("notifications:list")


class PreferencesView(LoginRequiredMixin, NoStoreMixin, FormView):
    template_name = "notifications/preferences.html"
    form_class = PreferencesForm

    def get_form_kwargs(self):
        current = dict(
            Preference.objects.filter(user=self.request.user).values_list("kind", "delivery")
        )
        return {**super().get_form_kwargs(), "current": current}

    @transaction.atomic
    def form_valid(self, form):
        for kind, delivery in form.cleaned_data.items():
            Preference.objects.update_or_create(
                user=self.request.user, kind=kind, defaults={"delivery": delivery}
            )
        messages.success(self.request, _("Your notification choices were saved."))
        return redirect("notifications:preferences")


# RFC 8058: mail programs POST `List-Unsubscribe=One-Click` to the link with no cookies and no
# CSRF token. The signed token is what authorises it, so this one view is exempt; GET only
# shows a confirmation page, and nothing changes without that POST.
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(NoStoreMixin, TemplateView):
    """Turn one kind of email off from the link in it, without logging in."""

    template_name = "notifications/unsubscribe.html"

    def dispatch(self, request, *args, **kwargs):
        self.person, self.kind, self.problem = None, "", ""
        try:
            user_id, kind = unsubscribe_target(kwargs["token"])
        except signing.SignatureExpired:
            self.problem = "expired"
        except signing.BadSignature:
            self.problem = "invalid"
        else:
            self.person = get_user_model().objects.filter(pk=user_id, is_active=True).first()
            self.kind = kind
            if self.person is None or (kind != DIGEST and kind not in Kind.values):
                self.problem = "invalid"
        return super().dispatch(request, *args, **kwargs)

    def kind_label(self) -> str:
        if self.kind == DIGEST:
            return _("The daily digest")
        return Kind(self.kind).label if self.kind in Kind.values else ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            problem=self.problem,
            kind_label=self.kind_label(),
            email=getattr(self.person, "email", ""),
            **kwargs,
        )

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        return self.render_to_response(context, status=400 if self.problem else 200)

    def post(self, request, *args, **kwargs):
        if self.problem:
            return self.render_to_response(self.get_context_data(**kwargs), status=400)
        unsubscribe(user=self.person, kind=self.kind)
        return self.render_to_response(self.get_context_data(done=True, **kwargs))
