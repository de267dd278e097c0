import os
import re
import subprocess
import sys

import pytest

from django.conf import settings


@pytest.mark.django_db
def test_member_pages_send_a_strict_csp_with_a_nonce_on_every_script(client):
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "object-src 'none'" in policy
    assert "base-uri 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    scripts = re.findall(r"<script[^>]*>", response.content.decode())
    assert scripts, "the layout loads its scripts"
    assert all(f'nonce="{nonce}"' in tag for tag in scripts)
    assert all("src=" in tag for tag in scripts), "no inline script"


@pytest.mark.django_db
def test_every_asset_is_served_from_this_host(client):
    body = client.get("/").content.decode()
    assert not re.search(r'(src|href)="(https?:)?//', body)


def _run_deploy_check(extra_env):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update({"DJANGO_SETTINGS_MODULE": "cohort_site.settings.production", **extra_env})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = _run_deploy_check(
        {
            "SECRET_KEY": "kq7#Lp2!vXp9@Zr4$Tm8^Wn3&Yb6*Hd1(Jf5)Gs0-Qc-Pa2=Ue+Rt",
            "ALLOWED_HOSTS": "equity.example.org",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key_and_names_it():
    result = _run_deploy_check({"ALLOWED_HOSTS": "equity.example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
