"""Rasterise the app icon's SVG into the hicolor theme's PNG sizes (build time, offline).

Usage: python icons.py resources/icons/safelens.svg <root>/usr/share/icons/hicolor
Writes <size>x<size>/apps/safelens.png for every size below and scalable/apps/safelens.svg.
Uses resvg (a SafeLens dependency, so the environment being packaged has it).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import resvg_py

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def main(svg: Path, hicolor: Path) -> None:
    markup = svg.read_text(encoding="utf-8")
    for size in SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / "safelens.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(bytes(resvg_py.svg_to_bytes(svg_string=markup, width=size, height=size)))
    scalable = hicolor / "scalable" / "apps" / "safelens.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
