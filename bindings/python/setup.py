"""Build the llmsize extension: the SWIG wrapper generated from ../llmsize.i (committed,
so SWIG is only needed to regenerate it) compiled with the single header as a private
static copy. The headers are copied in from the repository root when building inside
the repository, so an sdist carries them."""
import os
import shutil

from setuptools import Extension, setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CSRC = os.path.join(HERE, "csrc")

for name in ("llmsize.h", "llmsize_data.h"):
    src = os.path.join(ROOT, name)
    if os.path.exists(src):
        os.makedirs(CSRC, exist_ok=True)
        shutil.copyfile(src, os.path.join(CSRC, name))


class BuildPyAfterExt(build_py):
    """Build the extension before copying Python files, so a wrapper regenerated during
    the build (core.py) is the one that lands in the wheel."""

    def run(self):
        self.run_command("build_ext")
        super().run()


setup(
    ext_modules=[
        Extension(
            "llmsize._core",
            sources=["src/llmsize/llmsize_wrap.c"],
            include_dirs=["csrc"],
            extra_compile_args=["-O2"],
        )
    ],
    cmdclass={"build_py": BuildPyAfterExt},
)
