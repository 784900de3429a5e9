"""From a read register to a plan of what the import creates or updates.

`plan_import()` reads the file, matches fiches by reference (an existing reference is
updated, a new one created), organisations by name, and validates every object with the
model's own rules, collecting all errors with their cell. Nothing is written: the plan
is what the preview shows, and `apply.apply_plan()` writes it.

What the CNIL template lacks comes from the file's added rows or from defaults the DPO
chose on the import form, and otherwise: the role is what the template means (the
register of a controller), with a warning; the legal basis is never invented — the fiche
comes in as a draft without one, for the DPO to complete; the controller is an error.
A status from the file is taken only where the lifecycle leads (lifecycle.can_reach).
"""

import hashlib
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from ..choices import ContactRole, OrganisationKind, TreatmentRole
from ..cnil import layout as cnil
from ..cnil.matching import key, organisation_key
from ..models import (
    LINE_TABLES,
    Contact,
    Organisation,
    Treatment,
)
from .catalogs import Catalogs
from .drafts import Issue, Party, Where
from .gaps import fill_role_and_legal_basis, take_status
from .ods import read_register

CHANGE_REASON = "Import ODS"
TREATMENT_FIELDS = (
    "name",
    "reference",
    "software",
    "role",
    "legal_basis",
    "legal_basis_detail",
    "consent_proof",
    "consumer_phone_prospection",
    "current_contract_exception",
    "recording_information",
    "recording_objection",
    "dpia_status",
    "next_review_date",
    "notes",
    "main_purpose",
    "data_subjects_other",
)
CONTACT_ROLES = {"dpo": ContactRole.DPO, "representative": ContactRole.EU_REPRESENTATIVE}


@dataclass
class ImportDefaults:
    """Values for what a fiche of the file lacks, chosen by the DPO on the import form."""

    role: str = ""
    legal_basis: str = ""
    controller: Organisation | None = None


@dataclass
class FichePlan:
    action: str  # "create" or "update"
    treatment: Treatment
    lines: dict  # cache name -> unsaved line instances, in order
    joint_controllers: list
    processors: list
    sheet: str
    defaults_used: list = field(default_factory=list)
    updated: object = None  # the file's last-update date, kept for a created fiche

    @property
    def line_counts(self):
        return {name: len(lines) for name, lines in self.lines.items()}


