from django.contrib.sitemaps import Sitemap

from therapists.models import Therapist


class TherapistSitemap(Sitemap):
    def items(self):
        return Therapist.objects.order_by("slug")
