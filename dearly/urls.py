from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap as PageSitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from column.feeds import LatestAnswersFeed
from column.views import search
from dearly.views import healthz
from privacy.consent_views import cookie_settings
from therapists.sitemaps import TherapistSitemap

handler500 = "dearly.unavailable.server_error"

SITEMAPS = {"pages": PageSitemap, "therapists": TherapistSitemap}

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("feed/", LatestAnswersFeed(), name="feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("search/", search, name="search"),
    path("ask/", include("letters.urls")),
    path("comments/", include("discussion.urls")),
    path("cookies/", cookie_settings, name="cookie_settings"),
    path("privacy/my-data/", include("privacy.urls")),
    path("therapists/", include("therapists.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
