"""The MOT diagram of a process as files: SVG as drawn, PNG rasterised with resvg
(a self-contained renderer: no system library) and the fonts the app ships, so the PNG
is the same on every machine. Builders return (filename, mimetype, bytes)."""

from pathlib import Path

import resvg_py
from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from register.models import Organisation

from .diagram import render_svg
from .diagram_source import diagram_source

FONT_DIR = Path(settings.BASE_DIR) / "static" / "vendor" / "source-sans-3.052"
SVG_MIMETYPE = "image/svg+xml"
PNG_MIMETYPE = "image/png"


def diagram_filename(process, extension):
    """processus-<organisation>-<process>-diagramme-<day>.<ext>: the register's file-name rule
    (register/exports/filenames.py) with the process for scope."""
    organisation = Organisation.objects.own()
    parts = [
        "processus",
        slugify(organisation.name) if organisation else "",
        slugify(process.name)[:60],
        "diagramme",
        timezone.localdate().isoformat(),
    ]
    return "-".join(part for part in parts if part) + f".{extension}"


def diagram_svg(process):
    return diagram_filename(process, "svg"), SVG_MIMETYPE, render_svg(diagram_source(process)).encode()


def diagram_png(process):
    svg = render_svg(diagram_source(process))
    png = resvg_py.svg_to_bytes(
        svg_string=svg, skip_system_fonts=True, font_dirs=[str(FONT_DIR)], zoom=2, background="#ffffff"
    )
    return diagram_filename(process, "png"), PNG_MIMETYPE, bytes(png)
