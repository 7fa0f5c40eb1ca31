"""The wheel carries the generated module and the compiled extension (the classic SWIG
trap: setuptools copying Python files before the extension's build generated them)."""
import glob
import sys
import zipfile

wheels = glob.glob(sys.argv[1] + "/*.whl")
assert len(wheels) == 1, wheels
names = zipfile.ZipFile(wheels[0]).namelist()
need = ["llmsize/__init__.py", "llmsize/core.py", "llmsize/plots.py", "llmsize/py.typed"]
missing = [n for n in need if n not in names]
assert not missing, f"wheel lacks {missing}"
assert any(n.startswith("llmsize/_core") and (n.endswith(".so") or n.endswith(".pyd")) for n in names), names
assert not any(n.endswith(".c") or n.endswith(".h") for n in names), "sources leaked into the wheel"
print(f"{wheels[0].split('/')[-1]}: {len(names)} files, generated module and extension present")
