"""Creating and editing a fiche: one page with every table of the CNIL fiche as rows.

Invalid input is answered 400 with everything the user typed; a save over someone else's
is answered 409 with what they changed (see register/editing.py and register/history/conflicts.py).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import access, creation
from ..editing import FicheRefused, StaleFiche, save_fiche
from ..forms import FicheForm
from ..forms.rebase import rebase
from ..history.conflicts import baseline, changes_since
from ..history.fiches import FICHES
from ..models import CALL_RECORDING_WORDS, DataCategory, Treatment


@login_required
def treatment_create(request):
    access.require(access.can_create_fiche(request.user))
    page = FichePage(request, Treatment())
    if request.method != "POST":
        page.creation_token = creation.new_token()
        return page.render(FicheForm(instance=page.treatment))
    page.creation_token = creation.token_of(request.POST) or creation.new_token()
    with creation.one_at_a_time(request):  # a double click's second POST waits for the first
        already = creation.fiche_created_by(request.session, request.POST)
        if already is None:
            return page.save(FicheForm(request.POST, instance=page.treatment))
    messages.info(
        request,
        _(
            "Ce formulaire a déjà créé la fiche %(reference)s (il a été envoyé une seconde fois) : "
            "aucune autre fiche n'a été créée."
        )
        % {"reference": already.reference},
    )
    return redirect(already)


@login_required
def treatment_edit(request, reference):
    treatment = access.get_treatment_for_user(request, reference, access.can_edit_register)
    page = FichePage(request, treatment)
    if request.method != "POST":
        return page.render(FicheForm(instance=treatment))
    fiche = FicheForm(request.POST, instance=treatment)
    loaded_version = fiche.loaded_version
    if loaded_version is not None and loaded_version != treatment.version:
        return page.conflict(loaded_version)
    if fiche.is_valid() and not fiche.has_changed():
        messages.info(request, _("Aucune modification : la fiche est inchangée."))
        return redirect(treatment)
    return page.save(fiche)


class FichePage:
    """The form page of one fiche; remembers its address before the form alters the instance."""

    template = "register/treatment_form.html"

    def __init__(self, request, treatment):
        self.request = request
        self.treatment = treatment
        self.is_new = treatment.pk is None
        self.creation_token = ""  # the create form's one-time token (see register/creation.py)
        if self.is_new:
            self.action_url = reverse("register:create")
            self.cancel_url = reverse("register:list")
            self.heading = _("Nouvelle fiche de traitement")
        else:
            self.action_url = reverse("register:edit", args=[treatment.reference])
            self.cancel_url = treatment.get_absolute_url()
            self.heading = _("Modifier la fiche %(reference)s — %(name)s") % {
                "reference": treatment.reference,
                "name": treatment.name,
            }

    def save(self, fiche):
        if not fiche.is_valid():
            return self.render(fiche, status=400)
        try:
            treatment = save_fiche(fiche)
        except FicheRefused:
            return self.render(fiche, status=400)
        except StaleFiche as stale:
            self.treatment = Treatment.objects.get(pk=self.treatment.pk)
            return self.conflict(stale.loaded_version)
        if self.is_new:
            creation.remember(self.request.session, self.request.POST, treatment)
            messages.success(
                self.request,
                _("Fiche %(reference)s créée en brouillon. Mettez-la en vigueur quand elle est complète.")
                % {"reference": treatment.reference},
            )
        else:
            messages.success(self.request, _("Fiche %(reference)s enregistrée.") % {"reference": treatment.reference})
        return redirect(treatment)

    def conflict(self, loaded_version):
        """Refuse the save and show what others changed, with the user's edit replayed onto
        the current fiche; saving that page then goes over the current version."""
        current = self.treatment
        base = baseline(FICHES, current, loaded_version)
        data, both_changed = rebase(self.request.POST, current, base)
        fiche = FicheForm(data, instance=current)
        return self.render(
            fiche,
            status=409,
            conflict=changes_since(FICHES, current, base),
            both_changed=[fiche.main[name].label for name in fiche.main.fields if name in both_changed],
            both_changed_fields=both_changed,
        )

    def render(self, fiche, *, status=200, conflict=None, **extra):
        context = {
            "fiche": fiche,
            "form": fiche.main,
            "treatment": self.treatment,
            "is_new": self.is_new,
            "creation_token": self.creation_token,
            "heading": self.heading,
            "action_url": self.action_url,
            "cancel_url": self.cancel_url,
            "conflict": conflict,
            "sensitive_category_ids": list(DataCategory.objects.filter(is_sensitive=True).values_list("pk", flat=True)),
            "call_recording_pattern": CALL_RECORDING_WORDS.pattern,
            **extra,
        }
        return render(self.request, self.template, context, status=status)
