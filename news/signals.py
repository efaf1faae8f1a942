from wagtail.signals import page_published


def generate_news_renditions(sender, instance, **kwargs):
    """Resize an article's images at publication, not while a visitor waits for the page."""
    instance.generate_renditions()


def connect():
    from news.models import NewsPage

    page_published.connect(generate_news_renditions, sender=NewsPage)
