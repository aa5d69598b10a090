"""spaCy without its command line. ``import spacy`` runs the ``spacy.cli``
package only to re-export ``spacy.info``, and that package imports typer, weasel,
httpx, requests, rich and jinja2 for the ``python -m spacy`` commands: about
360 modules and 18 MB that a blank rule-based pipeline never uses.

``import_spacy`` imports spaCy with a stand-in for ``spacy.cli`` that loads the
real package the first time anything asks it for a name, so ``spacy.cli.download``,
``import spacy.cli.train`` and ``spacy.info()`` behave as before, only later.
"""

from __future__ import annotations

import importlib
import sys
import types

_CLI = "spacy.cli"
_CLI_INFO = "spacy.cli.info"


class _DeferredCli(types.ModuleType):
    """``spacy.cli`` until first use; then the real package, and spaCy's own
    attribute is pointed at it."""

    def __getattr__(self, name: str):
        # Tools that scan sys.modules ask every module for __file__ and the like;
        # that must not pull the command line in.
        if name.startswith("__") and name != "__path__":
            raise AttributeError(name)
        return getattr(_real_cli(), name)


def _real_cli() -> types.ModuleType:
    cli = importlib.import_module(_CLI)
    sys.modules["spacy"].cli = cli
    return cli


def _deferred_info(*args, **kwargs):
    """``spacy.info``, importing the command line when called."""
    _real_cli()
    return sys.modules[_CLI_INFO].info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """The ``spacy`` package, imported without its command line unless it
    already was."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info = _DeferredCli(_CLI), types.ModuleType(_CLI_INFO)
    info.info = _deferred_info
    sys.modules[_CLI], sys.modules[_CLI_INFO] = cli, info
    try:
        spacy = importlib.import_module("spacy")
    finally:
        # Later imports of spacy.cli find nothing cached and load the real one.
        if sys.modules.get(_CLI) is cli:
            del sys.modules[_CLI]
        if sys.modules.get(_CLI_INFO) is info:
            del sys.modules[_CLI_INFO]
    spacy.cli = cli
    return spacy
