"""XML for any pydantic model of ours, both ways, driven by the model's fields.

The mapping is fixed and simple, so the hand-written XSD can describe it:

- a model is an element whose children are its fields, in declaration order;
- a scalar field is a child element holding the value (absent when null);
- a list field is a wrapper element named after the field; a list of models
  holds one element per entry named after the entry's class in snake_case
  (``<paragraphs><paragraph>…``), a list of scalars holds ``<item>`` elements.
  A list that is null is absent; an empty list is an empty wrapper.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from enum import Enum

from lxml import etree
from pydantic import BaseModel

NAMESPACE = "urn:cws-pipeline:document:1"
SCALAR_ITEM = "item"


def element_name(model_class: type[BaseModel]) -> str:
    """'list_item' for ListItem."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model_class.__name__).lower()


def to_element(model: BaseModel, name: str | None = None) -> etree._Element:
    """The XML element for ``model`` (in the project namespace)."""
    element = etree.Element(_qualified(name or element_name(type(model))), nsmap={None: NAMESPACE})
    _fill(element, model)
    return element


def from_element(element: etree._Element, model_class: type[BaseModel]) -> BaseModel:
    """The model read back from an element made by ``to_element``."""
    return model_class.model_validate(_read_model(element, model_class))


def _qualified(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _fill(element: etree._Element, model: BaseModel) -> None:
    for field_name in type(model).model_fields:
        value = getattr(model, field_name)
        if value is None:
            continue
        child = etree.SubElement(element, _qualified(field_name))
        if isinstance(value, list):
            for entry in value:
                if isinstance(entry, BaseModel):
                    _fill(etree.SubElement(child, _qualified(element_name(type(entry)))), entry)
                else:
                    etree.SubElement(child, _qualified(SCALAR_ITEM)).text = _text(entry)
        elif isinstance(value, BaseModel):
            _fill(child, value)
        else:
            child.text = _text(value)


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _read_model(element: etree._Element, model_class: type[BaseModel]) -> dict:
    children = {etree.QName(child).localname: child for child in element}
    data: dict = {}
    for field_name, info in model_class.model_fields.items():
        child = children.get(field_name)
        if child is None:
            continue
        annotation = _without_none(info.annotation)
        if typing.get_origin(annotation) is list:
            (entry_type,) = typing.get_args(annotation)
            entry_type = _without_none(entry_type)
            if _is_model(entry_type):
                data[field_name] = [_read_model(entry, entry_type) for entry in child]
            else:
                data[field_name] = [entry.text or "" for entry in child]
        elif _is_model(annotation):
            data[field_name] = _read_model(child, annotation)
        else:
            data[field_name] = child.text or ""
    return data


def _without_none(annotation: object) -> object:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(options) == 1:
            return options[0]
    return annotation


def _is_model(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
