"""Handing a private upload to someone a view has already let through.

Local storage (the default): the app streams the file. Object storage (S3-compatible, see
`object_storages` in settings): the app answers with a redirect to a presigned URL that expires
after AWS_QUERYSTRING_EXPIRE seconds, so the file never passes through an app server and no
link to it lasts. Either way the caller has done the access checks first.
"""

from django.http import FileResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control


def presigns_urls(storage) -> bool:
    """True for object storage whose URLs carry an expiring signature (django-storages S3)."""
    return bool(getattr(storage, "querystring_auth", False))


def private_file_response(field_file, *, filename: str = ""):
    """A download of `field_file` as an attachment, or a redirect to a presigned URL for it."""
    filename = filename or field_file.name.rsplit("/", 1)[-1]
    if presigns_urls(field_file.storage):
        disposition = f'attachment; filename="{filename}"'
        response = HttpResponseRedirect(
            field_file.storage.url(
                field_file.name, parameters={"ResponseContentDisposition": disposition}
            )
        )
    else:
        response = FileResponse(field_file.open("rb"), as_attachment=True, filename=filename)
        response["X-Content-Type-Options"] = "nosniff"
    # Neither the file nor a signed link to it may be kept by a shared cache.
    patch_cache_control(response, private=True, no_store=True)
    return response
