from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's default welcome page with our HomePage as the site root."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("programs.HomePage")

    page_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_type, slug="home", depth=2).delete()
    if HomePage.objects.exists() or not Page.objects.filter(depth=1).exists():
        return
    homepage_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="programs")
    root = Page.objects.get(depth=1)
    homepage = HomePage.objects.create(
        locale_id=root.locale_id,
        title="Equity Improvement Project",
        draft_title="Equity Improvement Project",
        slug="home",
        content_type=homepage_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", root_page=homepage, is_default_site=True)


def remove_homepage(apps, schema_editor):
    apps.get_model("programs.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]
    operations = [migrations.RunPython(create_homepage, remove_homepage)]
