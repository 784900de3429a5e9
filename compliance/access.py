"""Who may do what with the compliance pages: the one place they decide it.

Reading findings, screenings, risks and the dashboard follows the right to read the
register (DPO, managers, auditors); recording a DPIA screening or a risk assessment follows
the right to edit fiches (the DPO).
"""

from register.access import can_edit_register, can_view_register


def can_view_compliance(user):
    return can_view_register(user)


def can_manage_compliance(user):
    return can_edit_register(user)
