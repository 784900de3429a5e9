"""Export builders: each takes a RegisterScope and returns (filename, mimetype, bytes).

The same builder serves the download views, the `export_register` command and the tests.
"""

from importlib import import_module

FORMATS = {
    "pdf": "register.exports.pdf.build_register_pdf",
    "ods": "register.exports.ods.build_register_ods",
}


def build(export_format, scope, *, generated_by=""):
    """Run the builder of `export_format` ("pdf" or "ods") on the fiches of `scope`."""
    module_name, function_name = FORMATS[export_format].rsplit(".", 1)
    builder = getattr(import_module(module_name), function_name)
    return builder(scope, generated_by=generated_by)
