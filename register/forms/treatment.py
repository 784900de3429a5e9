"""The fiche's own fields: description, actors, purpose and legal basis."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..choices import LegalBasis, OrganisationKind
from ..models import Organisation, Treatment
from .fields import DayField

CONFIRM_SAME_NAME = "confirm_same_name"  # the box that confirms a new fiche named like another


class TreatmentForm(forms.ModelForm):
    # The version the user started from; a save from an older one is refused (see editing.py).
    loaded_version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": _("Le formulaire ne dit pas quelle version de la fiche vous modifiez : rechargez la page."),
            "invalid": _("Le formulaire ne dit pas quelle version de la fiche vous modifiez : rechargez la page."),
        },
    )
    # Declared here rather than built from the model field, whose callable default would add a
    # hidden "initial-" input; the model's validators still run (ModelForm calls full_clean).
    created_at = DayField(
        label=_("Date de création"),
        help_text=_("Pour une fiche reprise d'un registre plus ancien, sa date de création d'origine."),
    )
    next_review_date = DayField(
        label=_("Prochaine revue"),
        required=False,
        help_text=_("Fixée à un an par « Marquer comme revue » ; modifiable ici."),
    )

    class Meta:
        model = Treatment
        fields = [
            "name",
            "reference",
            "software",
            "role",
            "dpia_status",
            "created_at",
            "next_review_date",
            "controller",
            "joint_controllers",
            "processors",
            "main_purpose",
            "legal_basis",
            "legal_basis_detail",
            "consent_proof",
            "consumer_phone_prospection",
            "current_contract_exception",
            "recording_information",
            "recording_objection",
            "data_subjects_other",
            "notes",
        ]
        widgets = {
            "main_purpose": forms.Textarea(attrs={"rows": 3}),
            "legal_basis_detail": forms.Textarea(attrs={"rows": 2}),
            "consent_proof": forms.Textarea(attrs={"rows": 2}),
            "current_contract_exception": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "joint_controllers": forms.CheckboxSelectMultiple,
            "processors": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "name": _("Tel qu'il apparaîtra dans le registre, par exemple « Études de marché Osiris »."),
            "software": _("Le logiciel ou l'application qui porte le traitement (ComPlus, SIRH…)."),
            "role": _("Sous-traitant quand CentreCall agit pour le compte d'un client (art. 28, art. 30(2))."),
            "main_purpose": _("Pourquoi les données sont traitées (art. 5(1)(b), limitation des finalités)."),
            "joint_controllers": _("Organisations qui déterminent les finalités avec le responsable (art. 26)."),
            "processors": _("Organisations qui traitent les données pour le compte du responsable (art. 28)."),
            "data_subjects_other": _("Personnes concernées hors des catégories ci-dessus."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.same_name_fiches = []  # on a new fiche, the fiches that already bear its name
        self.fields["loaded_version"].initial = self.instance.version
        self.fields["controller"].empty_label = _("— choisir —")
        organisations = Organisation.objects.order_by("name")
        self.fields["controller"].queryset = organisations
        for name in ("joint_controllers", "processors"):
            # The register's own organisation acts through the fiche's role, never as another actor.
            self.fields[name].queryset = organisations.exclude(kind=OrganisationKind.SELF)
        self.fields["legal_basis"].empty_label = None
        self.fields["legal_basis"].choices = [("", _("— non renseignée —")), *LegalBasis.choices]
        if self.instance.pk is not None:
            self.fields["reference"].required = True
            self.fields["reference"].help_text = _("Unique dans le registre ; l'adresse de la fiche en dépend.")
        else:
            self.fields["reference"].help_text = _("Laissez vide pour la référence suivante (T-001, T-002…).")
            if not self.is_bound and self.initial.get("controller") is None:
                ourselves = Organisation.objects.own()
                self.initial["controller"] = ourselves.pk if ourselves else None

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        if "/" in reference:
            # The fiche's address is /registre/<référence>/: it must stay one path segment.
            raise forms.ValidationError(
                _("« %(reference)s » ne peut pas servir de référence : elle doit tenir dans l'adresse de la fiche."),
                params={"reference": reference},
            )
        if reference and Treatment.objects.filter(reference=reference).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(self.duplicate_reference_message(reference))
        return reference

    @staticmethod
    def duplicate_reference_message(reference):
        other = Treatment.objects.filter(reference=reference).values_list("name", flat=True).first()
        return _("La référence « %(reference)s » est déjà celle de la fiche « %(name)s ».") % {
            "reference": reference,
            "name": other or "?",
        }

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and cleaned.get("name"):
            self._check_same_name(cleaned["name"])
        errors = Treatment.actor_errors(
            cleaned.get("controller"), cleaned.get("joint_controllers") or [], cleaned.get("processors") or []
        )
        for name, messages in errors.items():
            for message in messages:
                self.add_error(name, message)
        return cleaned

    @property
    def same_name_confirmed(self):
        return bool(self.data.get(self.add_prefix(CONFIRM_SAME_NAME)))

    def _check_same_name(self, name):
        """A second fiche of the same name is most often a mistake (a form sent twice, a fiche
        that exists already): it is created only once the user has confirmed it."""
        self.same_name_fiches = list(Treatment.objects.filter(name__iexact=name.strip()).order_by("reference")[:5])
        if self.same_name_fiches and not self.same_name_confirmed:
            self.add_error(
                "name",
                _(
                    "La fiche %(references)s porte déjà ce nom. Cochez « Créer quand même une fiche du même nom » "
                    "pour confirmer, ou changez le nom."
                )
                % {"references": ", ".join(fiche.reference for fiche in self.same_name_fiches)},
            )

    def validate_unique(self):
        # The reference's uniqueness is checked in clean_reference with a clearer message.
        exclude = self._get_validation_exclusions() | {"reference"}
        try:
            self.instance.validate_unique(exclude=exclude)
        except forms.ValidationError as error:
            self._update_errors(error)
