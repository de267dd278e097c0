"""A local S3-compatible server for the tests and CI: moto's S3 behind a guard.

The bucket gets the policy README.md gives (anyone may read `public/...`, Wagtail's image
renditions; nothing else without a signature), which moto enforces. moto never checks a
presigned URL, so the guard does what S3 does: a presigned URL works only with a valid signature
and until it expires (X-Amz-Date plus X-Amz-Expires; `clock_offset` lets a test move the
server's clock forward).

In-process (pytest): `LocalS3().start()`, then `.env()` is the environment that points the site
at it, `.stop()`. As a process (the two-instance test): `python tests/object_storage.py PORT`.
"""

import calendar
import json
import logging
import sys
import threading
import time
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import boto3
import pytest
from botocore.auth import S3SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

BUCKET = "cohort-media"
REGION = "us-east-1"
ACCESS_KEY = "cohort-test-access-key"
SECRET_KEY = "cohort-test-secret-key"  # noqa: S105 (a local test server's)
PUBLIC_PREFIX = "public/"


def _denied(start_response, code: str, message: str):
    body = (
        f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code>'
        f"<Message>{message}</Message></Error>"
    ).encode()
    start_response("403 Forbidden", [("Content-Type", "application/xml")])
    return [body]


class PresignGuard:
    """WSGI middleware in front of moto: checks presigned URLs and anonymous reads."""

    def __init__(self, app, secrets: dict[str, str]):
        self.app, self.secrets = app, secrets
        self.clock_offset = 0.0  # seconds added to the clock (a test "waits" without sleeping)

    def __call__(self, environ, start_response):
        query = environ.get("QUERY_STRING", "")
        if "X-Amz-Signature=" in query:
            problem = self.presign_problem(environ)
            if problem:
                return _denied(start_response, "AccessDenied", problem)
        return self.app(environ, start_response)

    def presign_problem(self, environ) -> str:
        raw = environ.get("RAW_URI") or environ.get("REQUEST_URI") or ""
        parts = urlsplit(f"http://{environ['HTTP_HOST']}{raw}")
        fields = dict(parse_qsl(parts.query, keep_blank_values=True))
        try:
            access_key, _date, region, *_ = fields["X-Amz-Credential"].split("/")
            signed_at = calendar.timegm(time.strptime(fields["X-Amz-Date"], "%Y%m%dT%H%M%SZ"))
            expires = int(fields["X-Amz-Expires"])
            secret = self.secrets[access_key]
        except (KeyError, ValueError):
            return "Malformed presigned URL"
        if time.time() + self.clock_offset > signed_at + expires:
            return "Request has expired"
        unsigned_query = "&".join(
            p for p in parts.query.split("&") if not p.startswith("X-Amz-Signature=")
        )
        request = AWSRequest(
            method=environ["REQUEST_METHOD"],
            url=urlunsplit(parts._replace(query=unsigned_query)),
            headers={},
        )
        request.context["timestamp"] = fields["X-Amz-Date"]
        auth = S3SigV4QueryAuth(Credentials(access_key, secret), "s3", region, expires=expires)
        expected = auth.signature(
            auth.string_to_sign(request, auth.canonical_request(request)), request
        )
        if expected != fields.get("X-Amz-Signature"):
            return "The request signature we calculated does not match the signature you provided"
        return ""


def public_read_policy(bucket: str) -> dict:
    """The bucket policy a deployment sets (README, Deployment): public/ is readable by anyone."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicImageRenditions",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/{PUBLIC_PREFIX}*",
            }
        ],
    }


class LocalS3:
    def __init__(self, port: int = 0, host: str = "127.0.0.1"):
        self.guard = PresignGuard(
            DomainDispatcherApplication(create_backend_app), {ACCESS_KEY: SECRET_KEY}
        )
        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
        self.server = make_server(host, port, self.guard, threaded=True)
        self.url = f"http://{host}:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )

    def start(self) -> "LocalS3":
        self.thread.start()
        client = self.client()
        client.create_bucket(Bucket=BUCKET)
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read_policy(BUCKET)))
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def env(self, *, expire: int = 60) -> dict[str, str]:
        """The environment variables (README's table) that point the site at this server."""
        return {
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": self.url,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_S3_ADDRESSING_STYLE": "path",
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_QUERYSTRING_EXPIRE": str(expire),
        }


# --- pytest fixtures ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def local_s3():
    server = LocalS3().start()
    yield server
    server.stop()


@pytest.fixture
def object_storage(local_s3, settings, monkeypatch):
    """The site configured by environment variables as README says, pointed at local_s3."""
    from cohort_site.settings.base import object_storages

    env = local_s3.env()
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {**settings.STORAGES, **object_storages(env)}
    settings.WAGTAILDOCS_SERVE_METHOD = "redirect"
    local_s3.guard.clock_offset = 0
    return local_s3


def stored_keys(local_s3) -> list[str]:
    listing = local_s3.client().list_objects_v2(Bucket=BUCKET)
    return [item["Key"] for item in listing.get("Contents", [])]


if __name__ == "__main__":
    server = LocalS3(port=int(sys.argv[1]) if len(sys.argv) > 1 else 0).start()
    print(f"ready {server.url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.stop()
