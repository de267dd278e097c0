from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    """People sign in with their email address; there are no usernames."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"), max_length=120, blank=True, help_text=_("How others see your name.")
    )
    pronouns = models.CharField(
        _("pronouns"), max_length=40, blank=True, help_text=_("Optional, for example she/her.")
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        default="en",
        choices=settings.LANGUAGES,
        help_text=_("The language of the site and of the emails you receive."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["display_name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The name shown to other people: display name, else full name, else the email."""
        return self.display_name or self.get_full_name() or self.email

    def choose_language(self, language: str) -> None:
        if language in dict(settings.LANGUAGES) and language != self.preferred_language:
            self.preferred_language = language
            self.save(update_fields=["preferred_language"])


class FailedLogin(models.Model):
    """One failed login for an address, kept in the database so the per-account lock holds
    while the cache is down. The address is stored only as a hash; rows older than the lock
    window are pruned as new ones arrive (accounts/lockout.py)."""

    login_hash = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["login_hash", "at"], name="failedlogin_hash_at")]
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")

    def __str__(self):
        return f"{self.login_hash[:8]}… {self.at:%Y-%m-%d %H:%M}"
