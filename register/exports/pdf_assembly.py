"""Joining the parts of the register's PDF into one document, as the single pass writes it.

Each part is a complete PDF/A-2u, tagged document (WeasyPrint). The assembly keeps their
pages as they are and rebuilds what belongs to the whole file, the way WeasyPrint does
for one document:

- the front's catalog and information: title, language, XMP metadata (PDF/A-2u and
  PDF/UA-1 identification), output intent, viewer preferences, « marked » flag;
- the footer of every page, from the stamp document: its page i is drawn over page i as a
  form XObject, after the page's own content, so a reader reads it last, as before; it is
  marked as an artifact, outside the structure tree;
- bookmarks, the parts' outlines one after the other;
- named destinations: every anchor of every part, sorted (a PDF name tree), where the
  front's links to fiches (« #fiche-12 ») find them; the anchors the front only borrowed
  to keep those links are left out;
- the structure tree: one Document element holding each part's elements in order, the
  parent tree's page and annotation keys renumbered for the whole file.

What PDF/A-2u asks of the whole file holds as it did: every font embedded (each part
brings its subsets), one output intent, XMP metadata matching the information dictionary
(both the front's), a file identifier (qpdf writes one), PDF 1.7.

pikepdf (qpdf) copies the objects: a 1,000-fiche register is some million of them, which a
pure-Python PDF library parses and writes too slowly for the assembly to pay off.
"""

import io
import re
import warnings

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, String

TAGGED_SPAN = re.compile(rb"/\w+\s*<<\s*/MCID\s+\d+\s*>>\s*BDC")
CATALOG_KEYS = ("/Lang", "/MarkInfo", "/ViewerPreferences", "/Metadata", "/OutputIntents")


def assemble(parts, stamps):
    """The PDF bytes of `parts` (RenderedPart, the front first) with `stamps` laid over."""
    sources = [Pdf.open(io.BytesIO(part.pdf)) for part in parts]
    document = Pdf.new()
    offsets, page_maps = [], []  # per part: its page (object number) → the copy in `document`
    for source in sources:
        offsets.append(len(document.pages))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)  # named destinations: join_destinations
            document.pages.extend(source.pages)
        copies = document.pages[offsets[-1] :]
        page_maps.append({page.obj.objgen: copy.obj for page, copy in zip(source.pages, copies, strict=True)})
    copy_document_level(sources[0], document)
    stamp_pages(document, Pdf.open(io.BytesIO(stamps.pdf)))
    join_outlines(document, sources, page_maps)
    join_destinations(document, sources, parts, page_maps)
    join_structure(document, sources, offsets)
    output = io.BytesIO()
    document.save(
        output,
        min_version=sources[0].pdf_version,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
    )
    return output.getvalue()


def copy_document_level(front, document):
    for key in CATALOG_KEYS:
        if key in front.Root:
            value = front.Root[key]
            document.Root[key] = copy_direct(document, value)
    for key, value in front.docinfo.items():
        document.docinfo[key] = value  # the same Producer as the XMP's, as PDF/A wants


def copy_direct(document, value):
    """A value of another file, its indirect members copied."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return document.copy_foreign(value)
    if isinstance(value, Array):
        return Array([copy_direct(document, item) for item in value])
    if isinstance(value, Dictionary):
        return Dictionary({key: copy_direct(document, item) for key, item in value.items()})
    return value


def stamp_pages(document, stamps):
    """Draw stamp page i over page i, after its content and inside its own graphics state.

    WeasyPrint tags a margin's text as a span of the page that no structure element claims;
    drawn from a stamp, it is marked as what it is, a pagination artifact (PDF/UA-1, 7.8).
    """
    for page, stamp in zip(document.pages, stamps.pages, strict=True):
        content = stamp.obj.Contents
        content.write(TAGGED_SPAN.sub(b"/Artifact BMC", content.read_bytes()))
        page.add_overlay(stamp, pikepdf.Rectangle(page.mediabox))


def join_outlines(document, sources, page_maps):
    items = []
    for source, page_map in zip(sources, page_maps, strict=True):
        if "/Outlines" in source.Root and "/First" in source.Root.Outlines:
            items.extend(read_outline(source.Root.Outlines.First, page_map))
    if items:
        root = document.make_indirect(Dictionary(Type=Name.Outlines))
        root.Count = write_outline(document, items, root)
        document.Root.Outlines = root


def read_outline(node, page_map):
    """[(title, destination, count, children)] from the first item `node` on."""
    items = []
    while node is not None:
        children = read_outline(node.First, page_map) if "/First" in node else []
        items.append((node.Title, mapped_destination(node.Dest, page_map), int(node.get("/Count", 0)), children))
        node = node.Next if "/Next" in node else None
    return items


def write_outline(document, items, parent):
    """Write `items` under `parent` as WeasyPrint does; the number of visible items."""
    outlines, visible = [], len(items)
    for title, destination, count, children in items:
        outline = document.make_indirect(Dictionary(Title=String(str(title)), Dest=destination, Parent=parent))
        children_visible = write_outline(document, children, outline) if children else 0
        outline.Count = children_visible if count >= 0 else -children_visible
        if count >= 0:
            visible += children_visible
        if outlines:
            outline.Prev = outlines[-1]
            outlines[-1].Next = outline
        outlines.append(outline)
    parent.First, parent.Last = outlines[0], outlines[-1]
    return visible


def mapped_destination(destination, page_map):
    """[page /XYZ x y zoom] of a part, pointing at the page's copy in the document."""
    return Array([page_map[destination[0].objgen], *destination[1:]])


def join_destinations(document, sources, parts, page_maps):
    destinations = {}
    for source, part, page_map in zip(sources, parts, page_maps, strict=True):
        if "/Names" not in source.Root or "/Dests" not in source.Root.Names:
            continue
        names = source.Root.Names.Dests.Names
        for index in range(0, len(names), 2):
            name = str(names[index])
            if name not in destinations and name not in part.borrowed_anchors:
                destinations[name] = mapped_destination(names[index + 1], page_map)
    if destinations:
        flat = Array()
        for name in sorted(destinations):
            flat.extend([String(name), destinations[name]])
        document.Root.Names = Dictionary(Dests=Dictionary(Names=flat))


def join_structure(document, sources, offsets):
    """One structure tree for the whole file, from each part's (WeasyPrint: Root → Document → …)."""
    root = document.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    whole = document.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root, K=Array()))
    nums, annotation_values = Array(), []
    total_pages = len(document.pages)
    for source, offset in zip(sources, offsets, strict=True):
        # Copied after the pages: qpdf maps their /Pg and annotation references to the copies.
        part_root = document.copy_foreign(source.Root.StructTreeRoot)
        for element in part_root.K[0].K:
            element.P = whole
            whole.K.append(element)
        part_pages = len(source.pages)
        renumbered = {}
        part_nums = part_root.ParentTree.Nums
        for index in range(0, len(part_nums), 2):
            key, value = int(part_nums[index]), part_nums[index + 1]
            if key < part_pages:
                nums.extend([offset + key, value])
                document.pages[offset + key].obj.StructParents = offset + key
            else:
                renumbered[key] = total_pages + len(annotation_values)
                annotation_values.append(value)
        for page in document.pages[offset : offset + part_pages]:
            for annotation in page.obj.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation.StructParent = renumbered[int(annotation.StructParent)]
    for key, value in enumerate(annotation_values, start=total_pages):
        nums.extend([key, value])
    root.K = Array([whole])
    root.ParentTree = document.make_indirect(Dictionary(Nums=nums))
    document.Root.StructTreeRoot = root