@dataclass
class ImportPlan:
    fiches: list = field(default_factory=list)
    new_organisations: list = field(default_factory=list)
    new_contacts: list = field(default_factory=list)
    matched_organisations: list = field(default_factory=list)  # (name as typed, existing organisation)
    dates_read: list = field(default_factory=list)  # Issue per date typed as text, written out
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def is_valid(self):
        return not self.errors

    def count(self, action):
        return sum(1 for fiche in self.fiches if fiche.action == action)

    @property
    def count_create(self):
        return self.count("create")

    @property
    def count_update(self):
        return self.count("update")

    def signature(self):
        """A digest of what the plan does, to notice a register changed since the preview."""
        # The version of a fiche to update: an edit saved after the preview changes it.
        parts = [f"{f.action}:{f.treatment.reference}:{f.treatment.name}:{f.treatment.version}" for f in self.fiches]
        parts += [f"org:{organisation.name}" for organisation in self.new_organisations]
        parts += [f"match:{typed}:{organisation.pk}" for typed, organisation in self.matched_organisations]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class Planner:
    def __init__(self, register, defaults):
        self.register, self.defaults = register, defaults
        self.plan = ImportPlan(warnings=list(register.warnings), dates_read=list(register.dates_read))
        self.errors = self.plan.errors
        self.errors.extend(register.errors)
        # Every organisation, by its name's key: « ARTEMIS (M. Paul Friand) » is Artemis.
        self.organisations, self.ambiguous, self.exact = {}, set(), {}
        for organisation in Organisation.objects.prefetch_related("contacts").order_by("name"):
            self.exact[organisation.name] = organisation
            found_key = organisation_key(organisation.name)
            if found_key in self.organisations:
                self.ambiguous.add(found_key)
            self.organisations.setdefault(found_key, organisation)
        self.own = next((o for o in self.organisations.values() if o.is_own), None)
        self.has_self = self.own is not None
        self.matched = set()  # (name as typed, pk) already listed for the preview
        references = [fiche.reference for fiche in register.fiches if fiche.reference]
        # A reference typed "t-001" in a spreadsheet is fiche T-001, not a new one.
        keys = {reference.casefold() for reference in references}
        self.existing = {
            t.reference.casefold(): t for t in Treatment.objects.annotate(key=Lower("reference")).filter(key__in=keys)
        }
        self.contact_roles = set()  # (organisation name, role) already planned

    def error(self, where, message):
        self.errors.append(Issue(where, str(message)))

    def organisation(self, party, kind):
        """The organisation named by `party`, existing or planned for creation.

        An organisation the import creates takes its details from every mention in the
        file (the overview names it, a fiche's actor row gives its address); an existing
        one is left as it is.
        """
        typed = party.name.strip()
        found_key = organisation_key(typed)
        found = self.exact.get(typed)
        if found is None and found_key in self.ambiguous:
            self.error(
                party.where,
                _("« %(name)s » désigne plusieurs organisations du registre : écrivez son nom exact.")
                % {"name": typed},
            )
        found = found or self.organisations.get(found_key)
        if found is None:
            found = Organisation(name=typed, kind=kind)
            found.import_fields, found.import_where = set(), party.where
            self.organisations[found_key] = found
            self.plan.new_organisations.append(found)
        elif found.pk is not None and (typed, found.pk) not in self.matched:
            self.matched.add((typed, found.pk))
            self.plan.matched_organisations.append((typed, found))
        if found.pk is None:
            for name, value in {**party.details(), "siren": party.siren}.items():
                if value and name not in found.import_fields:
                    setattr(found, name, value)
                    found.import_fields.add(name)
            if found.kind == OrganisationKind.OTHER:
                found.kind = kind
        return found

    def contact(self, organisation, role, party):
        """Plan a contact when the organisation has none of this role yet."""
        if (organisation.name, role) in self.contact_roles or (
            organisation.pk and any(c.role == role for c in organisation.contacts.all())
        ):
            return
        self.contact_roles.add((organisation.name, role))
        contact = Contact(organisation=organisation, role=role, name=party.name, company=party.company)
        for name, value in party.details().items():
            setattr(contact, name, value)
        self._validate(contact, party.where, exclude=["organisation"])
        self.plan.new_contacts.append(contact)

    def _validate(self, instance, where, exclude=(), field_where=None):
        """The model's own field rules and clean(); foreign keys were resolved from the
        catalogs already (validating them again would cost one query each)."""
        relations = [f.name for f in instance._meta.concrete_fields if f.is_relation]
        try:
            instance.clean_fields(exclude=[*exclude, *relations])
            instance.clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                location = (field_where or {}).get(name, where)
                label = instance._meta.get_field(name).verbose_name if name != "__all__" else ""
                for message in messages:
                    self.error(location, f"{label} : {message}" if label else message)

    def run(self):
        if self.register.organisation:
            kind = OrganisationKind.OTHER if self.has_self else OrganisationKind.SELF
            self.organisation(self.register.organisation, kind)
        keeper = self.keeper()
        for role, party in self.register.contacts.items():  # the overview's blocks: the keeper's contacts
            if keeper is not None:
                self.contact(keeper, role, party)
        if self.register.contacts and keeper is None:
            self.warn(
                next(iter(self.register.contacts.values())).where,
                _(
                    "les coordonnées du responsable, du représentant et du DPO ne sont pas importées : le fichier ne "
                    "nomme pas l'organisme qui tient le registre (ligne « Organisme »)."
                ),
            )
        seen = {}
        for draft in self.register.fiches:
            reference_key = draft.reference.casefold()
            if reference_key and reference_key in seen:
                self.error(
                    draft.where_of("reference"),
                    _("la référence « %(reference)s » est déjà celle de l'onglet « %(sheet)s ».")
                    % {"reference": draft.reference, "sheet": seen[reference_key]},
                )
                continue
            seen[reference_key] = draft.sheet
            self.plan.fiches.append(self.fiche(draft))
        for organisation in self.plan.new_organisations:
            self._validate(organisation, organisation.import_where)
        if not self.plan.fiches and not self.errors:
            self.error(
                Where(),
                _(
                    "aucune fiche trouvée : le fichier doit contenir un onglet par fiche (copié de l'onglet « Modèle "
                    "de fiche de registre », avec au moins le nom du traitement) ou des lignes dans la liste des "
                    "traitements."
                ),
            )
        return self.plan

    def warn(self, where, message):
        self.plan.warnings.append(Issue(where, str(message)))

    def missing(self, draft, name, label):
        """A value the fiche needs and the file lacks: name the cell, or the row to add."""
        if name in draft.where:
            message = _(
                "valeur manquante : complétez cette cellule ou choisissez une valeur par défaut dans le formulaire "
                "d'import."
            )
            self.error(draft.where_of(name), message)
        else:
            message = _(
                "ligne « %(label)s » absente : ajoutez-la (libellé en colonne A, valeur à sa droite) ou choisissez "
                "une valeur par défaut dans le formulaire d'import."
            ) % {"label": label}
            self.error(Where(draft.sheet), message)

    def fiche(self, draft):
        existing = self.existing.get(draft.reference.casefold())
        treatment = existing or Treatment()
        kept_reference = treatment.reference
        defaults_used = []
        for name in TREATMENT_FIELDS:
            if name in draft.values:
                setattr(treatment, name, draft.values[name])
        if existing:
            treatment.reference = kept_reference  # matched whatever its case: keep the register's spelling
        defaults_used += fill_role_and_legal_basis(draft, treatment, existing, self.defaults, self.warn)
        take_status(draft, treatment, existing, self.warn, self.error)
        if draft.created:
            treatment.created_at = draft.created
        controller = self.controller(draft, treatment, defaults_used)
        if controller is not None:
            treatment.controller = controller
        reported = [name for name in ("role", "legal_basis") if not getattr(treatment, name)]
        self._validate(treatment, Where(draft.sheet), exclude=["controller", *reported], field_where=draft.where)
        self.fiche_contacts(draft, controller)
        parties = {
            name: [self.organisation(party, kind) for party in getattr(draft, name)]
            for name, kind in (
                ("joint_controllers", OrganisationKind.PARTNER),
                ("processors", OrganisationKind.PROCESSOR),
            )
        }
        actor_errors = Treatment.actor_errors(controller, parties["joint_controllers"], parties["processors"])
        for name, messages in actor_errors.items():
            label = Treatment._meta.get_field(name).verbose_name
            for message in messages:
                self.error(Where(draft.sheet), f"{label} : {message}")
        lines = self.lines(draft)
        if draft.overview_only:
            self.plan.warnings.append(
                Issue(
                    draft.where_of("name"),
                    _("fiche sans onglet détaillé : seuls ses nom, dates et finalité sont repris."),
                )
            )
        return FichePlan(
            action="update" if existing else "create",
            treatment=treatment,
            lines=lines,
            joint_controllers=parties["joint_controllers"],
            processors=parties["processors"],
            sheet=draft.sheet,
            defaults_used=defaults_used,
            updated=draft.updated,
        )

    def controller(self, draft, treatment, defaults_used):
        if draft.controller and draft.controller.name:
            name = organisation_key(draft.controller.name)
            own = self.register.organisation and name == organisation_key(self.register.organisation.name)
            kind = (
                OrganisationKind.SELF
                if own and not self.has_self
                else (OrganisationKind.CLIENT if treatment.role == TreatmentRole.PROCESSOR else OrganisationKind.OTHER)
            )
            return self.organisation(draft.controller, kind)
        if treatment.controller_id:
            return treatment.controller
        if self.defaults.controller is not None:
            defaults_used.append(cnil.CONTROLLER)
            return self.defaults.controller
        self.missing(draft, "controller", cnil.CONTROLLER)
        return None

    def keeper(self):
        """The organisation keeping the register: named by the overview, else our own."""
        if self.register.organisation and self.register.organisation.name:
            return self.organisations.get(organisation_key(self.register.organisation.name))
        return self.own

    def fiche_contacts(self, draft, controller):
        """The fiche's DPO and representative rows: the controller's (art. 30(1)(a), 30(2)(a)).

        The overview's DPO block is the DPO of the organisation keeping the register: the
        same person on a client's fiche is that DPO repeated, not the client's.
        """
        if controller is None:
            return
        keeper_dpo = self.register.contacts.get(ContactRole.DPO)
        for name, role in CONTACT_ROLES.items():
            party = getattr(draft, name)
            if party is not None and party.name:
                repeated = role == ContactRole.DPO and keeper_dpo and key(keeper_dpo.name) == key(party.name)
                if repeated and controller is not self.keeper():
                    self.warn(
                        party.where,
                        _(
                            "« %(name)s » est le DPO de l'organisme qui tient le registre (bloc DPO de la liste) : "
                            "il n'est pas enregistré comme DPO de « %(controller)s »."
                        )
                        % {"name": party.name, "controller": controller.name},
                    )
                    continue
                self.contact(controller, role, party)
            elif party is not None and party.company:
                self.error(party.where, _("société du DPO indiquée sans le nom du DPO."))

    def lines(self, draft):
        built = {}
        for cache, model in LINE_TABLES:
            built[cache] = []
            for position, line in enumerate(getattr(draft, cache), start=1):
                fields = dict(line.fields)
                organisation_name = fields.pop("organisation_name", "")
                instance = model(position=position, **fields)
                if organisation_name:
                    party = Party(name=organisation_name, where=line.where)
                    instance.organisation = self.organisation(party, OrganisationKind.OTHER)
                self._validate(instance, line.where, exclude=["treatment", "organisation"])
                instance.import_note = line.note
                built[cache].append(instance)
        return built


def plan_import(data, defaults=None):
    """The ImportPlan of an .ods file's bytes (OdsError when the file cannot be read)."""
    register = read_register(data, Catalogs())
    return Planner(register, defaults or ImportDefaults()).run()
