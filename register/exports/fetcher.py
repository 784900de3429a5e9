"""The only files WeasyPrint may read while it builds a PDF: the project's static files.

Left to itself, WeasyPrint follows any URL a document names (http, https, ftp, file:, data:),
so a template mistake, or a value slipped into one, could make the server call the network
or read any file it can see and print it into an export. This fetcher serves files found
under the static directories and refuses everything else, data: URLs included: our
templates never need one.

Templates name their files with `{% static %}` ("/static/css/print.css"); with `BASE_URL`
as base that becomes "file:///static/css/print.css", which is looked up through Django's
static finders (then STATIC_ROOT, where collectstatic puts hashed names). A file: URL that
points straight into a static directory is served too.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from weasyprint.urls import URLFetcher, URLFetcherResponse, path2url


class RefusedURL(ValueError):
    """A document asked for something outside the project's static files."""


def static_roots():
    """Every directory static files are served from, symlinks resolved."""
    roots = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            roots.append(Path(storage.location))
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT))
    return [root.resolve() for root in roots]


def static_url_path():
    """The path part of STATIC_URL, e.g. "/static/"."""
    return "/" + urlsplit(settings.STATIC_URL).path.strip("/") + "/"


class StaticFilesFetcher(URLFetcher):
    """Give to `weasyprint.HTML(url_fetcher=...)`; refused URLs stop the rendering.

    Our templates only name files that exist, so a refused or missing file is a bug:
    better no PDF than one that silently lacks its styles.
    """

    def __init__(self):
        super().__init__(fail_on_errors=True, allow_redirects=False)
        self.roots = static_roots()

    def fetch(self, url, headers=None):
        path = self.resolve(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path2url(path), path.read_bytes(), headers={"Content-Type": content_type})

    def resolve(self, url):
        """The static file `url` names, or RefusedURL."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"Only the project's static files may be read, not {url!r}.")
        path = url2pathname(unquote(parts.path))
        candidate = self.inside_roots(Path(path))
        if candidate is None and path.startswith(static_url_path()):
            candidate = self.find_static(path.removeprefix(static_url_path()))
        if candidate is None:
            raise RefusedURL(f"{url!r} is not one of the project's static files.")
        return candidate

    def find_static(self, relative):
        if not relative or ".." in Path(relative).parts:
            return None
        try:
            found = finders.find(relative)
        except SuspiciousFileOperation:
            return None
        if found is None and settings.STATIC_ROOT:
            found = Path(settings.STATIC_ROOT) / relative
        return self.inside_roots(Path(found)) if found else None

    def inside_roots(self, path):
        """`path` resolved (symlinks, ..) if it is a file inside a static root."""
        resolved = path.resolve()
        if resolved.is_file() and any(resolved.is_relative_to(root) for root in self.roots):
            return resolved
        return None


BASE_URL = "file:///"
