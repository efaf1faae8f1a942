"""Admin panels with Russian that reads right."""

from wagtail.admin.panels import InlinePanel


class AddInlinePanel(InlinePanel):
    """An InlinePanel whose button names what it adds in the accusative («Добавить автора»):
    Wagtail's own button puts the label as is after «Добавить» («Добавить Автор»)."""

    def __init__(self, relation_name, add_label="", **kwargs):
        self.add_label = add_label
        super().__init__(relation_name, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "add_label": self.add_label}

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "home/panels/inline_panel.html"
