"""Lesson images load as the reader nears them, in a box of their own size."""

from __future__ import annotations

from pathlib import Path

import html5lib
import markdown

from academy.markdown.images import LazyImages, svg_size


def render(text: str, folder: Path | None) -> list[dict[str, str]]:
    md = markdown.Markdown(extensions=["attr_list"])
    md.treeprocessors.register(LazyImages(md, lambda: folder), "academy_images", 1)
    document = html5lib.parse(md.convert(text), namespaceHTMLElements=False)
    return [dict(img.attrib) for img in document.iter("img")]


def test_an_svg_gets_its_own_size_and_loads_lazily(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "journey.svg").write_text(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 616 420"><title>x</title></svg>')
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    [image] = render("![The journey](../assets/journey.svg)", lessons)
    assert image["loading"] == "lazy" and image["decoding"] == "async"
    assert (image["width"], image["height"]) == ("616", "420")


def test_the_editors_own_choices_are_kept(tmp_path):
    (tmp_path / "a.svg").write_text('<svg viewBox="0 0 100 50"/>')
    [image] = render('![Logo](a.svg){ loading=eager width=40 }', tmp_path)
    assert image["loading"] == "eager" and image["width"] == "40" and "height" not in image


def test_images_without_a_known_size_still_load_lazily(tmp_path):
    (tmp_path / "bad.svg").write_text("<svg><title>no size</title></svg>")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    images = render("![a](bad.svg) ![b](photo.png) ![c](missing.svg) ![d](https://example.org/x.svg) "
                    "![e](../../../etc/passwd.svg)", tmp_path)
    assert len(images) == 5
    for image in images:
        assert image["loading"] == "lazy" and "width" not in image and "height" not in image
    assert render("![a](a.svg)", None)[0]["loading"] == "lazy"  # no page being rendered: no size


def test_svg_size_reads_width_and_height_or_the_view_box(tmp_path):
    cases = {
        '<svg width="300" height="150px" viewBox="0 0 10 10">': (300, 150),
        "<svg viewBox='0,0,640.4,360'>": (640, 360),
        '<svg width="100%" height="100%" viewBox="0 0 80 40">': (80, 40),
        '<svg viewBox="0 0 0 10">': None,
        '<svg viewBox="nonsense">': None,
        "<html>not an svg</html>": None,
    }
    for number, (root, size) in enumerate(cases.items()):
        path = tmp_path / f"{number}.svg"
        path.write_text(root + "</svg>")
        assert svg_size(path) == size, root
    assert svg_size(tmp_path / "absent.svg") is None
