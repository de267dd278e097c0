"""After `make restore`: log in as a demo member through the login form, read the team page,
and find the uploaded file. Run by tests/resilience/backup_restore.sh with DATABASE_URL and
MEDIA_ROOT pointing at the restored copy."""

import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cohort_site.settings.test")
django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.factories import DEMO_PASSWORD  # noqa: E402
from cohorts.demo import TEAM_A_SLUG  # noqa: E402
from cohorts.models import Team  # noqa: E402


def main(marker: str) -> None:
    client = Client()
    login = client.post(
        "/accounts/login/", {"login": "member@example.org", "password": DEMO_PASSWORD}
    )
    assert login.status_code == 302, f"login answered {login.status_code}"
    team = Team.objects.get(slug=TEAM_A_SLUG)
    page = client.get(f"/teams/{TEAM_A_SLUG}/")
    assert page.status_code == 200, f"team page answered {page.status_code}"
    assert team.name in page.content.decode(), "the team page does not name the team"
    uploaded = Path(settings.MEDIA_ROOT) / "backup-check" / "marker.txt"
    assert uploaded.read_text() == marker, "the uploaded file did not come back"
    print(f"restored copy OK: logged in, read {team.name!r}, found {uploaded.name}")


if __name__ == "__main__":
    main(sys.argv[1])
