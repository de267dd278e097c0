from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, ListView

from cohorts.mixins import NoStoreMixin

from .forms import PreferencesForm
from .models import Notification, Preference
from .services import mark_all_read


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
