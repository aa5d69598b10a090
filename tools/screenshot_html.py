"""Open an HTML page in headless Chromium: screenshot it and collect console messages.

    python tools/screenshot_html.py output/diff_cws_12_22_vs_wo_ga_58_9.html out.png

Uses Debian's ``chromium`` (``apt-get install chromium``); no network is touched.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]
_CONSOLE = re.compile(r":CONSOLE(?:\(\d+\)|:\d+)\] (.*)$", re.M)


def open_in_chromium(page: Path, screenshot: Path | None = None, size: str = "1400,2000") -> list[str]:
    """The console messages Chromium logs while loading ``page`` (a screenshot to
    ``screenshot`` if given, else the DOM is only rendered)."""
    with tempfile.TemporaryDirectory() as profile:
        action = [f"--screenshot={screenshot}", f"--window-size={size}"] if screenshot else ["--dump-dom"]
        command = [str(CHROMIUM), *_FLAGS, f"--user-data-dir={profile}", *action, page.resolve().as_uri()]
        finished = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return _CONSOLE.findall(finished.stderr)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    messages = open_in_chromium(Path(argv[0]), Path(argv[1]))
    for message in messages:
        print(f"console: {message}")
    print(f"{argv[1]} written, {len(messages)} console message(s)")
    return 1 if messages else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
