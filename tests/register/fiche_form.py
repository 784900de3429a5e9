"""Fill the fiche form as a browser would: read the page's fields, change some, post them.

`FormData.from_response(response)` collects every field of the page's form with the value
the page shows (selected options, checked boxes, textarea text), plus the empty row of
each table (its names hold `__prefix__`), so tests post exactly what the page offers.
"""

import re
from html.parser import HTMLParser

from django.http import QueryDict


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.fields = []  # (name, value)
        self.select = None
        self.select_values = []
        self.select_first = None
        self.option_value = None
        self.textarea = None
        self.textarea_text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button"):
                self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self.select, self.select_values, self.select_first = name, [], None
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.select_first is None:
                self.select_first = value
            if "selected" in attrs:
                self.select_values.append(value)
        elif tag == "textarea" and name:
            self.textarea, self.textarea_text = name, []

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "select" and self.select:
            values = self.select_values or ([self.select_first] if self.select_first is not None else [])
            self.fields.extend((self.select, value) for value in values)
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, "".join(self.textarea_text).removeprefix("\n")))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.textarea_text.append(data)


class FormData:
    def __init__(self, fields):
        self.values = {}
        self.empty_rows = {}
        for name, value in fields:
            if "__prefix__" in name:
                prefix, field = name.split("-__prefix__-")
                self.empty_rows.setdefault(prefix, {})[field] = value
            else:
                self.values.setdefault(name, []).append(value)

    @classmethod
    def from_response(cls, response, form_id="fiche-form"):
        parser = _FormParser(form_id)
        parser.feed(response.content.decode())
        assert parser.fields, "no form fields found on the page"
        return cls(parser.fields)

    def __getitem__(self, name):
        values = self.values[name]
        return values[0] if len(values) == 1 else values

    def __setitem__(self, name, value):
        self.values[name] = value if isinstance(value, list) else [str(value)]

    def __contains__(self, name):
        return name in self.values

    def total(self, prefix):
        return int(self[f"{prefix}-TOTAL_FORMS"])

    def row(self, prefix, index):
        """The fields of row `index` of a table, without the prefix."""
        pattern = re.compile(rf"^{re.escape(prefix)}-{index}-(.+)$")
        return {m.group(1): self[name] for name in self.values if (m := pattern.match(name))}

    def add_row(self, prefix, **values):
        """Append a row as the « Ajouter une ligne » button does; returns its index."""
        index = self.total(prefix)
        row = {**self.empty_rows[prefix], **{key: str(value) for key, value in values.items()}}
        for field, value in row.items():
            self[f"{prefix}-{index}-{field}"] = value
        self[f"{prefix}-TOTAL_FORMS"] = index + 1
        return index

    def fill_row(self, prefix, index, **values):
        for field, value in values.items():
            self[f"{prefix}-{index}-{field}"] = value

    def delete_row(self, prefix, index):
        self[f"{prefix}-{index}-DELETE"] = "on"

    def post_data(self):
        return dict(self.values)

    def query_dict(self):
        data = QueryDict(mutable=True)
        for name, values in self.values.items():
            data.setlist(name, values)
        return data
