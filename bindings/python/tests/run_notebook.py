"""Execute a notebook top to bottom (headless, with the inline backend a reader's Jupyter
uses), write it with its outputs, and exit non-zero if any cell raises or a cell that draws
a plot shows no image."""
import sys

import nbformat
from nbclient import NotebookClient

path, out = sys.argv[1], sys.argv[2]
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3").execute()
nbformat.write(nb, out)
plots = [c for c in nb.cells if c.cell_type == "code" and "plots." in c.source]
missing = [c.source.splitlines()[0] for c in plots
           if not any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
images = sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
print(f"{path}: {len(nb.cells)} cells executed, {images} images in {len(plots)} plotting cells; outputs in {out}")
if missing:
    sys.exit(f"cells that draw but show no image: {missing}")
