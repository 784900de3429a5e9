"""Laying out the parts of the register's PDF: cached per part, in parallel when many miss.

A part's PDF depends on its HTML and on how it is laid out (the stylesheets, the vendored
font, WeasyPrint's version). Its cache key is a digest of all of these, so whatever
changes how a fiche looks — its version, the language, an organisation's or a catalog
label's wording, a finding, another app's section — changes the key: there is no list of
dependencies to keep up to date. The cache is `settings.PDF_PARTS_CACHE` (a file cache in
the private media folder): entries expire, the file cache culls itself past its size, and
a part laid out anew drops the entry it replaces.

Parts that miss are laid out by a pool of `settings.PDF_RENDER_PROCESSES` processes
(default: the machine's cores). They are forked: a child gets only an HTML string and
sends back bytes, it never runs a query; the database connections it inherits are
dropped, not closed (closing would end the parent's session), and it leaves through
os._exit as multiprocessing's children do.
"""

import hashlib
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import cache
from multiprocessing import current_process, get_context

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.db import connections
from django.utils import translation

from .documents import DOCUMENT_STYLESHEETS, lay_out, write_document

PART_STYLESHEETS = ("css/print.css", "css/print-parts.css", "css/print-stamp.css")
CACHE_TIMEOUT = 30 * 24 * 3600
CACHE_FORMAT = "1"  # what an entry holds (RenderedPart's fields): raise it when they change


@dataclass(frozen=True)
class Part:
    name: str  # "front", "fiche-12", "stamp": what it is, for the cache's housekeeping
    html: str
    elsewhere: tuple = ()  # anchors this part links to that another part holds


@dataclass(frozen=True)
class RenderedPart:
    pdf: bytes
    pages: int
    landscape: list = field(default_factory=list)  # one flag per page
    borrowed_anchors: tuple = ()  # anchors pointing at page 1 only to keep links to `elsewhere`


def render_parts(parts, *, progress=None):
    """The RenderedPart of each of `parts`, in order; `progress(done, total)` after each."""
    store = caches[settings.PDF_PARTS_CACHE]
    keys = [cache_key(part) for part in parts]
    found = store.get_many(keys)
    rendered = {key: RenderedPart(**found[key]) for key in keys if key in found}
    missing = [(key, part) for key, part in zip(keys, parts, strict=True) if key not in rendered]
    done = len(rendered)
    report(progress, done, len(parts))
    for key, part, result in lay_out_all(missing):
        rendered[key] = result
        store.set(key, vars(result), CACHE_TIMEOUT)
        forget_replaced(store, part, key)
        done += 1
        report(progress, done, len(parts))
    return [rendered[key] for key in keys]


def lay_out_all(missing):
    """(key, part, RenderedPart) for each of `missing`, in the order they are done."""
    if not missing:
        return
    # A daemonic process may not start children (multiprocessing refuses with an AssertionError):
    # in a Celery prefork worker the parts are laid out one after the other, in the job itself.
    if settings.PDF_RENDER_PROCESSES <= 1 or current_process().daemon:
        for key, part in missing:
            yield key, part, render_part(part.html, part.elsewhere)
        return
    # Even one part goes to a worker: the front or the stamps of a large register take
    # hundreds of MiB to lay out, which a worker hands back to the system when it ends.
    processes = min(settings.PDF_RENDER_PROCESSES, len(missing))
    with ProcessPoolExecutor(processes, mp_context=get_context("fork"), initializer=forget_connections) as pool:
        futures = {pool.submit(render_part, part.html, part.elsewhere): (key, part) for key, part in missing}
        for future in as_completed(futures):
            key, part = futures[future]
            yield key, part, future.result()


def render_part(html, elsewhere=()):
    """Lay out one part (in a worker). Links to anchors `elsewhere` are kept: WeasyPrint drops
    a link whose anchor it does not see, so such anchors are lent to the part's first page
    and the assembly points them at the part that really holds them."""
    document = lay_out(html)
    present = {name for page in document.pages for name in page.anchors}
    linked = {target for page in document.pages for kind, target, _rect, _box in page.links if kind == "internal"}
    borrowed = tuple(sorted((linked - present) & set(elsewhere)))
    for name in borrowed:
        document.pages[0].anchors[name] = (0, 0, 0, 0)
    landscape = [page.width > page.height for page in document.pages]
    return RenderedPart(write_document(document), len(document.pages), landscape, borrowed)


def forget_connections():
    """In a forked worker: let go of the parent's database connections without closing them."""
    for connection in connections.all(initialized_only=True):
        connection.connection = None


def cache_key(part):
    digest = hashlib.sha256()
    for piece in (layout_signature(), part.html, "\0".join(part.elsewhere)):
        digest.update(piece.encode())
        digest.update(b"\0")
    return f"pdf-part:{part.name}:{translation.get_language()}:{digest.hexdigest()}"


def forget_replaced(store, part, key):
    """Drop the entry this part had before (another version, the same language)."""
    latest = f"pdf-part-latest:{part.name}:{translation.get_language()}"
    previous = store.get(latest)
    if previous and previous != key:
        store.delete(previous)
    store.set(latest, key, CACHE_TIMEOUT)


@cache
def layout_signature():
    """What lays a part out besides its HTML: WeasyPrint's version and the stylesheets' text."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}:{weasyprint.__version__}".encode())
    for path in (*DOCUMENT_STYLESHEETS, *PART_STYLESHEETS):
        with open(finders.find(path), "rb") as stylesheet:
            digest.update(stylesheet.read())
    return digest.hexdigest()


def remembered(key):
    return caches[settings.PDF_PARTS_CACHE].get(f"pdf-fact:{key}:{translation.get_language()}")


def remember(key, value):
    caches[settings.PDF_PARTS_CACHE].set(f"pdf-fact:{key}:{translation.get_language()}", value, CACHE_TIMEOUT)


def report(progress, done, total):
    if progress is not None:
        progress(done, total)
