"""What the Facilitators group may do in the Wagtail admin: one function, used by the data
migration and by `seed_curriculum()`, so both always agree.

Exactly: reach the admin; add, edit and publish pages in the program tree (everything under
the HomePage, which also opens that tree's form submissions and their CSV export, since Wagtail
ties them to page edit rights); add and change the curriculum snippets; add, change and choose
documents and images in the root collection. Nothing else: no users, groups or settings, and
no deleting pages: Wagtail lets "change" delete a page (and with a form page its stored
submissions), so every page type of the site mixes in `OnlySiteAdminsDelete`.
"""

from django.apps import apps as global_apps

from wagtail.models import PagePermissionTester

from accounts.roles import FACILITATORS_GROUP, is_site_admin


class SiteAdminDeletesPermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        return is_site_admin(self.user) and super().can_delete(ignore_bulk=ignore_bulk)


class OnlySiteAdminsDelete:
    """Page mixin: only site admins delete pages, whatever page permissions a group holds.

    Wagtail asks `permissions_for_user` before showing a delete button, in the delete view
    and in bulk actions, so all three follow this rule.
    """

    def permissions_for_user(self, user):
        return SiteAdminDeletesPermissionTester(user, self)


SNIPPET_MODELS = [
    "programgoal",
    "cdeequitygoal",
    "equityarea",
    "liberatorydesignmode",
    "topic",
    "studentgroup",
    "protocol",
    "resource",
]
MODEL_PERMISSIONS = [("wagtailadmin", "access_admin")] + [
    ("programs", f"{action}_{model}") for model in SNIPPET_MODELS for action in ("add", "change")
]
# Translating curriculum pages with wagtail-localize (submit a page for translation).
TRANSLATION_PERMISSIONS = [("wagtail_localize", "submit_translation")]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def facilitator_permissions_apply(apps=global_apps):
    """Give the Facilitators group exactly its permissions (idempotent; migrations pass `apps`).

    Returns the group.
    """
    from django.contrib.auth.management import create_permissions

    # In a fresh database permissions are only created after all migrations ran; make sure ours
    # (and Wagtail's) exist now.
    labels = ["programs", "wagtaildocs", "wagtailimages", "wagtailcore"]
    model_permissions = list(MODEL_PERMISSIONS)
    try:
        apps.get_model("wagtail_localize", "Translation")
    except LookupError:  # an early migration, before wagtail-localize's models exist
        pass
    else:
        labels.append("wagtail_localize")
        model_permissions += TRANSLATION_PERMISSIONS
    for label in labels:
        app_config = apps.get_app_config(label)
        # Migration state's app configs have no models module; create_permissions skips those.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("programs", "HomePage")

    # Wagtail and wagtail-localize create these in migrations (on a content type of their own),
    # so a flushed test database lacks them.
    made_in_migrations = [("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")]
    if TRANSLATION_PERMISSIONS[0] in model_permissions:
        made_in_migrations.append(
            ("wagtail_localize", "translation", "submit_translation", "Can submit translations")
        )
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model, codename, name in made_in_migrations:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )

    group, _created = Group.objects.get_or_create(name=FACILITATORS_GROUP)
    group.permissions.set([_permission(apps, app, code) for app, code in model_permissions])

    # Every home page: the English one and each language's translation of it, whose tree holds
    # that language's translated pages.
    homes = list(Page.objects.filter(pk__in=HomePage.objects.values("pk")))
    if homes:
        wanted = [_permission(apps, "wagtailcore", code) for code in PAGE_PERMISSIONS]
        GroupPagePermission.objects.filter(group=group).exclude(
            page__in=homes, permission__in=wanted
        ).delete()
        for page in homes:
            for permission in wanted:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        wanted = [_permission(apps, app, code) for app, code in COLLECTION_PERMISSIONS]
        GroupCollectionPermission.objects.filter(group=group).exclude(
            collection=root_collection, permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    return group
