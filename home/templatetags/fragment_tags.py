from django import template
from django.utils.safestring import mark_safe

from home import fragments as fragments_module

register = template.Library()


class SharedFragmentNode(template.Node):
    def __init__(self, name, last, nodelist):
        self.name = name
        self.last = last
        self.nodelist = nodelist

    def render(self, context):
        fragments = context.get("shared_fragments")
        request = context.get("request")
        if fragments is None or request is None:
            return self.nodelist.render(context)
        if fragments.hit:
            html = fragments.get(context, self.name)
            if html is not None:
                return html
        if not fragments.storing:
            return self.nodelist.render(context)
        return fragments.render(
            request, self.name, lambda: self.nodelist.render(context), self.last
        )


@register.tag
def shared_fragment(parser, token):
    """`{% shared_fragment "name" [last] %}…{% endshared_fragment %}`: see home.fragments."""
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and bits[2] != "last"):
        raise template.TemplateSyntaxError('Usage: {% shared_fragment "name" [last] %}')
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(bits[1].strip("\"'"), len(bits) == 3, nodelist)


@register.simple_tag(takes_context=True)
def live_part(context, path):
    """A part of the page rendered afresh on every request by the function `path(context)`,
    even inside a shared fragment."""
    fragments = context.get("shared_fragments")
    return mark_safe(  # noqa: S308 - the function returns rendered template output
        fragments_module.live_part(context, path, mark=fragments is not None and fragments.storing)
    )


@register.simple_tag(takes_context=True)
def editors_userbar(context):
    """Wagtail's userbar for editors, moderators and superusers; for everyone else nothing,
    without Wagtail's two permission queries on every page a member reads."""
    from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

    request = context.get("request")
    if request is None or fragments_module.request_audience(request) != "editorial":
        return ""
    return wagtailuserbar(context)
