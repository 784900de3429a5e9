"""Export builders: each takes a RegisterScope and returns (filename, mimetype, bytes).

The same builder serves the download views, the `export_register` command and the tests.
Building blocks for other apps' documents: `documents.render_pdf` (a template as PDF, with
the safe fetcher and the vendored font) and `odf_writer.build_spreadsheet` (sheets as ODS).
"""

from .ods import build_register_ods
from .pdf import build_register_pdf

BUILDERS = {
    "pdf": build_register_pdf,
    "ods": build_register_ods,
}
FORMATS = tuple(BUILDERS)


def build(export_format, scope, *, generated_by="", progress=None):
    """Run the builder of `export_format` ("pdf" or "ods") on the fiches of `scope`.

    `progress(done, total)`, when given, is called as fiches are done (at least at the start
    and at the end): a background job shows it as its progress bar.
    """
    return BUILDERS[export_format](scope, generated_by=generated_by, progress=progress)
