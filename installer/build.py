"""Build the frozen application: ``python installer/build.py [--deb]``.

dist/imr-desk/ (one folder), dist/imr-desk-<version>-linux-x86_64.tar.xz and, with --deb,
dist/imr-desk_<version>_amd64.deb. Prints the sizes. Windows: see installer/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT))

from imr_desk import __version__  # noqa: E402


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle() -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(DIST),
         "--workpath", str(ROOT / "build" / "pyinstaller"), str(ROOT / "installer" / "imr-desk.spec")],
        check=True,
    )
    bundle = DIST / "imr-desk"
    for translations in bundle.rglob("translations"):
        if translations.is_dir() and "Qt" in str(translations):
            shutil.rmtree(translations)  # the app speaks English; Qt's translations are 20 MB
    return bundle


def build_tar(bundle: Path) -> Path:
    archive = DIST / f"imr-desk-{__version__}-linux-x86_64.tar.xz"
    with tarfile.open(archive, "w:xz") as tar:
        tar.add(bundle, arcname="imr-desk")
    return archive


def build_deb(bundle: Path) -> Path:
    stage = ROOT / "build" / "deb"
    shutil.rmtree(stage, ignore_errors=True)
    (stage / "DEBIAN").mkdir(parents=True)
    shutil.copytree(bundle, stage / "opt" / "imr-desk", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink("/opt/imr-desk/imr-desk", stage / "usr" / "bin" / "imr-desk")
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "imr-desk.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=imr-desk\nComment=Review IMR Final Determination letters\n"
        "Exec=/opt/imr-desk/imr-desk %F\nIcon=imr-desk\nCategories=Office;\nTerminal=false\n"
    )
    icons = stage / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "imr-desk.png", icons / "imr-desk.png")
    size_kb = folder_size(stage) // 1024
    (stage / "DEBIAN" / "control").write_text(
        f"Package: imr-desk\nVersion: {__version__}\nSection: misc\nPriority: optional\nArchitecture: amd64\n"
        f"Installed-Size: {size_kb}\nMaintainer: imr-desk <imr-desk@localhost>\n"
        "Depends: libegl1, libgl1, libxkbcommon0, libfontconfig1, libdbus-1-3, libglib2.0-0 | libglib2.0-0t64, "
        "libxcb-cursor0, libxkbcommon-x11-0\n"
        "Description: reviewer workstation for California DWC IMR Final Determination letters\n"
    )
    deb = DIST / f"imr-desk_{__version__}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "--build", str(stage), str(deb)], check=True)
    return deb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", action="store_true", help="also build the Debian package (needs dpkg-deb)")
    args = parser.parse_args()
    bundle = build_bundle()
    archive = build_tar(bundle)
    print(f"bundle:  {bundle}  {folder_size(bundle) / 2**20:.0f} MB unpacked")
    print(f"archive: {archive}  {archive.stat().st_size / 2**20:.0f} MB compressed")
    if args.deb:
        deb = build_deb(bundle)
        print(f"deb:     {deb}  {deb.stat().st_size / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
