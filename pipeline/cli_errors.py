"""The error boundary of the ``cws`` commands: whatever goes wrong ends as one
line ``error: <file>: <message>`` on stderr and a documented exit status."""

from __future__ import annotations

import os
import sys
import traceback
from functools import wraps
from pathlib import Path

import click

from pipeline.errors import CwsError

EXIT_BAD_INPUT = 2
EXIT_BUG = 3
PATH = click.Path(path_type=Path, allow_dash=True)


class Failure(click.ClickException):
    """A failure already worded for the user, with its exit status."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_INPUT):
        super().__init__(message)
        self.exit_code = exit_code


class CwsGroup(click.Group):
    """A click group whose every error, its own usage errors included, ends as one line."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as error:
            click.echo(error.ctx.get_help())
            sys.exit(EXIT_BAD_INPUT)
        except click.ClickException as error:
            click.echo(f"error: {' '.join(error.format_message().split())}", err=True)
            sys.exit(error.exit_code if isinstance(error, Failure) else EXIT_BAD_INPUT)
        except click.Abort:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:  # the reader went away (cws … | head): not an error of ours
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's final flush quiet
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def reports_errors(command):
    """Turn whatever a command raises into a Failure naming its input."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        name = next((str(value) for value in kwargs.values() if isinstance(value, Path)), "cws")
        try:
            return command(*args, **kwargs)
        except (click.ClickException, click.Abort, BrokenPipeError):
            raise
        except CwsError as error:
            raise Failure(str(error) if error.path else f"{name}: {error.message}") from None
        except OSError as error:
            raise Failure(f"{error.filename or name}: {error.strerror or error}") from None
        except Exception as error:
            debug = click.get_current_context().find_root().params.get("debug")
            if debug:
                traceback.print_exc()
            hint = "" if debug else "; run with --debug for the traceback"
            raise Failure(f"{name}: internal error ({type(error).__name__}: {error}){hint}", EXIT_BUG) from None

    return wrapper
