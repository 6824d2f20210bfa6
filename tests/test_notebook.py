"""The example notebook runs end to end against the seeds' outputs, so it never rots."""
import pytest

from conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


def test_notebook_executes(seed_run, monkeypatch):
    out, _ = seed_run
    notebook = nbformat.read(ROOT / "notebooks" / "explore_claims.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "commit it with outputs cleared"
    monkeypatch.setenv("CLAIMS_OUTPUTS", str(out))
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT / "notebooks")}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart was not drawn"
    assert any("Kim Jong Un" in str(o.get("data", o.get("text", ""))) for o in outputs)
