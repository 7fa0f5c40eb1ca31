"""Execute a notebook top to bottom (headless); exit non-zero if any cell raises."""
import sys

import nbformat
from nbclient import NotebookClient

path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3").execute()
print(f"{path}: {len(nb.cells)} cells executed")
