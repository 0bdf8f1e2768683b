"""Run every notebook's tests the way `nbdev_test` does, one pytest test per notebook, plus two checks of the
nbdev set-up itself: the module agrees with the notebooks, and papermill's `parameters` tag survives `nbdev_clean`."""
import json, os, shutil, subprocess, sys, tempfile
from pathlib import Path

import pytest
from nbdev.config import get_config
from nbdev.test import test_nb as run_notebook_tests

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT / 'nbs'
NOTEBOOKS = sorted(p for p in NBS.glob('*.ipynb') if not p.name.startswith('_'))


def test_found_notebooks():
    assert len(NOTEBOOKS) >= 5, f"expected the book's notebooks in {NBS}, found {NOTEBOOKS}"


@pytest.mark.parametrize('nb', NOTEBOOKS, ids=lambda p: p.name)
def test_notebook(nb):
    flags = get_config().tst_flags.split()
    force = os.environ.get('HINTON_NB_FLAGS', '').split()   # e.g. HINTON_NB_FLAGS=slow to run the slow cells too
    ok, secs = run_notebook_tests(nb, skip_flags=flags, force_flags=force)
    assert ok, f"{nb.name} failed (traceback above)"


def test_module_matches_notebooks(tmp_path):
    "Exporting the notebooks afresh reproduces hinton_nb/ exactly: nobody edited the generated module by hand."
    work = tmp_path / 'repo'
    shutil.copytree(ROOT, work, ignore=shutil.ignore_patterns('.git', 'data', 'results', '_proc', '_docs', '*.egg-info'))
    subprocess.run(['nbdev_export'], cwd=work, check=True, capture_output=True)
    for f in sorted((ROOT / 'hinton_nb').glob('*.py')):
        assert (work / 'hinton_nb' / f.name).read_text() == f.read_text(), f"hinton_nb/{f.name} differs from its notebook: run nbdev_export"
    assert sorted(p.name for p in (work / 'hinton_nb').glob('*.py')) == sorted(p.name for p in (ROOT / 'hinton_nb').glob('*.py'))


def test_nbdev_clean_keeps_parameters_tag(tmp_path):
    "papermill needs the `parameters` cell tag; nbdev_clean strips cell tags unless settings.ini allows them."
    nb = {'cells': [{'cell_type': 'code', 'execution_count': 3, 'id': 'a', 'metadata': {'tags': ['parameters'], 'foo': 1},
                     'outputs': [], 'source': ['epochs = 2']}],
          'metadata': {'kernelspec': {'display_name': 'python3', 'language': 'python', 'name': 'python3'}},
          'nbformat': 4, 'nbformat_minor': 5}
    work = tmp_path / 'repo'; (work / 'nbs').mkdir(parents=True)
    shutil.copy(ROOT / 'settings.ini', work)
    (work / 'nbs' / 'x.ipynb').write_text(json.dumps(nb))
    subprocess.run(['nbdev_clean', '--fname', 'nbs/x.ipynb'], cwd=work, check=True, capture_output=True)
    cell = json.loads((work / 'nbs' / 'x.ipynb').read_text())['cells'][0]
    assert cell['metadata'].get('tags') == ['parameters'], cell['metadata']
    assert 'foo' not in cell['metadata']


def test_docs_pipeline():
    "The docs pipeline up to Quarto (which cannot be installed here): nbdev_proc_nbs processes every notebook."
    proc = subprocess.run(['nbdev_proc_nbs', '--n_workers', '0'], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    for nb in NOTEBOOKS: assert (ROOT / '_proc' / nb.name).exists(), f"{nb.name} was not processed"


def test_readme_matches_index():
    "README.md is generated from nbs/index.ipynb and its stored outputs (tools/readme.py); they must not drift apart."
    proc = subprocess.run([sys.executable, 'tools/readme.py', '--check'], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
