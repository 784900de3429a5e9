"""The MOT diagram of a process, as SVG (shown in the page through an <img>, so its inline
<style> is not subject to the page's CSP) and as PNG; ?telecharger=1 asks for a download."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from .. import access
from ..diagram_files import diagram_png, diagram_svg


def _file_response(request, built):
    filename, mimetype, content = built
    response = HttpResponse(content, content_type=mimetype)
    disposition = "attachment" if request.GET.get("telecharger") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def diagram_svg_view(request, pk):
    process = access.get_process_for_user(request, pk)
    return _file_response(request, diagram_svg(process))


@login_required
def diagram_png_view(request, pk):
    process = access.get_process_for_user(request, pk)
    return _file_response(request, diagram_png(process))
