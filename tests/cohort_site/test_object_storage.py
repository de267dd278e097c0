"""Uploads in S3-compatible object storage, against a local S3 server (tests/object_storage.py).

No app server keeps files on its own disk: Wagtail documents go to the bucket behind presigned
links, image renditions are public, and a spreadsheet waiting for confirmation is in the
database. The feedback artifact journey is in tests/feedback/test_object_storage.py.
"""

import datetime

import pytest
import requests

from django.core.files.base import ContentFile

from cohort_site.settings.base import object_storages, public_media_origin
from tests import object_storage as s3

pytestmark = pytest.mark.django_db
local_s3, object_storage = s3.local_s3, s3.object_storage  # fixtures


def test_a_wagtail_document_redirects_to_a_presigned_link(client, object_storage):
    from wagtail.documents.models import Document

    document = Document.objects.create(
        title="Driver diagram guide", file=ContentFile(b"guide", name="guide.txt")
    )
    assert f"private/{document.file.name}" in s3.stored_keys(object_storage)
    answer = client.get(document.url)
    assert answer.status_code == 302
    assert "X-Amz-Signature=" in answer["Location"]
    assert requests.get(answer["Location"], timeout=10).content == b"guide"


def test_public_images_use_plain_urls_and_private_files_signed_ones(local_s3, monkeypatch):
    from storages.backends.s3 import S3Storage

    env = local_s3.env()
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    configured = object_storages(env)
    public = S3Storage(**configured["public"]["OPTIONS"])
    name = public.save("images/rendition.txt", ContentFile(b"pixels"))
    assert "X-Amz-Signature" not in public.url(name)
    assert requests.get(public.url(name), timeout=10).content == b"pixels"

    private = S3Storage(**configured["default"]["OPTIONS"])
    name = private.save("feedback/secret.txt", ContentFile(b"secret"))
    assert "X-Amz-Expires=60" in private.url(name)
    assert requests.get(private.url(name).split("?")[0], timeout=10).status_code == 403


def test_without_a_bucket_uploads_stay_in_media_root(settings):
    assert object_storages({}) == {}
    assert settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
    assert public_media_origin({"AWS_S3_CUSTOM_DOMAIN": "media.example.org"}) == (
        "https://media.example.org"
    )
    assert public_media_origin(
        {"AWS_STORAGE_BUCKET_NAME": "cohort", "AWS_S3_REGION_NAME": "us-west-2"}
    ) == ("https://cohort.s3.us-west-2.amazonaws.com")


def test_a_staged_import_waits_in_the_database_for_any_instance():
    from cohort_site import tabular
    from cohort_site.models import StagedImport

    token = tabular.stage(b"date,value\n", owner="7:/import/")
    assert bytes(StagedImport.objects.get().data) == b"date,value\n"
    with pytest.raises(tabular.TabularError):
        tabular.staged(token, owner="8:/import/")
    assert tabular.staged(token, owner="7:/import/") == b"date,value\n"
    tabular.unstage(token, owner="7:/import/")
    with pytest.raises(tabular.AlreadyImported):
        tabular.staged(token, owner="7:/import/")
    assert bytes(StagedImport.objects.get().data) == b""

    StagedImport.objects.update(created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    tabular.stage(b"later", owner="7:/import/")
    assert StagedImport.objects.count() == 1  # the old one is gone
