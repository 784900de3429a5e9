"""The CNIL register file format, spoken by both the ODS export and the ODS import.

- `layout`: the sheets and the labels of the template's overview and fiche sheets;
- `lists`: the template's drop-down lists (catalog code -> CNIL label) and aliases;
- `matching`: how a cell's text is compared with those labels.
"""

# An OpenDocument spreadsheet (ISO/IEC 26300), the CNIL template's format.
MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
