from django import forms
from django.utils.translation import gettext_lazy as _

from ..choices import LegalBasis, TreatmentRole
from ..models import Organisation
from .plan import ImportDefaults

NO_DEFAULT = [("", _("— aucune : signaler les fiches qui n'en ont pas —"))]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Registre au format ODS"),
        help_text=_(
            "Un export ODS de l'application, ou le modèle de registre de la CNIL rempli (10 Mo au plus). "
            "Rien n'est enregistré avant votre confirmation."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".ods,application/vnd.oasis.opendocument.spreadsheet"}),
    )
    default_role = forms.ChoiceField(
        label=_("Rôle de l'organisme pour les fiches qui ne l'indiquent pas"),
        help_text=_(
            "Le modèle de la CNIL est le registre d'un responsable de traitement : sans autre choix, c'est le rôle "
            "retenu, signalé dans l'aperçu."
        ),
        choices=[("", _("— celui du modèle de la CNIL : responsable de traitement —"))] + list(TreatmentRole.choices),
        required=False,
    )
    default_legal_basis = forms.ChoiceField(
        label=_("Base légale pour les fiches qui ne l'indiquent pas"),
        help_text=_(
            "Le modèle de la CNIL n'a pas de ligne « base légale » : sans choix ici, les fiches qui n'en indiquent "
            "pas sont importées en brouillon, sans base légale, à compléter."
        ),
        choices=[("", _("— aucune : importer en brouillon, à compléter —"))] + list(LegalBasis.choices),
        required=False,
    )
    default_controller = forms.ModelChoiceField(
        label=_("Responsable de traitement pour les fiches qui ne le nomment pas"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=NO_DEFAULT[0][1],
    )

    def defaults(self):
        data = self.cleaned_data
        return ImportDefaults(
            role=data.get("default_role") or "",
            legal_basis=data.get("default_legal_basis") or "",
            controller=data.get("default_controller"),
        )

    @classmethod
    def showing(cls, defaults):
        """An unbound form showing the defaults of a pending import (to upload a corrected file)."""
        return cls(
            initial={
                "default_role": defaults.role,
                "default_legal_basis": defaults.legal_basis,
                "default_controller": defaults.controller,
            }
        )
