"""Journal entries, their saved versions, replies, and the identity tools.

Privacy is decided in one place: `visibility_q()` below, used by every queryset's `visible_to`.
Private is the default. Site admins, team leads, the Wagtail admin and the Django admin never
read a body that was not shared with them: these models are deliberately NOT registered in
Django's admin or as Wagtail snippets/viewsets (do not add them).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohorts import access

BODY_MAX_CHARS = 100_000
REPLY_MAX_CHARS = 1_000


class Kind(models.TextChoices):
    IDENTITY = "identity", _("Identity reflection")
    LEARNING = "learning", _("Learning reflection")
    TEAM = "team", _("Team reflection")


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    FACILITATOR = "facilitator", _("Me and our facilitators")
    TEAM = "team", _("My team and our facilitators")


def visibility_q(user, *, author_field="author", team_field="team") -> Q:
    """THE rule for who reads a journal item.

    private → the author only; facilitator → the author and the facilitators of the team's
    cohort; team → the team's current members and its cohort's facilitators. Being a site
    admin or a lead grants nothing here. Inactive and anonymous people match nothing.
    """
    if not (user is not None and user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    facilitated = access.facilitated_cohort_ids(user)
    my_teams = access.member_team_ids(user)
    shared = [Visibility.FACILITATOR, Visibility.TEAM]
    return (
        Q(**{author_field: user})
        | Q(**{"visibility__in": shared, f"{team_field}__cohort__in": facilitated})
        | Q(**{"visibility": Visibility.TEAM, f"{team_field}__in": my_teams})
    )


class JournalEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Entries this person may read. Drafts are the author's alone."""
        qs = self.filter(visibility_q(user))
        if user is not None and user.is_authenticated:
            qs = qs.filter(Q(is_draft=False) | Q(author=user))
        return qs

    def mine(self, user):
        """The person's own entries, drafts too (the same as `visible_to` with `author=user`,
        without the sharing rule's subqueries)."""
        if not (user is not None and user.is_authenticated and user.is_active):
            return self.none()
        return self.filter(author=user)

    def published(self):
        return self.filter(is_draft=False)


class JournalEntry(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="journal_entries",
    )
    team = models.ForeignKey(
        "cohorts.Team",
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        related_name="journal_entries",
        help_text=_("The team you wrote this with; it decides who 'my team' means."),
    )
    module = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("module"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    prompt_id = models.CharField(_("prompt id"), max_length=64, blank=True, db_index=True)
    prompt_text = models.TextField(_("prompt"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LEARNING)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True, help_text=_("Sanitized HTML."))
    body_text = models.TextField(_("body as plain text"), blank=True, editable=False)
    visibility = models.CharField(
        _("who can read it"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    replies_enabled = models.BooleanField(_("teammates may reply"), default=True)
    is_draft = models.BooleanField(_("draft"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    # The one-time key of the editor (tab) that wrote the stored text last: a save whose base
    # version is older is only a conflict when another tab or person wrote in between.
    last_writer_key = models.CharField(max_length=64, blank=True, editable=False)

    objects = JournalEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        indexes = [models.Index(fields=["author", "-created"])]

    def __str__(self):
        return self.title or _("Untitled entry")

    def get_absolute_url(self):
        return reverse("journals:detail", kwargs={"pk": self.pk})


class EntryVersion(models.Model):
    """The content of an entry as it was saved; the author can read and restore each one."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="versions")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        ordering = ["-saved_at", "-pk"]
        verbose_name = _("entry version")
        verbose_name_plural = _("entry versions")

    def __str__(self):
        return f"{self.entry_id} @ {self.saved_at:%Y-%m-%d %H:%M}"


class Reply(models.Model):
    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="journal_replies"
    )
    body = models.TextField(_("reply"), max_length=REPLY_MAX_CHARS)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return f"{self.author} → {self.entry_id}"


class IdentityToolQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(visibility_q(user))


class IdentityTool(models.Model):
    """A structured identity reflection (Social Identity Wheel or identity iceberg).

    Every answer is optional and lives in `data` (see journals.forms for the fields).
    Disclosure is voluntary: private by default.
    """

    class ToolKind(models.TextChoices):
        WHEEL = "wheel", _("Social identity wheel")
        ICEBERG = "iceberg", _("Identity iceberg")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="identity_tools"
    )
    team = models.ForeignKey(
        "cohorts.Team",
        verbose_name=_("team"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("tool"), max_length=10, choices=ToolKind.choices)
    data = models.JSONField(_("answers"), default=dict, blank=True)
    visibility = models.CharField(
        _("who can read it"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = IdentityToolQuerySet.as_manager()

    class Meta:
        verbose_name = _("identity tool")
        verbose_name_plural = _("identity tools")
        constraints = [
            models.UniqueConstraint(fields=["author", "kind"], name="one_identity_tool_per_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.author}"
