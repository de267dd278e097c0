import datetime
import secrets
import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import access


def random_version() -> int:
    return secrets.randbits(48)


cds_code_validator = RegexValidator(
    r"^\d{14}$",
    _("A California CDS code has exactly 14 digits (county 2, district 5, school 7)."),
)

TYPICAL_TEAM_SIZE = (4, 7)
INVITATION_LIFETIME = timedelta(days=14)


class Organization(models.Model):
    class Kind(models.TextChoices):
        DISTRICT = "district", _("District")
        SCHOOL = "school", _("School")
        COUNTY_OFFICE = "county_office", _("County office of education")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SCHOOL)
    cds_code = models.CharField(
        _("CDS code"), max_length=14, unique=True, validators=[cds_code_validator]
    )
    county = models.CharField(_("county"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("district"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schools",
        limit_choices_to={"kind": "district"},
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organization")
        verbose_name_plural = _("partner organizations")

    def __str__(self):
        return self.name


class CohortQuerySet(models.QuerySet):
    def facilitated_by(self, user):
        """The cohorts a person runs: those they facilitate; every cohort for a site admin.

        The one place that says so: callers never add the site-admin case by hand."""
        if access.is_site_admin(user):
            return self
        if not (user.is_authenticated and user.is_active):
            return self.none()
        return self.filter(pk__in=access.facilitated_cohort_ids(user))


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Give a time zone such as America/Los_Angeles."))


def days_around(now, *, ahead: int = 0) -> tuple[datetime.date, datetime.date]:
    """Every date some cohort can be at `ahead` days from `now` (today when 0), widely.

    Cohort clocks differ from UTC by less than a day, so the day before to the day after the
    UTC date covers every zone; daily jobs filter by this range, then each row by its own
    cohort's `today()`.
    """
    day = now.astimezone(datetime.UTC).date() + timedelta(days=ahead)
    return day - timedelta(days=1), day + timedelta(days=1)


class Cohort(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    program = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The curriculum this cohort follows."),
    )
    school_year = models.CharField(_("school year"), max_length=9, help_text=_("e.g. 2026-27"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="America/Los_Angeles",
        validators=[validate_time_zone],
        help_text=_("Dates and times on the cohort's pages are shown in this zone."),
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        related_name="facilitated_cohorts",
        blank=True,
        # Only people who may facilitate are offered (the Facilitators group and site admins).
        limit_choices_to=access.may_facilitate_q,
        help_text=_("Members of the Facilitators group and site admins."),
    )

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cohorts:cohort", kwargs={"slug": self.slug})

    def today(self, now=None) -> datetime.date:
        """The date on the cohort's own clock (daily jobs run on the server's)."""
        return timezone.localdate(now or timezone.now(), zoneinfo.ZoneInfo(self.time_zone))


class TeamQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Teams a person may open (the rule: `access.visible_team_q`)."""
        return self.filter(access.visible_team_q(user))

    def with_member_counts(self):
        return self.annotate(
            member_count=Count("memberships", filter=Q(memberships__left_on__isnull=True))
        )


class Team(models.Model):
    class Kind(models.TextChoices):
        SCHOOL = "school", _("School equity team")
        DISTRICT = "district", _("District equity team")
        ADVISORY = "advisory", _("Equity advisory committee")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="teams"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("partner school or district"),
        on_delete=models.PROTECT,
        related_name="teams",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SCHOOL)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    # Changes whenever something the cohort dashboard shows about the team changes (services
    # call `cohorts.services.team_summary_changed` or `team_touch`): the dashboard's cached
    # columns are keyed on it. Starts at random so a reseeded database never matches an old key.
    summary_version = models.BigIntegerField(default=random_version, editable=False)

    objects = TeamQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cohorts:team", kwargs={"slug": self.slug})

    @property
    def size_is_typical(self) -> bool:
        count = getattr(self, "member_count", None)
        return count is None or TYPICAL_TEAM_SIZE[0] <= count <= TYPICAL_TEAM_SIZE[1]


class TeamOwnedQuerySet(models.QuerySet):
    """Base queryset for every model that belongs to a team: one rule for who sees what.

    Feature apps subclass it (or use it as is) and set `team_field` when the path differs.
    """

    team_field = "team"

    def visible_to(self, user):
        return self.filter(**{f"{self.team_field}__in": Team.objects.visible_to(user)})


class MembershipQuerySet(models.QuerySet):
    def current(self):
        return self.filter(left_on__isnull=True)

    def leads(self):
        return self.filter(role=Membership.Role.LEAD)


class Membership(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_on = models.DateField(_("joined"), default=timezone.localdate)
    left_on = models.DateField(_("left"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["role", "user__display_name", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "team"],
                condition=Q(left_on__isnull=True),
                name="one_current_membership_per_team",
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.team} ({self.get_role_display()})"


class InvitationQuerySet(TeamOwnedQuerySet):
    def outstanding(self):
        return self.filter(
            accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now()
        )


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


def default_invitation_expiry():
    return timezone.now() + INVITATION_LIFETIME


class Invitation(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=120, blank=True)
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    token = models.CharField(
        max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=default_invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    # Not content: kept out of Wagtail's "usage" index, which would queue a task per invitation.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "email"],
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="one_open_invitation_per_email_and_team",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.team}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not (self.is_expired or self.accepted_at or self.revoked_at)


class CohortSessionQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).order_by("starts_at")

    def starting_tomorrow(self, now=None):
        """Sessions that start tomorrow by their own cohort's clock (one query for the zones)."""
        now = now or timezone.now()
        on_the_day = Q(pk__in=[])
        for name in Cohort.objects.values_list("time_zone", flat=True).distinct():
            zone = zoneinfo.ZoneInfo(name)
            tomorrow = timezone.localdate(now, zone) + datetime.timedelta(days=1)
            on_the_day |= Q(
                cohort__time_zone=name,
                starts_at__gte=datetime.datetime.combine(tomorrow, datetime.time.min, zone),
                starts_at__lt=datetime.datetime.combine(
                    tomorrow + datetime.timedelta(days=1), datetime.time.min, zone
                ),
            )
        return self.filter(on_the_day)


class CohortSession(models.Model):
    """A cohort meeting: date, time, place or video link, and the module it covers."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    module = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("module"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Calendar programs replace their copy of an event only when its SEQUENCE grows.
    revision = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now, editable=False)

    objects = CohortSessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return f"{self.title} ({self.starts_at:%Y-%m-%d})"

    def save(self, *args, **kwargs):
        """Each saved change is a new revision: subscribed calendars pick it up."""
        self.updated_at = timezone.now()
        if not self._state.adding:
            self.revision += 1
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "revision", "updated_at"}
        super().save(*args, **kwargs)
