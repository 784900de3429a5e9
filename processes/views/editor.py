"""The one page that edits a process and its actors, events, operations and rules.

Invalid input is answered 400 with everything the user typed; a save over someone else's
is answered 409, nothing written, with the user's input kept on the page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import access
from ..editing import StaleProcess, save_process
from ..models import Process
from ..process_forms import ProcessEditor

TEMPLATE = "processes/process_form.html"


@login_required
def process_edit(request, pk):
    process = access.get_process_for_user(request, pk, access.can_edit_processes)
    if request.method != "POST":
        return _render(request, process, ProcessEditor(instance=process))
    editor = ProcessEditor(request.POST, instance=process)
    if editor.loaded_version != process.version:
        return _conflict(request, process, editor)
    if not editor.is_valid():
        return _render(request, process, editor, status=400)
    if not editor.has_changed():
        messages.info(request, _("Aucune modification : le processus est inchangé."))
        return redirect(process)
    try:
        process = save_process(editor)
    except StaleProcess:
        return _conflict(request, Process.objects.get(pk=pk), editor)
    messages.success(request, _("Processus « %(name)s » enregistré.") % {"name": process.name})
    if "continuer" in request.POST:
        return redirect("processes:edit", pk=process.pk)
    return redirect(process)


def _conflict(request, process, editor):
    return _render(
        request,
        process,
        editor,
        status=409,
        conflict=_(
            "Quelqu'un a enregistré ce processus pendant que vous le modifiiez : rien n'a été enregistré. "
            "Ouvrez de nouveau la page pour repartir de la version actuelle, puis refaites vos modifications."
        ),
    )


def _render(request, process, editor, *, status=200, conflict=""):
    context = {
        "process": process,
        "editor": editor,
        "form": editor.main,
        "conflict": conflict,
        "action_url": reverse("processes:edit", args=[process.pk]),
    }
    return render(request, TEMPLATE, context, status=status)
