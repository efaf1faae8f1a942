"""How editors create pages: «Добавить новость» and its kin on the dashboard and in the menu,
the add form without autosave, and the return to the list with the new item marked.

Each app names its quick actions with the `register_quick_add` hook (a `QuickAdd`); home
knows none of their models.
"""

from dataclasses import dataclass

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.create import CreateView
from wagtail.models import Locale, Page

HIGHLIGHT = "highlight"


@dataclass(frozen=True)
class QuickAdd:
    """One «Добавить …» action: the page type it creates, and the list the editor returns to
    after submitting (a URL name; the parent's explorer listing if None)."""

    name: str
    label: str
    page_model: type
    order: int = 100
    list_url_name: str | None = None

    def parents(self, user):
        """The sections of the default language where the user may add this type, in tree
        order: one news index, one programme index, each club."""
        parent_models = [
            model for model in self.page_model.allowed_parent_page_models() if model is not Page
        ]
        candidates = (
            Page.objects.type(*parent_models)
            .filter(locale=Locale.get_default(), depth__gt=1)
            .exclude(alias_of__isnull=False)
            .specific()
            .order_by("path")
        )
        return [
            parent
            for parent in candidates
            if self.page_model.can_create_at(parent)
            and parent.permissions_for_user(user).can_add_subpage()
        ]

    def add_url(self, parent):
        meta = self.page_model._meta
        return reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.pk))

    def links(self, user):
        """(label, url) for each section; a type with several sections names each."""
        parents = self.parents(user)
        if len(parents) == 1:
            return [(self.label, self.add_url(parents[0]))]
        return [(f"{self.label}: {parent.title}", self.add_url(parent)) for parent in parents]


def quick_adds():
    actions = [action for hook in hooks.get_hooks("register_quick_add") for action in hook()]
    return sorted(actions, key=lambda action: action.order)


def quick_add_for(page):
    return next((a for a in quick_adds() if isinstance(page, a.page_model)), None)


class QuickAddPanel(Component):
    """The dashboard's first panel: the «Добавить …» actions and the editors' guide."""

    name = "quick_add"
    order = 50
    template_name = "home/admin/quick_add_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        links = [link for action in quick_adds() for link in action.links(self.request.user)]
        return {"links": links, "guide_url": reverse("editors_guide")}


def quick_add_view(request, name):
    """The menu's «Добавить …» items: straight to the add form when there is one section,
    otherwise a short list of sections."""
    action = next((a for a in quick_adds() if a.name == name), None)
    if action is None:
        return redirect("wagtailadmin_home")
    links = action.links(request.user)
    if len(links) == 1:
        return redirect(links[0][1])
    return TemplateResponse(
        request, "home/admin/quick_add_choose.html", {"action": action, "links": links}
    )


class QuickAddMenuItem(MenuItem):
    def __init__(self, action):
        super().__init__(
            action.label,
            reverse("quick_add", args=(action.name,)),
            name=f"quick-add-{action.name}",
            icon_name="plus",
            order=action.order,
        )
        self.action = action

    def is_shown(self, request):
        return bool(self.action.parents(request.user))


def quick_add_menu():
    items = [QuickAddMenuItem(action) for action in quick_adds()]
    return SubmenuMenuItem(_("Add"), Menu(items=items), name="quick-add", icon_name="plus", order=1)


def return_to_the_list(request, page):
    """After «Отправить на проверку» or «Опубликовать» on a new page of a quick-add type: the
    list it belongs to, with `?highlight=<id>` marking the new row. Saving a draft stays in the
    form."""
    if not (request.POST.get("action-submit") or request.POST.get("action-publish")):
        return None
    if get_valid_next_url_from_request(request):
        return None
    action = quick_add_for(page)
    if action is None:
        return None  # other page types return to the explorer as Wagtail has it
    if action.list_url_name:
        url = reverse(action.list_url_name)
    else:
        url = reverse("wagtailadmin_explore", args=(page.get_parent().pk,))
    return redirect(f"{url}?{HIGHLIGHT}={page.pk}")


class CreateWithoutAutosaveView(CreateView):
    """Wagtail's add form without autosave. Autosaving a new page creates it behind the
    editor's back and swaps the form for the edit form; a submit sent while that first save is
    on its way creates a second page, and a refused autosave (a required field still empty)
    answered 400 with nothing on screen. The edit form keeps autosave: there the page exists."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        return context


def submit_first(menu_items, request, context):
    """For editors, who cannot publish, «Отправить на проверку» is the footer's main button;
    «Сохранить черновик» moves into its menu."""
    names = [item.name for item in menu_items]
    if "action-publish" in names or "action-submit" not in names:
        return
    submit = menu_items.pop(names.index("action-submit"))
    menu_items.insert(0, submit)
