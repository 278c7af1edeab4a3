from django.conf import settings
from django.db import models
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class Therapist(index.Indexed, models.Model):
    """A licensed therapist who answers letters; the licence number is for editors only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="therapist",
        help_text="The login this therapist uses to draft answers.",
    )
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    credentials = models.CharField(
        max_length=60, help_text='Letters after the name, e.g. "MS, LMHC".'
    )
    licence_type = models.CharField(max_length=120)
    licence_region = models.CharField(max_length=120, help_text="State or country that issued it.")
    licence_number = models.CharField(
        max_length=60, help_text="Kept for verification; never shown on the site."
    )
    verified_on = models.DateField(null=True, blank=True, help_text="When an editor checked it.")
    city = models.CharField(max_length=120, blank=True)
    specialties = models.CharField(max_length=255, blank=True, help_text="Comma separated.")
    approach = models.TextField(blank=True)
    bio = models.TextField()
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("user"),
        FieldPanel("credentials"),
        MultiFieldPanel(
            [
                FieldPanel("licence_type"),
                FieldPanel("licence_region"),
                FieldPanel("licence_number"),
                FieldPanel("verified_on"),
            ],
            heading="Licence",
        ),
        FieldPanel("city"),
        FieldPanel("specialties"),
        FieldPanel("approach"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("specialties"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.credentials}"

    def get_absolute_url(self) -> str:
        return reverse("therapists:detail", kwargs={"slug": self.slug})

    @property
    def specialty_list(self) -> list[str]:
        return [item.strip() for item in self.specialties.split(",") if item.strip()]

    @property
    def is_verified(self) -> bool:
        return self.verified_on is not None
