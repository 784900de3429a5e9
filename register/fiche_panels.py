"""What other apps show on a fiche's page and in its PDF, without the register importing them.

An app adds a panel from its AppConfig.ready(): a template and a function
`context(treatment, *, user, as_of)` returning the template's context, or None to show
nothing (e.g. a user without the right, or a fiche as of a past day the app cannot rebuild).
Each function is expected to run a fixed number of queries; the fiche page's pinned query
counts include every panel installed.

A PDF section (`add_pdf_section`) is the same for the fiche in the register's PDF extracts:
a template, and a function `contexts(treatments, *, as_of)` returning {fiche pk: context}
for every fiche of the document at once, in a fixed number of queries whatever their number.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template: str
    context: object  # callable(treatment, *, user, as_of) -> dict | None


@dataclass(frozen=True)
class RenderedPanel:
    template: str
    context: dict


_panels = []


def add_panel(template, context):
    """Show `template` on every fiche page with `context(treatment, user=…, as_of=…)`;
    adding the same pair twice keeps one."""
    panel = Panel(template, context)
    if panel not in _panels:
        _panels.append(panel)


def panels_for(treatment, *, user, as_of=None):
    """The panels to show on the page of `treatment`, in the order they were added."""
    rendered = []
    for panel in _panels:
        context = panel.context(treatment, user=user, as_of=as_of)
        if context is not None:
            rendered.append(RenderedPanel(panel.template, context))
    return rendered


_pdf_sections = []


def add_pdf_section(template, contexts):
    """Show `template` after each fiche of the PDF extracts, with the context
    `contexts(treatments, as_of=…)[treatment.pk]` (no key: nothing for that fiche)."""
    section = Panel(template, contexts)
    if section not in _pdf_sections:
        _pdf_sections.append(section)


def attach_pdf_sections(treatments, *, as_of=None):
    """Give each fiche of a PDF its `pdf_sections`, in the order they were added."""
    for treatment in treatments:
        treatment.pdf_sections = []
    for section in _pdf_sections:
        contexts = section.context(treatments, as_of=as_of)
        for treatment in treatments:
            if (context := contexts.get(treatment.pk)) is not None:
                treatment.pdf_sections.append(RenderedPanel(section.template, context))
    return treatments
