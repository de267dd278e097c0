from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.template.loader import render_to_string

from notifications.emails import recipient_locale, site_url
from notifications.outbox import queue_message

from . import lockout


def _on_site(url: str) -> str:
    parts = urlsplit(url)
    return site_url(parts.path + (f"?{parts.query}" if parts.query else ""))


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        """Signup is closed; a usable invitation opened in this browser opens it."""
        from .invitations import invitation_for_signup

        return settings.COHORT_SIGNUP_OPEN or invitation_for_signup(request) is not None

    def save_user(self, request, user, form, commit=True):
        """Signing up uses the invitation up for this browser: it opens signup no more."""
        from .invitations import forget

        user = super().save_user(request, user, form, commit=commit)
        forget(request)
        return user

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """Failed logins lock an account for one client address, not for everyone.

        allauth keys its "login_failed" limit by the account alone; adding the address (behind
        a proxy, from X-Forwarded-For per ALLAUTH_TRUSTED_PROXY_COUNT) means five wrong
        passwords typed by one person cannot lock a facilitator out everywhere.
        """
        account_key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account_key}:{self.get_client_ip(request)}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Password resets, address verification and security notices go to the outbox.

        The page answers at once whatever the mail server does; the worker sends and retries.
        """
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request)}
        ctx.update(context)
        # In the account holder's language, not the language of whoever asked (an address
        # with no account yet gets the site's).
        from accounts.models import User

        person = User.objects.filter(email__iexact=email).first()
        with recipient_locale(person):
            message = self.render_mail(template_prefix, email, ctx)
            if message.content_subtype != "html" and not getattr(message, "alternatives", None):
                # allauth's own templates are text only: the HTML part shows the same text,
                # autoescaped, with its links made clickable.
                html = render_to_string(
                    "emails/text_as_html.html", {"subject": message.subject, "text": message.body}
                )
                message.attach_alternative(html, "text/html")
        queue_message(message, topic=template_prefix.rpartition("/")[2])

    # allauth builds its links from the request; the configured base URL is the address people
    # reach the site at (behind a proxy the request may name an internal host).
    def get_reset_password_from_key_url(self, key: str) -> str:
        return _on_site(super().get_reset_password_from_key_url(key))

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return _on_site(super().get_email_confirmation_url(request, emailconfirmation))

    # The lock (account and address, as above) is also kept in the database
    # (accounts/lockout.py), so a cache outage or a Redis restart cannot lift it.
    def pre_authenticate(self, request, **credentials) -> None:
        if lockout.login_is_locked(
            login=self._get_login_attempts_cache_key(request, **credentials)
        ):
            raise self.validation_error("too_many_login_attempts")
        super().pre_authenticate(request, **credentials)

    def authentication_failed(self, request, **credentials) -> None:
        lockout.failed_login_record(
            login=self._get_login_attempts_cache_key(request, **credentials)
        )
        super().authentication_failed(request, **credentials)

    def _delete_login_attempts_cached_email(self, request, **credentials) -> None:
        super()._delete_login_attempts_cached_email(request, **credentials)
        lockout.failed_logins_clear(
            login=self._get_login_attempts_cache_key(request, **credentials)
        )

    def get_login_redirect_url(self, request) -> str:
        """Facilitators land on their cohorts and site admins on the program overview."""
        from cohorts.access import landing_url

        return landing_url(request.user) or super().get_login_redirect_url(request)
