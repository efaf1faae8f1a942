import time

from django.core.management.base import BaseCommand

from news.intake.sample_site import start_server


class Command(BaseCommand):
    help = "Serve two made-up member websites on 127.0.0.1 to try the news intake on."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8125)

    def handle(self, *args, port, **options):
        server = start_server(port, verbose=True)
        base = server.base_url
        self.stdout.write(
            f"Sample member sites on {base}/ (Ctrl+C stops them). Sources to add:\n"
            f"  RSS feed:      {base}/zcbs/rss.xml\n"
            f"  Listing page:  {base}/zcbs/news/\n"
            f"  Atom feed:     {base}/adm/atom.xml (windows-1251)\n"
            f"  One article:   {base}/adm/news/konkurs-chtecov.html"
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            server.shutdown()
