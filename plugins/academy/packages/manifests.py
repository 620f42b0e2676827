"""The two course descriptions an LMS imports: SCORM 1.2's imsmanifest.xml and cmi5's cmi5.xml."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from .model import PackagedCourse

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"


def _xml_id(text: str) -> str:
    """An XML ID (NCName) from a slug: identifiers in the manifest must be one."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", text)


def _serialize(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def scorm12_manifest(course: PackagedCourse, files: list[str]) -> bytes:
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(f"{{{IMSCP}}}manifest", {
        "identifier": _xml_id(f"academy-{course.slug}-{course.lang}"),
        "version": "1.0",
        f"{{{XSI}}}schemaLocation": f"{IMSCP} imscp_rootv1p1p2.xsd {ADLCP} adlcp_rootv1p2.xsd",
    })
    metadata = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{IMSCP}}}organizations", {"default": "ORG"})
    organization = ET.SubElement(organizations, f"{{{IMSCP}}}organization", {"identifier": "ORG"})
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = course.title
    resources = ET.SubElement(root, f"{{{IMSCP}}}resources")
    launched = {lesson.launch for lesson in course.lessons}
    for lesson in course.lessons:
        ident = _xml_id(lesson.slug)
        item = ET.SubElement(organization, f"{{{IMSCP}}}item", {"identifier": f"ITEM-{ident}", "identifierref": f"RES-{ident}"})
        ET.SubElement(item, f"{{{IMSCP}}}title").text = lesson.title
        if lesson.quiz is not None:
            ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = f"{lesson.quiz.pass_mark:g}"
        resource = ET.SubElement(resources, f"{{{IMSCP}}}resource", {
            "identifier": f"RES-{ident}", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": lesson.launch,
        })
        ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": lesson.launch})
        ET.SubElement(resource, f"{{{IMSCP}}}dependency", {"identifierref": "SHARED"})
    shared = ET.SubElement(resources, f"{{{IMSCP}}}resource", {
        "identifier": "SHARED", "type": "webcontent", f"{{{ADLCP}}}scormtype": "asset",
    })
    for name in files:
        if name not in launched:
            ET.SubElement(shared, f"{{{IMSCP}}}file", {"href": name})
    return _serialize(root)


def cmi5_course_structure(course: PackagedCourse) -> bytes:
    ET.register_namespace("", CMI5)

    def langstrings(parent: ET.Element, tag: str, text: str) -> None:
        holder = ET.SubElement(parent, f"{{{CMI5}}}{tag}")
        ET.SubElement(holder, f"{{{CMI5}}}langstring", {"lang": course.xml_lang}).text = text

    root = ET.Element(f"{{{CMI5}}}courseStructure")
    head = ET.SubElement(root, f"{{{CMI5}}}course", {"id": course.activity})
    langstrings(head, "title", course.title)
    langstrings(head, "description", course.description or course.title)
    for lesson in course.lessons:
        attributes = {"id": lesson.activity, "launchMethod": "AnyWindow"}
        if lesson.quiz is not None:
            attributes |= {"moveOn": "Passed", "masteryScore": f"{lesson.quiz.pass_mark / 100:g}"}
        else:
            attributes["moveOn"] = "Completed"
        au = ET.SubElement(root, f"{{{CMI5}}}au", attributes)
        langstrings(au, "title", lesson.title)
        langstrings(au, "description", lesson.description or lesson.title)
        ET.SubElement(au, f"{{{CMI5}}}url").text = lesson.launch
    return _serialize(root)
