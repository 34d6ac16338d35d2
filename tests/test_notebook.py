"""The quickstart notebook runs from top to bottom, so it cannot rot."""
from __future__ import annotations

import sys

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def kernel() -> str:
    """The python3 kernel of this environment, installed into it when missing."""
    try:
        KernelSpecManager().get_kernel_spec("python3")
    except NoSuchKernel:
        from ipykernel.kernelspec import install

        install(prefix=sys.prefix)
    return "python3"


def test_quickstart_notebook_runs(kernel, monkeypatch):
    # The seeds hold the action plan and exercise every step; the whole corpus takes minutes.
    monkeypatch.setenv("POLICYKG_NOTEBOOK_CORPUS", "corpus/seeds")
    notebook = nbformat.read(ROOT / "notebooks" / "quickstart.ipynb", as_version=4)
    client = NotebookClient(notebook, kernel_name=kernel, timeout=600,
                            resources={"metadata": {"path": str(ROOT / "notebooks")}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    assert "documents ->" in text
    assert "CJK font:" in text or "No CJK font found" in text  # never silent tofu boxes
    assert "Glyph" not in text and "filterwarnings" not in notebook.cells[-1].source
    assert any("image/png" in o.get("data", {}) for o in outputs)
