from django import forms
from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Task, TaskState
from wagtail.search import index

from column.blocks import AnswerBodyBlock, ResourceBlock
from dearly.pagination import paginate


def published_answers():
    """Answers a reader may see, newest first, with what listings show fetched up front."""
    return (
        AnswerPage.objects.live()
        .public()
        .select_related("therapist")
        .order_by("-first_published_at", "-pk")
    )


class HomePage(Page):
    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "column.AnswerIndexPage",
        "column.TopicIndexPage",
        "column.HelpNowPage",
        "column.StandardPage",
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["answers"] = published_answers()[:10]
        context["topics"] = TopicPage.objects.live().public().order_by("title")
        return context


class AnswerIndexPage(Page):
    """The archive: every published answer, newest first."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["column.HomePage"]
    subpage_types = ["column.AnswerPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["answers"] = paginate(request, published_answers(), settings.ANSWERS_PER_PAGE)
        return context


class AnswerPage(Page):
    """A published letter and the therapist's answer, in the shape of a newspaper column."""

    pen_name = models.CharField(
        max_length=60, help_text='How the letter is signed, e.g. "Unforgiven".'
    )
    letter = models.TextField(
        help_text="The letter as it will be published, anonymised. Blank lines split paragraphs."
    )
    body = StreamField(AnswerBodyBlock(), help_text='The answer. "Dear <pen name>," is added.')
    therapist = models.ForeignKey(
        "therapists.Therapist", on_delete=models.PROTECT, related_name="answers"
    )
    topics = ParentalManyToManyField("column.TopicPage", blank=True, related_name="answers")
    summary = models.CharField(
        max_length=300, blank=True, help_text="One line for listings, feeds and search results."
    )
    comments_open_days = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Days after publication that comments stay open; empty uses the site setting, "
        "0 closes them.",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("pen_name"), FieldPanel("letter")], heading="The letter"),
        FieldPanel("body"),
        FieldPanel("therapist"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("comments_open_days")]
    parent_page_types = ["column.AnswerIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("letter"),
        index.SearchField("body"),
        index.SearchField("summary"),
        index.FilterField("therapist"),
    ]

    @cached_property
    def topic_list(self) -> list["TopicPage"]:
        # filter(), not live(): previews hand us an unsaved, in-memory relation.
        return list(self.topics.filter(live=True).order_by("title"))

    @property
    def teaser(self) -> str:
        return self.summary or self.letter.split("\n")[0]


class TopicIndexPage(Page):
    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["column.HomePage"]
    subpage_types = ["column.TopicPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = TopicPage.objects.child_of(self).live().public().order_by("title")
        return context


class TopicPage(Page):
    description = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("description")]
    parent_page_types = ["column.TopicIndexPage"]
    subpage_types: list[str] = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        answers = published_answers().filter(topics=self)
        context["answers"] = paginate(request, answers, settings.ANSWERS_PER_PAGE)
        return context


class HelpNowPage(Page):
    """Crisis resources; linked from every page and shown first to writers in danger."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    resources = StreamField([("resource", ResourceBlock())], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("resources")]
    max_count = 1
    parent_page_types = ["column.HomePage"]
    subpage_types: list[str] = []


class StandardPage(Page):
    """Plain editorial pages: terms, privacy policy, about."""

    body = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["column.HomePage"]
    subpage_types: list[str] = []
    search_fields = [*Page.search_fields, index.SearchField("body")]


class TherapistSignOffTask(Task):
    """Only the therapist named on the answer may sign it off, before editors review it."""

    def _is_answers_therapist(self, obj, user) -> bool:
        # Wagtail may hand over the base Page; the therapist lives on the specific page.
        therapist = getattr(getattr(obj, "specific", obj), "therapist", None)
        return bool(therapist and therapist.user_id and therapist.user_id == user.pk)

    def user_can_access_editor(self, obj, user):
        return self._is_answers_therapist(obj, user)

    def locked_for_user(self, obj, user):
        return not self._is_answers_therapist(obj, user)

    def get_actions(self, obj, user):
        if self._is_answers_therapist(obj, user):
            return [
                ("reject", "Request changes", True),
                ("approve", "Sign off", False),
                ("approve", "Sign off with comment", True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        mine = AnswerPage.objects.filter(therapist__user=user).values_list("pk", flat=True)
        return self.task_states.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__object_id__in=[str(pk) for pk in mine],
        )

    @classmethod
    def get_description(cls):
        return "The therapist named on the answer signs it off"

    class Meta:
        verbose_name = "Therapist sign-off"
