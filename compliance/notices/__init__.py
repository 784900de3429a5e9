"""Awareness documents generated from a fiche (issue 12, point 7): the information notice of
art. 13, the announcement an operator reads before recording a call, and the one-page
« fiche réflexe » for operators and managers.

Each is built from the fiche's data only: what the fiche does not say is listed for the DPO
(`Gap`, with a link to the field to fill in) and shown in the document as a visible
placeholder, never invented.
"""
