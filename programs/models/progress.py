"""Progress through the curriculum: who marked which module done, and when a module opens to a
cohort. The rules that read these rows live in programs/release.py."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModuleCompletionQuerySet(models.QuerySet):
    def done_by(self, user):
        """An Exists() expression for annotating modules: has `user` marked it done?"""
        return models.Exists(
            self.filter(
                module=models.OuterRef("pk"), user_id=user.pk if user.is_authenticated else None
            )
        )


class ModuleCompletion(models.Model):
    """A participant marked a module as done."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module = models.ForeignKey(
        "programs.ModulePage", on_delete=models.CASCADE, related_name="completions"
    )
    completed_at = models.DateTimeField(_("completed at"), auto_now_add=True)

    objects = ModuleCompletionQuerySet.as_manager()

    class Meta:
        verbose_name = _("module completion")
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="unique_module_completion")
        ]

    def __str__(self):
        return f"{self.user} – {self.module}"


class ModuleRelease(models.Model):
    """When a module opens to one cohort's members (default: the first day of its month)."""

    cohort = models.ForeignKey(
        "cohorts.Cohort", on_delete=models.CASCADE, related_name="module_releases"
    )
    module = models.ForeignKey(
        "programs.ModulePage", on_delete=models.CASCADE, related_name="releases"
    )
    opens_on = models.DateField(_("opens on"))

    class Meta:
        verbose_name = _("module release date")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "module"], name="one_release_per_cohort_module"
            )
        ]

    def __str__(self):
        return f"{self.module} → {self.cohort}: {self.opens_on}"
