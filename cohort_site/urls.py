from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cohort_site import views
from programs import views as programs_views

urlpatterns = [
    # Wagtail's and Django's own login and password-reset views would bypass allauth's rate
    # limits and MFA. Someone logged in without access to an admin gets the 403 page there.
    path(
        "admin/login/",
        views.WagtailAdminLoginView.as_view(),
        name="cohort_admin_login",
    ),
    path("django-admin/login/", views.DjangoAdminLoginView.as_view()),
    re_path(
        r"^admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password", query_string=False),
    ),
    # Answered by HealthCheckMiddleware before anything else; routed here too for reverse().
    path("healthz/live", views.healthz_live, name="healthz_live"),
    path("healthz/ready", views.healthz_ready, name="healthz_ready"),
    path("healthz", views.healthz_ready, name="healthz"),
    # The header's language switch (a POST form, works without JavaScript) and the catalog
    # of the scripts' strings. Neither changes URLs: the language never appears in a path.
    path("i18n/setlang/", views.set_language, name="set_language"),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["cohort_site"]),
        name="javascript-catalog",
    ),
    path("accounts/", include("allauth.urls")),
    path("account/", include("accounts.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include("coaching.urls")),
    path("", include("privacy.urls")),
    path("", include("cohorts.urls")),
    path("", include("improvement.urls")),
    path("", include("norms.urls")),
    path("", include("assessments.urls")),
    path("", include("committees.urls")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", programs_views.SearchView.as_view(), name="search"),
    path("curriculum/", include("programs.urls")),
    path("journal/", include("journals.urls")),
    path("feedback/", include("feedback.urls")),
    path("partnerships/", include("partnerships.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler403 = "cohort_site.views.permission_denied"
handler404 = "cohort_site.views.page_not_found"
handler500 = "cohort_site.views.server_error"
