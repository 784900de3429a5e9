"""Role × admin URL matrix: every model admin page, GET and POST, for every role.

Each admin URL is one of KINDS; a model admin with a URL of another kind makes
test_every_admin_url_is_classified fail. A refused POST must leave every table of the
database as it was, row for row; the forms posted are the ones a superuser is shown,
so the POST would be accepted from anyone with the right to write.
"""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from register import models
from tests.conftest import make_organisation, make_treatment
from tests.register.test_roles import admin_form_data

pytestmark = pytest.mark.django_db

ALL = frozenset({"view", "add", "change", "delete"})
VIEW = frozenset({"view"})
CATALOGS = (
    models.DataCategory,
    models.DataSubjectCategory,
    models.RecipientCategory,
    models.SecurityMeasureCategory,
    models.TransferSafeguard,
)
REGISTER_MODELS = [model for model in admin.site._registry if model._meta.app_label == "register"]
# Parts of a fiche or an organisation: they change on their whole's page only, even for a superuser.
PARTS = (*models.LINE_MODELS, models.Contact, models.Site, models.Department)


def rights(role, model):
    """What each role may do in each model's admin, written out rather than read from the groups.

    None: not staff, every admin page sends to the admin login."""
    if role in ("anonymous", "manager"):
        return None
    if model in PARTS:
        return VIEW
    if model._meta.app_label == "axes":  # login attempts: written by logins only, a superuser reads and clears them
        return ALL - {"add"} if role == "superuser" else frozenset()
    if role == "superuser":
        return ALL
    if model._meta.app_label != "register":
        return frozenset()
    if role == "auditor":
        return VIEW
    # DPO: deleting a whole fiche is a superuser's act.
    return ALL - {"delete"} if model is models.Treatment else ALL


# URL kind → (the right a GET needs, the right a POST needs, what an allowed POST gets),
# in the order the requests are made: deletion last.
KINDS = {
    "changelist": ("view", "change|delete", 200),  # the bulk delete's confirmation page
    "add": ("add", "add", 200),  # an empty form: errors, nothing written
    "change": ("view", "change", 302),
    "history": ("view", "change", 200),
    "simple_history": ("view", "change", 302),  # django-simple-history's revert page
    "password_change": ("change", "change", 200),  # auth.User only; an empty form
    "delete": ("delete", "delete", 302),
}
ROLES = ("anonymous", "manager", "auditor", "dpo", "superuser")


def kind_of(url_name, model):
    prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
    return url_name.removeprefix(prefix) if url_name and url_name.startswith(prefix) else url_name


def test_every_admin_url_is_classified():
    for model, model_admin in admin.site._registry.items():
        kinds = {kind_of(url.name, model) for url in model_admin.get_urls()} - {None}  # None: redirect to change
        assert kinds - KINDS.keys() == set(), f"classify these {model.__name__} admin URLs in KINDS"


def target(model):
    """One row of `model` the requests act on, with a fiche (lines of every kind) around it."""
    treatment = make_treatment()
    models.Transfer.objects.create(
        treatment=treatment,
        recipient="Hébergeur",
        country=models.Country.objects.filter(is_eu_eea=False, has_adequacy_decision=True).first(),
        safeguard=models.TransferSafeguard.objects.first(),
    )
    organisation = make_organisation()
    factories = {
        models.Treatment: lambda: treatment,
        models.Organisation: lambda: organisation,
        models.Contact: lambda: models.Contact.objects.create(organisation=organisation, role="dpo", name="Mme DPO"),
        models.Site: lambda: models.Site.objects.create(organisation=organisation, name="Tours", city="Tours"),
        models.Department: lambda: models.Department.objects.create(organisation=organisation, name="Qualité"),
        models.Country: lambda: models.Country.objects.create(code="ZZ", name="Zedland"),
        User: lambda: User.objects.create(username="someone"),
        **{
            model: (
                lambda model=model: model.objects.create(username="dpo", ip_address="10.0.0.1", **AXES_FIELDS[model])
            )
            for model in AXES_FIELDS
        },
        Group: lambda: Group.objects.create(name="Matrice"),
        **{
            catalog: (lambda catalog=catalog: catalog.objects.create(code="matrice", label="Matrice"))
            for catalog in CATALOGS
        },
        **{line: (lambda line=line: line.objects.filter(treatment=treatment).first()) for line in models.LINE_MODELS},
    }
    return factories[model]()


