from wagtail import hooks

from programs.access import serve_resolution_file

hooks.register("before_serve_document", serve_resolution_file)
