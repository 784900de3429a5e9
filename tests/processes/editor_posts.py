"""POST data for the process editor, built from the form as the page renders it."""

from processes.process_forms import ProcessEditor


def editor_data(process, **tables):
    """The editor's POST for `process` as loaded, with each table's rows replaced or extended:
    tables[prefix] is a list of dicts, one per row (existing rows first, in their order)."""
    editor = ProcessEditor(instance=process)
    data = {"loaded_version": str(process.version)}
    main = editor.main
    for name in main.fields:
        if name == "loaded_version":
            continue
        value = main[name].value()
        if isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif value is not None:
            data[name] = str(value)
    for prefix, _title, formset in editor.tables:
        rows = []
        for form in formset.initial_forms:
            row = {}
            for name in form.fields:
                value = form[name].value()
                if name == "DELETE" or value in (None, False):
                    continue
                row[name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
            rows.append(row)
        for index, row in enumerate(tables.get(prefix, [])):
            if index < len(rows):
                rows[index].update(row)
            else:
                rows.append(row)
        data[f"{prefix}-TOTAL_FORMS"] = str(len(rows))
        data[f"{prefix}-INITIAL_FORMS"] = str(len(formset.initial_forms))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for index, row in enumerate(rows):
            for name, value in row.items():
                if value is False or value is None:
                    continue
                data[f"{prefix}-{index}-{name}"] = value
    return data
