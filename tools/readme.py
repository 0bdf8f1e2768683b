"""Write README.md from nbs/index.ipynb and its stored outputs (what `nbdev_readme` does with Quarto, which these
machines cannot install). Cells marked `#| hide` are left out, `#| echo: false` cells show only their outputs.

    python tools/readme.py          # write README.md
    python tools/readme.py --check  # exit 1 if README.md is out of date
"""
import json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def directives(src: str) -> dict:
    out = {}
    for line in src.splitlines():
        m = re.match(r'^#\|\s*([\w-]+):?\s*(.*)$', line)
        if m: out[m.group(1)] = m.group(2).strip()
    return out


def render(nb_path=ROOT / 'nbs' / 'index.ipynb') -> str:
    nb = json.loads(Path(nb_path).read_text())
    parts = []
    for cell in nb['cells']:
        src = ''.join(cell['source'])
        if cell['cell_type'] == 'markdown':
            md = src.strip().replace('](../', '](')   # links relative to nbs/ -> relative to the root
            parts.append(re.sub(r'\]\((\w+\.ipynb)\)', r'](nbs/\1)', md)); continue
        if cell['cell_type'] != 'code': continue
        d = directives(src)
        if 'hide' in d or d.get('include') == 'false': continue
        code = '\n'.join(l for l in src.splitlines() if not l.startswith('#|')).strip()
        if code and d.get('echo') != 'false': parts.append(f"```python\n{code}\n```")
        for o in cell.get('outputs', []):
            data = o.get('data', {})
            if 'text/markdown' in data: parts.append(''.join(data['text/markdown']).strip())
            elif o.get('output_type') == 'stream' and o.get('name') == 'stdout': parts.append(f"```\n{''.join(o['text']).rstrip()}\n```")
            elif 'text/plain' in data and 'image/png' not in data: parts.append(f"```\n{''.join(data['text/plain']).rstrip()}\n```")
    return '<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file. -->\n\n' + '\n\n'.join(p for p in parts if p) + '\n'


if __name__ == '__main__':
    text, readme = render(), ROOT / 'README.md'
    if '--check' in sys.argv:
        if readme.read_text() != text: sys.exit("README.md is out of date with nbs/index.ipynb: run `python tools/readme.py`.")
    else: readme.write_text(text); print(f"wrote {readme}")