AXES_FIELDS = {
    AccessAttempt: {"failures_since_start": 5, "get_data": "", "post_data": ""},
    AccessLog: {},
    AccessFailureLog: {"locked_out": True},
}


def url_of(kind, obj):
    opts = obj._meta
    args = {"changelist": [], "add": []}.get(kind, [obj.pk])
    if kind == "simple_history":
        args = [obj.pk, obj.history.latest().history_id]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{kind}", args=args)


def post_data(kind, obj, superuser_http, url):
    """What a user with every right would post on this page."""
    if kind == "changelist":
        return {"action": "delete_selected", "_selected_action": [obj.pk]}  # asks for confirmation
    if kind == "delete":
        return {"post": "yes"}
    if kind in ("change", "simple_history"):
        data = split_multi_widgets(admin_form_data(superuser_http, url), superuser_http, url)
        for field in ("name", "label", "description"):
            if field in data:
                data[field] = "Modifié par la matrice"
        return data
    return {}  # add, history, password_change: an empty form, refused by validation at worst


def split_multi_widgets(data, http, url):
    """Date and time typed in two boxes (auth.User's dates) are posted as name_0, name_1."""
    form = http.get(url).context["adminform"].form
    for name, field in form.fields.items():
        widget = field.widget
        if hasattr(widget, "widgets") and name in data:
            for index, (part, value) in enumerate(zip(widget.widgets, widget.decompress(data.pop(name)), strict=True)):
                data[f"{name}_{index}"] = part.format_value(value) or ""
    return data


def every_row():
    """Every row of every table (history, permissions, m2m links included)."""
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models(include_auto_created=True)
    }


def client_for(role):
    """A client logged in with `role` (no password: hashing one costs more than the requests)."""
    http = Client()
    groups = {"manager": "Manager", "auditor": "Auditor", "dpo": "DPO"}
    if role != "anonymous":
        user = User.objects.create(
            username=f"matrix-{role}", is_staff=role != "manager", is_superuser=role == "superuser"
        )
        if role in groups:
            user.groups.add(Group.objects.get(name=groups[role]))
        http.force_login(user)
    return http


def allowed(need, granted):
    return any(right in granted for right in need.split("|"))


# The register's, auth's and django-axes' admins; each other app's matrix (tests/<app>/test_admin_access_matrix.py)
# covers its own models with these helpers.
CASES = [
    (model, role)
    for model in admin.site._registry
    if model._meta.app_label in ("register", "auth", "axes")
    for role in ROLES
]


@pytest.mark.parametrize(("model", "role"), CASES, ids=[f"{model.__name__}-{role}" for model, role in CASES])
def test_each_role_gets_what_its_admin_rights_allow(model, role):
    check_every_admin_page(model, role, target(model), rights(role, model))


def check_every_admin_page(model, role, obj, granted):
    """GET then POST every admin page of `model` on `obj` as `role`, holding `granted` rights
    (None: not staff); a refused POST must leave every table as it was. Each app's admin
    matrix calls this with its own rights and rows."""
    http = client_for(role)
    superuser_http = http if role == "superuser" else client_for("superuser")
    names = {kind_of(url.name, model) for url in admin.site._registry[model].get_urls()}
    for kind in [kind for kind in KINDS if kind in names]:
        url = url_of(kind, obj)
        get_right, post_right, allowed_status = KINDS[kind]
        data = post_data(kind, obj, superuser_http, url)

        response = http.get(url)
        if granted is None:
            assert response.status_code == 302 and "/admin/login/" in response["Location"], url
        else:
            assert response.status_code == (200 if allowed(get_right, granted) else 403), url

        before = every_row()
        response = http.post(url, data)
        if granted is None:
            assert response.status_code == 302 and "/admin/login/" in response["Location"], url
        elif not allowed(post_right, granted):
            assert response.status_code == 403, f"POST {url}"
        else:
            assert response.status_code == allowed_status, f"POST {url}"
            continue
        assert every_row() == before, f"a refused POST on {url} changed the database"


@pytest.mark.parametrize("model", [m for m in REGISTER_MODELS if hasattr(m, "history")], ids=lambda m: m.__name__)
def test_an_auditor_cannot_revert_a_history_tracked_row(auditor_client, superuser, model):
    obj = target(model)
    url = url_of("simple_history", obj)
    superuser_http = Client()
    superuser_http.force_login(superuser)
    data = post_data("simple_history", obj, superuser_http, url)
    before = every_row()

    response = auditor_client.post(url, data)

    assert response.status_code == 403
    assert every_row() == before
