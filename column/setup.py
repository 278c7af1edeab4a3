"""The site's fixed structure and roles, created idempotently on every deploy.

The page tree gives the public URLs in DESIGN.md: `/answers/<slug>/`, `/topics/<slug>/`,
`/help-now/`, `/terms/` and `/privacy/`. Roles and the review workflow let therapists draft
and submit answers while only editors publish.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from column.help_resources import DEFAULT_HELP_INTRO, DEFAULT_RESOURCES
from column.models import (
    AnswerIndexPage,
    HelpNowPage,
    HomePage,
    StandardPage,
    TherapistSignOffTask,
    TopicIndexPage,
)
from column.policies import PRIVACY_BODY, TERMS_BODY

EDITORS = "Column editors"
THERAPISTS = "Therapists"
MODERATORS = "Comment moderators"
REVIEW_WORKFLOW = "Editorial review"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# "add" without "change": therapists edit only the answers they own (their drafts).
THERAPIST_PAGE_PERMISSIONS = ["add_page"]
WATCHED_WORD_PERMISSIONS = [
    f"safety.{action}_watchedword" for action in ("add", "change", "delete", "view")
]
EDITOR_MODEL_PERMISSIONS = [
    "therapists.add_therapist",
    "therapists.change_therapist",
    "therapists.view_therapist",
    "discussion.change_comment",
    "discussion.view_comment",
    "letters.triage_letter",
    "privacy.handle_data_request",
    *WATCHED_WORD_PERMISSIONS,
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
]
THERAPIST_MODEL_PERMISSIONS = ["wagtailimages.choose_image"]
MODERATOR_MODEL_PERMISSIONS = [
    "discussion.change_comment",
    "discussion.view_comment",
    *WATCHED_WORD_PERMISSIONS,
]


def _child(parent: Page, model, slug: str, **fields) -> Page:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home_page() -> HomePage:
    """Make a HomePage the default site's root, replacing Wagtail's welcome page."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        welcome = root.get_children().filter(slug="home").first()
        if welcome is not None and not isinstance(welcome.specific, HomePage):
            welcome.slug = "welcome-replaced"
            welcome.save(update_fields=["slug"])
        home = HomePage(
            title="Dearly",
            slug="home",
            intro=(
                "Readers write in about love, family, work and grief. Licensed therapists "
                "answer, and an editor publishes the answer for everyone who needs it."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        if welcome is not None and welcome.pk != home.pk:
            Site.objects.filter(root_page=welcome).update(root_page=home)
            welcome.delete()
    ensure_default_site(home)
    return home


def ensure_default_site(home: HomePage) -> Site:
    """The default site answers at BASE_URL, so feeds and sitemaps carry full, right links."""
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = base.port or (443 if base.scheme == "https" else 80)
    site, _ = Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": base.hostname,
            "port": port,
            "root_page": home,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    return site


def ensure_pages(home: HomePage) -> None:
    _child(home, AnswerIndexPage, "answers", title="Archive", intro="Every answer, newest first.")
    _child(home, TopicIndexPage, "topics", title="Topics")
    _child(
        home,
        HelpNowPage,
        "help-now",
        title="Find help now",
        intro=DEFAULT_HELP_INTRO,
        resources=[("resource", resource) for resource in DEFAULT_RESOURCES],
    )
    _child(home, StandardPage, "terms", title="Terms of participation", body=TERMS_BODY)
    _child(home, StandardPage, "privacy", title="Privacy policy", body=PRIVACY_BODY)


def _model_permissions(names: list[str]) -> list[Permission]:
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions.append(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return permissions


def _group(name: str, model_permissions: list[str]) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(admin_access, *_model_permissions(model_permissions))
    return group


def _grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def ensure_roles(home: HomePage) -> dict[str, Group]:
    editors = _group(EDITORS, EDITOR_MODEL_PERMISSIONS)
    therapists = _group(THERAPISTS, THERAPIST_MODEL_PERMISSIONS)
    moderators = _group(MODERATORS, MODERATOR_MODEL_PERMISSIONS)
    _grant_pages(editors, home, EDITOR_PAGE_PERMISSIONS)
    archive = AnswerIndexPage.objects.child_of(home).get()
    _grant_pages(therapists, archive, THERAPIST_PAGE_PERMISSIONS)
    return {EDITORS: editors, THERAPISTS: therapists, MODERATORS: moderators}


def ensure_review_workflow(home: HomePage, editors: Group) -> Workflow:
    """Submitted answers need their therapist's sign-off, then an editor's approval to publish."""
    sign_off, _ = TherapistSignOffTask.objects.get_or_create(name="Therapist sign-off")
    approval, _ = GroupApprovalTask.objects.get_or_create(name="Editor approval")
    approval.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    for order, task in enumerate([sign_off, approval]):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_site() -> HomePage:
    home = ensure_home_page()
    ensure_pages(home)
    groups = ensure_roles(home)
    ensure_review_workflow(home, groups[EDITORS])
    return home
